package io.siyu.rules.examples;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON file of the example packs names its JSON Schema with {@code $schema}, relative to the pack
 * ({@code ../../schema/pack.schema.json}, where the distribution and this module keep them), and is valid
 * against it. The schemas beside the packs are the ones in the rules-core jar, byte for byte.
 */
class ExamplePacksSchemaTest {
    private static final Path PACKS = Path.of("packs");
    private static final Path SCHEMAS = Path.of("schema");
    private static final List<String> KINDS = List.of("pack", "codebook", "scripts", "funnel");
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Test
    void everyExamplePackFileNamesItsSchemaAndIsValidAgainstIt() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getDraft202012())
                .keywords(List.of("markdownDescription", "markdownEnumDescriptions", "patternErrorMessage",
                        "allowComments", "allowTrailingCommas").stream().map(AnnotationKeyword::new).toList())
                .build());
        List<Path> checked = new ArrayList<>();
        for (Path file : exampleJsonFiles()) {
            String kind = file.getFileName().toString().replace(".json", "");
            JsonNode json = LENIENT.readTree(Files.readString(file));
            assertThat(json.path("$schema").asString()).as("$schema of %s", file)
                    .isEqualTo("../../schema/" + kind + ".schema.json");
            assertThat(file.getParent().resolve(json.path("$schema").asString()).normalize())
                    .as("the schema %s names", file).isEqualTo(SCHEMAS.resolve(kind + ".schema.json")).exists();
            Schema schema;
            try (InputStream in = jarSchema(kind)) {
                schema = registry.getSchema(in);
            }
            assertThat(schema.validate(json)).as("schema problems with %s", file).isEmpty();
            checked.add(file);
        }
        assertThat(checked).hasSize(7);
    }

    @Test
    void theSchemasBesideThePacksAreTheOnesInTheRulesCoreJar() throws IOException {
        for (String kind : KINDS) {
            try (InputStream in = jarSchema(kind)) {
                assertThat(Files.readAllBytes(SCHEMAS.resolve(kind + ".schema.json")))
                        .as("rules-examples/schema/%s.schema.json is a copy of rules-core's "
                                + "src/main/resources/META-INF/siyu-rules/schema/%s.schema.json", kind, kind)
                        .isEqualTo(in.readAllBytes());
            }
        }
    }

    private static InputStream jarSchema(String kind) {
        InputStream in = ExamplePacksSchemaTest.class.getResourceAsStream(
                "/META-INF/siyu-rules/schema/" + kind + ".schema.json");
        assertThat(in).as("the rules-core jar ships %s.schema.json", kind).isNotNull();
        return in;
    }

    private static List<Path> exampleJsonFiles() {
        try (Stream<Path> files = Files.walk(PACKS)) {
            return files.filter(f -> KINDS.stream().anyMatch(k -> f.getFileName().toString().equals(k + ".json")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
