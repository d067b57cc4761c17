package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackOptions.CompileMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A pack compiled ahead of time ({@link RulePack#compile}) loads from its compiled part and decides exactly as
 * the pack compiled at load; a compiled part that does not match the pack (its files changed, another library
 * version, other allowed classes, a broken file) is never used, and the load says why in English and Chinese;
 * the compiled-pack cache serves an unchanged pack without compiling it.
 */
class CompiledPackTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    private static final Clock TEN_AM = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final PackOptions OPTIONS = PackOptions.builder().locale(Locale.ENGLISH).clock(TEN_AM).build();

    @TempDir
    Path tmp;

    /** The varied skincare customers the compiler-free JVM of CompiledPackIT decides too. */
    static List<Customer> customers(RulePack pack) {
        return io.siyu.rules.CompiledPackMain.customers(pack);
    }

    @Test
    void aCompiledPackDecidesAsThePackCompiledAtLoadFromADirectoryAndAZip() {
        RulePack classic = RulePack.load(SKINCARE, OPTIONS);
        List<Decision> expected = classic.decideAll(customers(classic));

        RulePack compiled = RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, tmp.resolve("dir"));
        RulePack fromDirectory = RulePack.load(tmp.resolve("dir"), OPTIONS);
        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, tmp.resolve("skincare.zip"));
        RulePack fromZip = RulePack.load(PackSource.zip(tmp.resolve("skincare.zip")), OPTIONS);

        assertThat(tmp.resolve("dir/siyu-compiled/manifest.json")).isRegularFile();
        assertThat(tmp.resolve("dir/rules")).isDirectory();
        for (RulePack pack : List.of(compiled, fromDirectory, fromZip)) {
            assertThat(pack.decideAll(customers(pack))).isEqualTo(expected);
            assertThat(pack.rules()).isEqualTo(classic.rules());
            assertThat(pack.warnings()).isEqualTo(classic.warnings());
        }
    }

    @Test
    void aLoadUsesTheCompiledPartInsteadOfCompiling() throws IOException {
        Path dir = tmp.resolve("dir");
        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, dir);
        markWarnings(dir.resolve("siyu-compiled/manifest.json"));

        assertThat(RulePack.load(dir, OPTIONS).warnings()).extracting(Diagnostic::key).containsExactly("marker");
    }

    /** Puts one made-up warning into a compiled part's manifest: a load that shows it used the compiled part. */
    private static void markWarnings(Path manifest) throws IOException {
        // The skincare pack's own warning (city.tip's "city" has no default) is replaced by the marker.
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                mapper.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
        assertThat(tree.has("warnings")).isTrue();
        tree.set("warnings", mapper.readTree("[{\"file\":\"x\",\"line\":1,\"column\":1,\"severity\":\"WARNING\","
                + "\"key\":\"marker\",\"path\":\"\",\"message\":\"from the compiled part\"}]"));
        Files.writeString(manifest, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                StandardCharsets.UTF_8);
    }

    @Test
    void aCompiledPartIsNotUsedOnceARuleFileChangedAndTheLoadSaysWhich() throws IOException {
        Path dir = tmp.resolve("dir");
        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, dir);
        Path propose = dir.resolve("rules/propose.drl");
        String changed = Files.readString(propose, StandardCharsets.UTF_8).replace("\"新客还没有填问卷\"", "\"新客，改过了\"");
        assertThat(changed).contains("新客，改过了");
        Files.writeString(propose, changed, StandardCharsets.UTF_8);

        RulePack pack = RulePack.load(dir, OPTIONS);
        RulePack zh = RulePack.load(dir, OPTIONS.toBuilder().locale(Locale.SIMPLIFIED_CHINESE).build());

        Diagnostic warning = only(pack.warnings(), "pack.compiled-stale");
        assertThat(warning.file()).isEqualTo("siyu-compiled/manifest.json");
        assertThat(warning.message()).contains("rules/propose.drl").contains("changed after it was compiled")
                .contains("siyu compile");
        assertThat(only(zh.warnings(), "pack.compiled-stale").message()).contains("rules/propose.drl")
                .contains("编译之后文件有改动");
        Decision newCustomer = pack.decide(Customer.builder("new").build());
        assertThat(newCustomer.winner().orElseThrow().getReason()).isEqualTo("新客，改过了");
    }

    @Test
    void aCompiledPartOfAnotherLibraryVersionOrOtherAllowedClassesIsNotUsed() throws IOException {
        Path dir = tmp.resolve("dir");
        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, dir);
        Path manifest = dir.resolve("siyu-compiled/manifest.json");
        String original = Files.readString(manifest, StandardCharsets.UTF_8);

        RulePack otherClasses = RulePack.load(dir, OPTIONS.toBuilder().allowClass(java.time.LocalDate.class).build());
        assertThat(only(otherClasses.warnings(), "pack.compiled-other-classes").message())
                .contains("java.time.LocalDate");

        Files.writeString(manifest, original.replaceFirst("\"library\" : \"[^\"]*\"", "\"library\" : \"0.0.1\""),
                StandardCharsets.UTF_8);
        RulePack older = RulePack.load(dir, OPTIONS);
        assertThat(only(older.warnings(), "pack.compiled-other-version").message()).contains("siyu-rules 0.0.1")
                .contains("compiled from its files");
        RulePack olderZh = RulePack.load(dir, OPTIONS.toBuilder().locale(Locale.SIMPLIFIED_CHINESE).build());
        assertThat(only(olderZh.warnings(), "pack.compiled-other-version").message()).contains("0.0.1")
                .contains("重新编译");

        Files.writeString(manifest, "{ not json", StandardCharsets.UTF_8);
        RulePack broken = RulePack.load(dir, OPTIONS);
        assertThat(only(broken.warnings(), "pack.compiled-unusable").message()).contains("cannot be used");
        assertThat(broken.decideAll(customers(broken))).isEqualTo(RulePack.load(SKINCARE, OPTIONS)
                .decideAll(customers(broken)));
    }

    @Test
    void validRulesTheExecutableModelRefusesAreHeadedBySayingSoInTheReadersLanguage() throws IOException {
        Path pack = tmp.resolve("strict");
        copy(SKINCARE, pack);
        Path rules = pack.resolve("rules/intent.drl");
        // The classic build takes a text for the stage in brackets (the load-time type check does not look there);
        // the executable model's generated Java does not.
        Files.writeString(rules, Files.readString(rules).replace("Customer( answered(\"urgency\", \"month\") )",
                "Customer( answered(\"urgency\", \"month\"), (stage != \"LEFT\") )"));
        assertThat(RulePack.load(pack, OPTIONS).warnings()).noneMatch(d -> d.key().startsWith("drl.executable"));

        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            RulePackException e = catchThrowableOfType(RulePackException.class, () -> RulePack.compile(
                    PackSource.directory(pack), OPTIONS.toBuilder().locale(locale).build(), tmp.resolve("strict.zip")));
            Diagnostic first = e.diagnostics().get(0);
            assertThat(first.key()).isEqualTo("drl.executable-model-refuses");
            assertThat(first.message()).contains(locale == Locale.ENGLISH ? "The rules are valid" : "规则本身没有问题");
        }
    }

    @Test
    void aCompiledPackCarriesOnlyThePacksOwnFilesNeverAnEarlierCompiledPartOrStrayFiles() throws IOException {
        Path pack = tmp.resolve("pack");
        copy(SKINCARE, pack);
        RulePack.compile(PackSource.directory(pack), OPTIONS, pack); // a compiled part inside the pack itself
        Files.write(pack.resolve("rules/out.zip"), new byte[4096]);
        Files.writeString(pack.resolve("notes.txt"), "todo");
        Files.createDirectories(pack.resolve("tests/old"));
        Files.writeString(pack.resolve("tests/old/cases.csv"), "x");
        Files.writeString(pack.resolve("rules/intent.drl.bak"), "old rules");
        Set<String> own;
        try (Stream<Path> all = Files.walk(SKINCARE)) {
            own = all.filter(Files::isRegularFile).map(p -> SKINCARE.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
        Path zip = tmp.resolve("out.zip");

        RulePack.compile(PackSource.directory(pack), OPTIONS, zip);

        Set<String> entries = new java.util.TreeSet<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            z.stream().forEach(e -> entries.add(e.getName()));
        }
        assertThat(entries.stream().filter(e -> !e.startsWith("siyu-compiled/")).toList())
                .containsExactlyElementsOf(own.stream().filter(RulePack::isPackFile).toList())
                .contains("pack.json", "rules/intent.drl");
        // One compiled part: as many files as a compile of the pack's own folder gives.
        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, tmp.resolve("clean.zip"));
        try (java.util.zip.ZipFile clean = new java.util.zip.ZipFile(tmp.resolve("clean.zip").toFile())) {
            assertThat(entries).hasSize(clean.size());
        }
    }

    @Test
    void aCompiledZipGetsTheModeOfAnyNewFileNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path zip = tmp.resolve("skincare.zip");

        RulePack.compile(PackSource.directory(SKINCARE), OPTIONS, zip);

        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void compilingABrokenPackWritesNothing() {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> RulePack.compile(PackSource.directory(Path.of("src/test/resources/packs/broken-syntax")),
                OPTIONS, out)).isInstanceOf(RulePackException.class);
        assertThat(out).doesNotExist();
    }

    @Test
    void theCacheServesAnUnchangedPackFromItsEntry() throws IOException {
        Path cache = tmp.resolve("cache");
        Path pack = tmp.resolve("pack");
        copy(SKINCARE, pack);
        PackOptions cached = OPTIONS.toBuilder().cacheDirectory(cache).compileMode(CompileMode.EXECUTABLE_MODEL).build();

        RulePack first = RulePack.load(pack, cached);
        List<Path> entries = entries(cache);
        assertThat(entries).hasSize(1);
        if (cache.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        }
        // Mark the entry, so that a load from it can be told from a compilation.
        markWarnings(entries.get(0).resolve("siyu-compiled/manifest.json"));

        RulePack second = RulePack.load(pack, cached);
        assertThat(second.warnings()).extracting(Diagnostic::key).containsExactly("marker");
        assertThat(second.decideAll(customers(second))).isEqualTo(first.decideAll(customers(first)));

        Files.writeString(pack.resolve("rules/extra.drl"), """
                rule "额外"
                    ruleflow-group "propose"
                when
                    Customer( )
                then
                    actions.propose("EXTRA", 1, "extra");
                end
                """, StandardCharsets.UTF_8);
        RulePack changed = RulePack.load(pack, cached);
        assertThat(changed.warnings()).extracting(Diagnostic::key).doesNotContain("marker");
        assertThat(changed.rules()).extracting(r -> r.name()).contains("额外");
        assertThat(entries(cache)).hasSize(2);
    }

    @Test
    void evictionTouchesOnlyTheCachesOwnEntriesAndADamagedEntryIsStoredAgain() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        // 70 folders of the user's own, and 64 old entries of the cache: the next entry stored evicts one entry.
        for (int i = 0; i < 70; i++) {
            Files.writeString(Files.createDirectories(cache.resolve("project" + i)).resolve("notes.txt"), "mine");
        }
        for (int i = 0; i < 64; i++) {
            Path old = Files.createDirectories(cache.resolve(String.format("%064x", i)).resolve("siyu-compiled"));
            Files.writeString(old.resolve("manifest.json"), "{}");
            Files.setLastModifiedTime(old.getParent(), java.nio.file.attribute.FileTime.fromMillis(1_000L * (i + 1)));
        }
        PackOptions cached = OPTIONS.toBuilder().cacheDirectory(cache).compileMode(CompileMode.EXECUTABLE_MODEL).build();

        RulePack.load(SKINCARE, cached);

        for (int i = 0; i < 70; i++) {
            assertThat(cache.resolve("project" + i + "/notes.txt")).as("never the user's").hasContent("mine");
        }
        assertThat(cache.resolve(String.format("%064x", 0))).as("the oldest entry").doesNotExist();
        assertThat(cache.resolve(String.format("%064x", 1))).exists();

        // Damage the new entry: the next load compiles, removes it and stores it again, instead of every load
        // compiling from then on.
        Path entry = entries(cache).stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")
                && Files.exists(p.resolve("siyu-compiled/classes-0.jar"))).findFirst().orElseThrow();
        Path jar = entry.resolve("siyu-compiled/classes-0.jar");
        long size = Files.size(jar);
        Files.write(jar, new byte[10]);
        RulePack again = RulePack.load(SKINCARE, cached);
        assertThat(Files.size(jar)).as("stored again (a new jar, about as large)").isBetween(size - 1_000, size + 1_000);
        assertThat(again.decideAll(customers(again))).isEqualTo(RulePack.load(SKINCARE, OPTIONS)
                .decideAll(customers(again)));
    }

    @Test
    void aClassicLoadFillsTheCacheInTheBackground() throws Exception {
        Path cache = tmp.resolve("cache");
        PackOptions cached = OPTIONS.toBuilder().cacheDirectory(cache).build();

        RulePack.load(SKINCARE, cached);

        long deadline = System.nanoTime() + 120_000_000_000L;
        while (entries(cache).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(entries(cache)).hasSize(1);
        Path manifest = entries(cache).get(0).resolve("siyu-compiled/manifest.json");
        assertThat(manifest).isRegularFile();
        RulePack fromCache = RulePack.load(SKINCARE, cached);
        assertThat(fromCache.decideAll(customers(fromCache)))
                .isEqualTo(RulePack.load(SKINCARE, OPTIONS).decideAll(customers(fromCache)));
    }

    @Test
    void aCacheDirectoryOthersMayWriteToIsNotUsed() throws IOException {
        Path cache = tmp.resolve("shared");
        if (!cache.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.createDirectories(cache);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));

        RulePack.load(SKINCARE, OPTIONS.toBuilder().cacheDirectory(cache).compileMode(CompileMode.EXECUTABLE_MODEL)
                .build());

        assertThat(entries(cache)).isEmpty();
    }

    @Test
    void theDefaultCacheDirectoryIsTheUsersOwnAndTheCacheIsOffByDefault() {
        assertThat(PackOptions.defaults().cacheDirectory()).isEmpty();
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path expected = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "siyu-rules")
                : home.resolve(".cache/siyu-rules");
        assertThat(PackOptions.defaultCacheDirectory()).isEqualTo(expected);
        PackOptions on = PackOptions.builder().cacheDirectory(tmp).build();
        assertThat(on.cacheDirectory()).contains(tmp.toAbsolutePath());
        assertThat(on.toBuilder().noCache().build().cacheDirectory()).isEmpty();
    }

    private static Diagnostic only(List<Diagnostic> warnings, String key) {
        assertThat(warnings).extracting(Diagnostic::key).containsOnlyOnce(key);
        return warnings.stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<Path> entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(cache)) {
            return all.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
