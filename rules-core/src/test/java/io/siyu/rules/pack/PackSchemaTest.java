package io.siyu.rules.pack;

import com.networknt.schema.Error;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.pack.JsonSchemas.Kind;
import io.siyu.rules.script.ScriptLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas of pack.json, codebook.json, scripts.json and funnel.json against every JSON file of the
 * tests (the test packs, the loaders' own test files and the broken-file corpus under {@code schema-corpus/}):
 * a file the loader accepts, the schema accepts; a file the loader refuses, the schema refuses too, at the
 * same place for every kind of mistake a schema can express. What a schema cannot express (a duplicate id,
 * codes that clash, an unknown timezone, ...) is listed here, so that a new kind of loader error must be
 * classified.
 */
class PackSchemaTest {
    private static final Path RESOURCES = Path.of("src/test/resources");

    /** Loader errors a schema expresses: the schema must report each at the same JSON path (or its parent). */
    private static final Set<String> EXPRESSIBLE = Set.of(
            "json.unknown-field", "json.missing-field", "json.wrong-type", "json.out-of-range", "json.blank",
            "pack.bad-time",
            "codebook.no-questions", "codebook.no-options", "codebook.bad-type", "codebook.bad-code-character",
            "codebook.code-compatibility-character",
            "script.personas-type", "script.reserved-variable", "script.bad-declared-name", "script.unknown-channel",
            "script.text-and-variants", "script.no-text", "script.no-variants", "script.bad-weight", "script.empty-text",
            "funnel.group-capacity-over-wechat-limit", "funnel.duplicate-cohort-question");

    /** Loader errors beyond a JSON Schema: relations between values, other files, or the world. */
    private static final Set<String> NOT_EXPRESSIBLE = Set.of(
            "pack.unknown-timezone", "pack.thresholds-order", "pack.holdout-precision",
            "codebook.duplicate-question", "codebook.duplicate-option", "codebook.duplicate-code",
            "codebook.code-prefix", "codebook.retired-code-clash", "codebook.codes-too-long",
            "script.duplicate-id", "script.duplicate-persona", "script.duplicate-variant-id", "script.unknown-persona",
            "script.no-personas", "script.unknown-variable", "script.too-long", "script.bad-variable-name",
            "script.unclosed-brace", "script.stray-brace", "script.full-width-braces",
            "funnel.unknown-timezone");

    /** Errors that mean the file is not JSON the loaders read: the schema cannot even be applied. */
    private static final Set<String> NOT_JSON = Set.of("json.malformed", "json.empty", "json.trailing",
            "json.duplicate-key",
            // characters typed with a Chinese input method outside a text: the loader reads the file as meant
            // and names each one; a standard JSON reader (the schema's) cannot read it at all
            "json.full-width", "json.stray-character", "json.quote-in-text", "json.unclosed-string");

    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void everyJsonFileTheLoaderAcceptsTheSchemaAcceptsToo() {
        List<String> checked = new ArrayList<>();
        for (Path file : corpus()) {
            if (!loaderProblems(file).isEmpty()) {
                continue;
            }
            JsonNode json = JsonSchemas.parse(read(file)).orElseThrow();
            assertThat(schemas.validate(kind(file), json)).as("schema problems with %s", file).isEmpty();
            checked.add(file.toString());
        }
        assertThat(checked).as("valid files checked").hasSizeGreaterThan(30)
                .anyMatch(f -> f.endsWith("skincare/scripts.json")).anyMatch(f -> f.endsWith("skincare/funnel.json"));
    }

    @Test
    void theSchemaRefusesEveryBrokenFileAtThePlacesTheLoaderNamesWhereASchemaCanSayIt() {
        Set<Kind> kindsSeen = EnumSet.noneOf(Kind.class);
        Set<String> expressibleSeen = new TreeSet<>();
        int broken = 0;
        for (Path file : corpus()) {
            List<Diagnostic> problems = loaderProblems(file);
            if (problems.isEmpty()) {
                continue;
            }
            broken++;
            Optional<JsonNode> json = JsonSchemas.parse(read(file));
            if (json.isEmpty()) {
                assertThat(problems).as("%s is not JSON to the schema's reader", file)
                        .anyMatch(d -> NOT_JSON.contains(d.key()));
                continue;
            }
            kindsSeen.add(kind(file));
            List<Error> schemaProblems = schemas.validate(kind(file), json.get());
            List<String> schemaPaths = schemaProblems.stream().map(JsonSchemas::path).toList();
            for (Diagnostic problem : problems) {
                assertThat(EXPRESSIBLE.contains(problem.key()) || NOT_EXPRESSIBLE.contains(problem.key())
                        || NOT_JSON.contains(problem.key()))
                        .as("loader error kind %s (%s) is classified here", problem.key(), file).isTrue();
                if (EXPRESSIBLE.contains(problem.key())) {
                    expressibleSeen.add(problem.key());
                    assertThat(schemaPaths).as("%s: the schema reports %s (%s) at %s; it reports %s", file,
                                    problem.key(), problem.message(), problem.path(), schemaProblems)
                            .anyMatch(p -> samePlace(p, problem.path()));
                }
            }
            if (problems.stream().allMatch(d -> NOT_EXPRESSIBLE.contains(d.key()))) {
                // Only mistakes a schema cannot see: the loader is the one to catch them.
                assertThat(schemaProblems).as("%s has only mistakes a schema cannot express", file).isEmpty();
            } else {
                assertThat(schemaProblems).as("%s: the loader refuses it, so must the schema", file).isNotEmpty();
            }
        }
        assertThat(broken).as("broken files").isGreaterThan(15);
        assertThat(kindsSeen).containsExactlyInAnyOrder(Kind.values());
        assertThat(expressibleSeen).as("expressible kinds the corpus covers").isEqualTo(new TreeSet<>(EXPRESSIBLE));
    }

    /**
     * Whether a schema problem's place is the loader's: the same path, or the object holding it (a schema
     * names the object for a missing field in a oneOf, the loader the field).
     */
    private static boolean samePlace(String schemaPath, String loaderPath) {
        if (schemaPath.equals(loaderPath)) {
            return true;
        }
        int cut = Math.max(loaderPath.lastIndexOf('.'), loaderPath.lastIndexOf('['));
        return schemaPath.equals(cut < 0 ? "" : loaderPath.substring(0, cut));
    }

    /** What the loader of the file's kind says about it, in English. */
    static List<Diagnostic> loaderProblems(Path file) {
        String text = read(file);
        String name = file.getFileName().toString();
        try {
            switch (kind(file)) {
                case PACK -> {
                    List<Diagnostic> problems = new ArrayList<>();
                    PackManifest.parse(text, Locale.ENGLISH, problems);
                    return problems.stream().filter(Diagnostic::isError).toList();
                }
                case CODEBOOK -> Codebook.parse(name, text, Locale.ENGLISH);
                case SCRIPTS -> ScriptLibrary.parse(name, text, Locale.ENGLISH);
                case FUNNEL -> FunnelConfig.parse(name, text, Locale.ENGLISH);
            }
            return List.of();
        } catch (DiagnosticException e) {
            return e.diagnostics().stream().filter(Diagnostic::isError).toList();
        }
    }

    /** Every JSON file under the test resources: test packs, loader test files, the broken-file corpus. */
    static List<Path> corpus() {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which format a file is in: by its name in a pack ({@code pack.json}), by its name's first word in the
     * corpus ({@code schema-corpus/funnel-reentry.json}), or by its folder ({@code script/broken-scripts.json}).
     */
    static Kind kind(Path file) {
        String name = file.getFileName().toString();
        String folder = file.getParent().getFileName().toString();
        for (Kind kind : Kind.values()) {
            if (name.equals(kind.name + ".json") || name.startsWith(kind.name + "-")) {
                return kind;
            }
        }
        return switch (folder) {
            case "codebook" -> Kind.CODEBOOK;
            case "script" -> Kind.SCRIPTS;
            case "funnel" -> Kind.FUNNEL;
            default -> throw new IllegalStateException("which format is " + file + "?");
        };
    }

    /** The file's text as a pack reads it: UTF-8, a byte-order mark dropped. */
    static String read(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyLoaderAcceptsAndIgnoresASchemaReferenceAtTheTop(@TempDir Path tmp) throws IOException {
        Path pack = tmp.resolve("skincare");
        copyTree(RESOURCES.resolve("packs/skincare"), pack);
        for (Kind kind : Kind.values()) {
            Path file = pack.resolve(kind.name + ".json");
            String text = Files.readString(file);
            assertThat(text).startsWith("{");
            Files.writeString(file, "{\n  \"$schema\": \"../../schema/" + kind.name + ".schema.json\",\n" + text.substring(1));
        }

        RulePack loaded = RulePack.load(pack);

        assertThat(loaded.manifest().id()).isEqualTo("skincare-test");
    }

    @Test
    void aSchemaReferenceBelowTheTopIsAnUnknownField() {
        List<Diagnostic> problems = new ArrayList<>();

        PackManifest.parse("{ \"id\": \"p\", \"version\": \"1\", \"intent\": { \"$schema\": \"x\" } }",
                Locale.ENGLISH, problems);

        assertThat(problems).extracting(Diagnostic::key, Diagnostic::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json.unknown-field", "intent.$schema"));
    }

    @Test
    void theFunnelSchemaKnowsReentryEitherNeverOrAfterSomeDays() {
        // funnel.json's "reentry" is added by another change to the loader; the schema has it already.
        assertThat(funnelProblems("{ \"reentry\": \"never\" }")).isEmpty();
        assertThat(funnelProblems("{ \"reentry\": { \"afterDays\": 30 } }")).isEmpty();
        assertThat(funnelProblems("{ \"reentry\": \"always\" }")).isNotEmpty();
        assertThat(funnelProblems("{ \"reentry\": { \"afterDays\": 0 } }")).isNotEmpty();
        assertThat(funnelProblems("{ \"reentry\": { } }")).isNotEmpty();
    }

    private List<Error> funnelProblems(String json) {
        return schemas.validate(Kind.FUNNEL, JsonSchemas.parse(json).orElseThrow());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void aKindOfMistakeIsEitherExpressibleOrNot() {
        assertThat(EXPRESSIBLE).doesNotContainAnyElementsOf(NOT_EXPRESSIBLE);
    }
}
