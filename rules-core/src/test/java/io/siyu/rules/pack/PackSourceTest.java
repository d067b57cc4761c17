package io.siyu.rules.pack;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One pack, five sources: a directory, a zip (pack at the root, or in one folder), files in memory, and the
 * class path — a directory and a jar built here, each behind its own {@link URLClassLoader}. Every source
 * loads a pack that decides exactly as the directory does, and names files relative to the pack.
 */
class PackSourceTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    private static final Path BROKEN = Path.of("src/test/resources/packs/broken-syntax");
    private static final Path CASES = Path.of("src/test/resources/cases/skincare.csv");
    /** A case table name with a space, '#', '%' and Chinese: it must survive URL resolution inside a jar. */
    private static final String ODD_TABLE = "tests/冷热 #1 100%.csv";
    private static final PackOptions OPTIONS = PackOptions.builder().locale(Locale.ENGLISH)
            .clock(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC)).build();
    private static final List<Customer> CUSTOMERS = List.of(
            Customer.builder("hot").message("这个多少钱？").build(),
            Customer.builder("quiet").build(),
            Customer.builder("replied").replied(true).attribute("nickname", "小美").build());

    private static List<Decision> expected;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void decideFromTheDirectory() {
        expected = RulePack.load(SKINCARE, OPTIONS).decideAll(withTags(CUSTOMERS));
    }

    /** The customers with skincare codes, read through the pack's codebook. */
    private static List<Customer> withTags(List<Customer> customers) {
        RulePack pack = RulePack.load(SKINCARE, OPTIONS);
        return customers.stream().map(c -> c.toBuilder().tags(pack.codebook().decode("3DU1")).build()).toList();
    }

    private static void decidesAsTheDirectory(PackSource source) {
        RulePack pack = RulePack.load(source, OPTIONS);
        assertThat(pack.source()).isSameAs(source);
        assertThat(pack.decideAll(withTags(CUSTOMERS))).isEqualTo(expected);
    }

    @Test
    void aDirectory() {
        decidesAsTheDirectory(PackSource.directory(SKINCARE));
        assertThat(RulePack.load(SKINCARE, OPTIONS).source()).isEqualTo(PackSource.directory(SKINCARE));
    }

    @Test
    void aZipWithThePackAtItsRootOrInOneFolder() throws IOException {
        decidesAsTheDirectory(PackSource.zip(zip(SKINCARE, tmp.resolve("root.zip"), "", Map.of())));
        decidesAsTheDirectory(PackSource.zip(zip(SKINCARE, tmp.resolve("folder.zip"), "skincare/",
                Map.of("README.txt", "not a pack file"))));
    }

    @Test
    void filesInMemory() throws IOException {
        decidesAsTheDirectory(PackSource.files(filesOf(SKINCARE)));
    }

    @Test
    void aJarOnTheClassPath() throws IOException {
        Path jar = zip(SKINCARE, tmp.resolve("app.jar"), "packs/skincare/",
                Map.of("io/example/Other.txt", "something else in the jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            decidesAsTheDirectory(PackSource.classpath("packs/skincare", loader));
            decidesAsTheDirectory(PackSource.classpath("classpath:/packs/skincare/", loader));
        }
    }

    @Test
    void aDirectoryOnTheClassPath() throws IOException {
        Path root = tmp.resolve("classes");
        copy(SKINCARE, root.resolve("packs/skincare"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            decidesAsTheDirectory(PackSource.classpath("packs/skincare", loader));
        }
    }

    @Test
    void theContextClassLoaderIsTheDefault() throws IOException {
        Path jar = zip(SKINCARE, tmp.resolve("context.jar"), "packs/ctx/", Map.of());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            PackSource source = PackSource.classpath("packs/ctx");
            Thread.currentThread().setContextClassLoader(before);
            // The loader was captured when the source was made: a reload on another thread reads the same jar.
            decidesAsTheDirectory(source);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void everySourceListsThePacksFilesRelativeToThePackAndNoHiddenOnes() throws IOException {
        Map<String, String> extra = Map.of(".git/config", "[core]", "rules/.DS_Store", "x", ODD_TABLE, "case\n");
        Path jar = zip(SKINCARE, tmp.resolve("listing.jar"), "packs/skincare/", extra);
        Map<String, String> files = new TreeMap<>(filesOf(SKINCARE));
        files.putAll(extra);
        List<String> expectedNames = List.of("codebook.json", "funnel.json", "pack.json", "rules/content.drl",
                "rules/intent.drl", "rules/policy.drl", "rules/propose.drl", "scripts.json", ODD_TABLE);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(PackSource.classpath("packs/skincare", loader).list()).isEqualTo(expectedNames);
        }
        assertThat(PackSource.files(files).list()).isEqualTo(expectedNames);
        assertThat(PackSource.zip(zip(SKINCARE, tmp.resolve("listing.zip"), "", extra)).list())
                .isEqualTo(expectedNames);
        Path dir = copy(SKINCARE, tmp.resolve("listing-dir"));
        for (Map.Entry<String, String> e : extra.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        assertThat(PackSource.directory(dir).list()).isEqualTo(expectedNames);
    }

    @Test
    void thePacksCaseTablesAreReadThroughItsSourceEvenWithOddNames() throws IOException {
        String table = Files.readString(CASES, StandardCharsets.UTF_8);
        Path jar = zip(SKINCARE, tmp.resolve("cases.jar"), "packs/skincare/", Map.of(ODD_TABLE, table));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            RulePack pack = RulePack.load(PackSource.classpath("packs/skincare", loader), OPTIONS);
            CaseRunner runner = CaseRunner.of(pack);
            List<CaseTable> tables = runner.packTables();

            assertThat(tables).singleElement().satisfies(t -> {
                assertThat(t.fileName()).isEqualTo("冷热 #1 100%.csv");
                assertThat(t.path()).isEmpty();
            });
            assertThat(runner.run(tables)).hasSize(CaseTable.load(CASES).rows().size())
                    .allSatisfy(r -> assertThat(r.passed()).as(r.format()).isTrue());
        }
    }

    @Test
    void aCaseTableThatIsNotUtf8IsReportedByNameFromAnySource() throws IOException {
        Path zip = zip(SKINCARE, tmp.resolve("gbk.zip"), "", Map.of());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp.resolve("gbk2.zip")));
             java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
            }
            out.putNextEntry(new ZipEntry("tests/gbk.csv"));
            out.write("case,codes\n痘痘,3D\n".getBytes("GB18030"));
        }
        RulePack pack = RulePack.load(PackSource.zip(tmp.resolve("gbk2.zip")), OPTIONS);
        CaseTableException e = catchThrowableOfType(CaseTableException.class, () -> CaseRunner.of(pack).packTables());
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("gbk.csv");
            assertThat(d.key()).isEqualTo("cases.not-utf8");
            assertThat(d.message()).contains("GBK");
        });
    }

    @Test
    void diagnosticsNameFilesRelativeToThePackAndTheSummaryNamesTheSource() throws IOException {
        List<String> fromDirectory = formatted(BROKEN, PackSource.directory(BROKEN));
        Path jar = zip(BROKEN, tmp.resolve("broken.jar"), "packs/broken/", Map.of());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(formatted(BROKEN, PackSource.classpath("packs/broken", loader))).isEqualTo(fromDirectory);
            RulePackException e = catchThrowableOfType(RulePackException.class,
                    () -> RulePack.load(PackSource.classpath("packs/broken", loader), OPTIONS));
            assertThat(e.getMessage()).startsWith("The rule pack in classpath:packs/broken cannot be loaded:");
        }
        assertThat(formatted(BROKEN, PackSource.zip(zip(BROKEN, tmp.resolve("broken.zip"), "b/", Map.of()))))
                .isEqualTo(fromDirectory);
        assertThat(formatted(BROKEN, PackSource.files(filesOf(BROKEN)))).isEqualTo(fromDirectory);
        assertThat(fromDirectory).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("rules/"));
    }

    private static List<String> formatted(Path dir, PackSource source) {
        return catchThrowableOfType(RulePackException.class, () -> RulePack.load(source, OPTIONS)).diagnostics()
                .stream().map(Diagnostic::format).toList();
    }

    @Test
    void noPackAtTheSourceIsOneDiagnosticNamingTheSource() throws IOException {
        assertThat(only(PackSource.classpath("packs/nowhere", new URLClassLoader(new URL[0], null))))
                .isEqualTo("classpath:packs/nowhere:0:0: There is no rule pack at classpath:packs/nowhere"
                        + " (NoSuchFileException: the class path has no folder packs/nowhere with a pack.json).");
        Path missingZip = tmp.resolve("missing.zip");
        assertThat(only(PackSource.zip(missingZip))).isEqualTo(missingZip + ":0:0: There is no rule pack at "
                + missingZip + " (NoSuchFileException: no such file).");
        assertThat(only(PackSource.directory(tmp.resolve("missing")))).isEqualTo(tmp.resolve("missing")
                + ":0:0: " + tmp.resolve("missing") + " is not a rule pack directory.");
        Path two = tmp.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(two))) {
            for (String name : List.of("a/pack.json", "b/pack.json")) {
                out.putNextEntry(new ZipEntry(name));
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(only(PackSource.zip(two))).contains("several folders with a pack.json: [a/, b/]");
        // A file that is no zip archive, or an empty one: said in the reader's words, not the JVM's.
        Path empty = java.nio.file.Files.write(tmp.resolve("empty.zip"), new byte[0]);
        Path text = java.nio.file.Files.writeString(tmp.resolve("notes.jar"), "not a zip");
        for (Path notAZip : List.of(empty, text)) {
            assertThat(only(PackSource.zip(notAZip))).contains("the file is not a zip archive, or it is damaged or empty")
                    .doesNotContain("ZipException", "END header");
        }
    }

    @Test
    void aPackWithoutRulesOrManifestSaysWhatIsMissing() {
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(PackSource.files(Map.of("pack.json", "{\"id\":\"x\",\"version\":\"1\"}")), OPTIONS));
        assertThat(e.diagnostics()).extracting(Diagnostic::key).containsExactly("pack.no-rules");
        assertThat(e.getMessage()).startsWith("The rule pack in (in-memory files) cannot be loaded: 1 problem(s).");
    }

    /** The key of the warning the skincare pack has by design: a customer with weatherAlert but no city fails. */
    static final String SKINCARE_WARNING = "pack.script-needs-attribute";

    private static String only(PackSource source) {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> RulePack.load(source, OPTIONS));
        // The skincare pack's own warning (city.tip's "city" has no default) is not what these tests are about.
        List<Diagnostic> problems = e.diagnostics().stream().filter(d -> !d.key().equals(SKINCARE_WARNING)).toList();
        assertThat(problems).hasSize(1);
        return problems.get(0).format();
    }

    @Test
    void aHugeFileInAnArchiveIsRefusedWithoutReadingItAll() throws IOException {
        Path zip = tmp.resolve("huge.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> e : filesOf(SKINCARE).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            out.putNextEntry(new ZipEntry("rules/huge.drl"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 6; i++) {
                out.write(spaces);
            }
        }
        assertThat(only(PackSource.zip(zip))).isEqualTo("rules/huge.drl:0:0: The file rules/huge.drl is larger than"
                + " the 4,194,304 bytes a file of a rule pack may have. Check that it is the right file.");
    }

    @Test
    void namesAreCheckedWhereTheyAreGiven() {
        for (String bad : List.of("../pack.json", "/pack.json", "rules//a.drl", "rules\\a.drl", "a/./b", "")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> PackSource.files(Map.of(bad, "x")));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> PackSource.files(Map.of("rules", "x", "rules/a.drl",
                "y"))).withMessageContaining("\"rules\" is a file and the folder of \"rules/a.drl\"");
        assertThatIllegalArgumentException().isThrownBy(() -> PackSource.classpath(" / "));
        assertThatIllegalArgumentException().isThrownBy(() -> PackSource.classpath("packs/../secrets"));
        assertThatIllegalArgumentException().isThrownBy(() -> PackSource.directory(SKINCARE).open("../../pom.xml"));
        assertThatThrownBy(() -> PackSource.files(Map.of("pack.json", "{}")).open("codebook.json"))
                .isInstanceOf(NoSuchFileException.class);
    }

    // ---------------------------------------------------------------- building sources

    static Map<String, String> filesOf(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Writes the files of {@code dir} (and {@code extra}) into a zip, each under {@code prefix}. */
    static Path zip(Path dir, Path zip, String prefix, Map<String, String> extra) throws IOException {
        Map<String, String> files = new TreeMap<>(filesOf(dir));
        files.putAll(extra);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                out.putNextEntry(new ZipEntry(prefix + e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return to;
    }
}
