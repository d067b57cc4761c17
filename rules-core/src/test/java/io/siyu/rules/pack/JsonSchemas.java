package io.siyu.rules.pack;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schemas of the pack files, as shipped in the rules-core jar under
 * {@code META-INF/siyu-rules/schema/}, and a validator for them: networknt's json-schema-validator
 * (draft 2020-12). Files are read as the loaders read them: comments and trailing commas allowed,
 * a duplicate key refused.
 */
final class JsonSchemas {
    /** The pack files that have a schema. */
    enum Kind {
        PACK("pack"), CODEBOOK("codebook"), SCRIPTS("scripts"), FUNNEL("funnel");

        final String name;

        Kind(String name) {
            this.name = name;
        }

        /** Where the schema is in the jar (and, relative to a pack, {@code ../../schema/<name>.schema.json}). */
        String resource() {
            return "/META-INF/siyu-rules/schema/" + name + ".schema.json";
        }
    }

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Keywords VS Code reads: help texts, the message for a pattern, and the JSON-with-comments switches. */
    static final List<String> VS_CODE_KEYWORDS = List.of("markdownDescription", "markdownEnumDescriptions",
            "patternErrorMessage", "allowComments", "allowTrailingCommas");

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);

    JsonSchemas() {
        // Draft 2020-12 plus VS Code's own keywords, which only help editors (no warning about them).
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keywords(VS_CODE_KEYWORDS.stream().map(AnnotationKeyword::new).toList())
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
        for (Kind kind : Kind.values()) {
            try (InputStream in = JsonSchemas.class.getResourceAsStream(kind.resource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema " + kind.resource() + " in rules-core");
                }
                schemas.put(kind, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The file as JSON, or empty when it is not JSON the loaders could read at all. */
    static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(LENIENT.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The schema's problems with a file. */
    List<Error> validate(Kind kind, JsonNode file) {
        return schemas.get(kind).validate(file);
    }

    /**
     * Where a schema problem is, written as the loaders write JSON paths ({@code questions[0].code}); for a
     * missing or unknown field, the field itself, as the loaders name it.
     */
    static String path(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath at = error.getInstanceLocation();
        for (int i = 0; i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        String keyword = error.getKeyword();
        if (error.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "propertyNames".equals(keyword))) {
            path.append(path.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return path.toString();
    }
}
