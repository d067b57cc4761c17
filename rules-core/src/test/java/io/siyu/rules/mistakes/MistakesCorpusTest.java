package io.siyu.rules.mistakes;

import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.script.ScriptLibrary;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistakes operations staff make, one directory per kind and variant under
 * {@code src/test/resources/mistakes/<kind>/<variant>/}: each holds the files that differ from the base pack
 * ({@code mistakes/base}, a small Gaozi-style pack with a test table) — a rule file with the mistake, a
 * {@code pack.json} saved as GBK, ... — and {@code expected.txt}, the exact diagnostics {@code siyu check}
 * gives in English and in Simplified Chinese:
 * <pre>
 * # what the case shows (comment lines start with #)
 * [en]
 * rules/typed.drl:6:13: Full-width character （ (U+FF08) ...
 * [zh_CN]
 * rules/typed.drl:6:13: 全角字符「（」(U+FF08) ...
 * </pre>
 * An empty section says the pack loads with no diagnostic at all (a byte-order mark, full-width characters
 * inside texts, a version written as a number). Adding a variant is adding a directory.
 *
 * <p>What is checked is what {@code siyu check} checks: the pack ({@link RulePack#load}), then its test
 * tables against it ({@link CaseRunner#check}); for a pack that does not load, its tables against what of its
 * codebook and scripts loads ({@link CaseRunner#checkTables}).
 */
class MistakesCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/mistakes");
    private static final Path BASE = CORPUS.resolve("base");
    private static final String EXPECTED = "expected.txt";
    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.ENGLISH, "zh_CN", Locale.SIMPLIFIED_CHINESE);

    @TestFactory
    Stream<DynamicNode> everyCaseGivesExactlyItsDiagnosticsInBothLanguages() throws IOException {
        return kinds().entrySet().stream().map(kind -> DynamicContainer.dynamicContainer(kind.getKey(),
                kind.getValue().stream().map(variant -> DynamicTest.dynamicTest(variant.getFileName().toString(),
                        () -> assertCase(variant)))));
    }

    @Test
    void theBasePackIsClean() {
        assertThat(check(BASE, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void everyKindOfTheIssueHasCases() throws IOException {
        assertThat(kinds().keySet()).contains("full-width", "quote-in-text", "encoding", "duplicate-rule",
                "attributes", "wrong-phase", "references", "json");
        kinds().forEach((kind, variants) -> assertThat(variants).as(kind).isNotEmpty());
    }

    /** Every case directory, by kind, in name order. */
    static Map<String, List<Path>> kinds() throws IOException {
        Map<String, List<Path>> kinds = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path kind : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (kind.equals(BASE)) {
                    continue;
                }
                try (Stream<Path> variants = Files.list(kind)) {
                    kinds.put(kind.getFileName().toString(), variants
                            .filter(v -> Files.isRegularFile(v.resolve(EXPECTED))).sorted().toList());
                }
            }
        }
        return kinds;
    }

    private static void assertCase(Path variant) throws IOException {
        Map<String, List<String>> expected = expected(variant.resolve(EXPECTED));
        assertThat(expected.keySet()).as("sections of %s", variant.resolve(EXPECTED)).containsExactlyInAnyOrder(
                LOCALES.keySet().toArray(String[]::new));
        Path pack = assemble(variant);
        try {
            for (Map.Entry<String, List<String>> section : expected.entrySet()) {
                assertThat(check(pack, LOCALES.get(section.getKey())))
                        .as("%s [%s]", CORPUS.relativize(variant), section.getKey())
                        .containsExactlyElementsOf(section.getValue());
            }
        } finally {
            delete(pack);
        }
    }

    /** What {@code siyu check} prints for a pack, one diagnostic per line, without the summary. */
    static List<String> check(Path pack, Locale locale) {
        List<Diagnostic> problems = new ArrayList<>();
        try {
            RulePack loaded = RulePack.load(pack, PackOptions.builder().locale(locale).build());
            problems.addAll(loaded.warnings());
            CaseRunner runner = CaseRunner.of(loaded);
            try {
                problems.addAll(runner.check(runner.packTables()));
            } catch (CaseTableException e) {
                problems.addAll(e.diagnostics());
            }
        } catch (RulePackException e) {
            problems.addAll(e.diagnostics());
            problems.addAll(tablesOfABrokenPack(pack, locale));
            problems.sort(Diagnostic.READING_ORDER);
        }
        return problems.stream().map(d -> d.format(locale)).toList();
    }

    /** As siyu check: the tables of a pack that does not load, against what of its codebook and scripts loads. */
    private static List<Diagnostic> tablesOfABrokenPack(Path pack, Locale locale) {
        Optional<Codebook> codebook = Optional.empty();
        Optional<ScriptLibrary> scripts = Optional.empty();
        try {
            codebook = Optional.of(Codebook.load(pack.resolve(RulePack.CODEBOOK_FILE), locale));
        } catch (DiagnosticException broken) {
            // among the pack's problems
        }
        try {
            scripts = Optional.of(ScriptLibrary.load(pack.resolve(RulePack.SCRIPTS_FILE), locale));
        } catch (DiagnosticException broken) {
            // among the pack's problems
        }
        return CaseRunner.checkTables(io.siyu.rules.pack.PackSource.directory(pack), codebook, scripts, locale);
    }

    /** The base pack with the case's files on top, in a new temporary directory. */
    static Path assemble(Path variant) throws IOException {
        Path pack = Files.createTempDirectory("mistake-");
        copy(BASE, pack);
        copy(variant, pack);
        Files.deleteIfExists(pack.resolve(EXPECTED));
        return pack;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The sections of an {@code expected.txt}: locale → lines, comments and blank lines left out. */
    static Map<String, List<String>> expected(Path file) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.length() - 1), current);
                } else if (current != null) {
                    current.add(line);
                } else {
                    throw new AssertionError(file + ": a diagnostic before the first [locale] line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
