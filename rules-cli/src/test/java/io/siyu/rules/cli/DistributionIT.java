package io.siyu.rules.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution as operations staff get it: the archives built at {@code package}, unpacked, and
 * {@code bin/siyu} run as a separate process with only a Java runtime (no Maven, no class path, no
 * JAVA_HOME unless the test sets one). {@code bin/siyu.bat} cannot run here; its content is checked.
 */
class DistributionIT {
    private static final Path ZIP = Path.of(System.getProperty("distribution.zip"));
    private static final Path TGZ = Path.of(System.getProperty("distribution.tgz"));
    private static final String VERSION = System.getProperty("distribution.version");
    private static final String ROOT = "siyu-" + VERSION + "/";
    /** The only programs bin/siyu needs besides java: a PATH of just these proves it. */
    private static final List<String> TOOLS = List.of("sed", "dirname", "ls");

    @TempDir
    static Path unpacked;
    private static Path home;
    private static Path tools;

    @BeforeAll
    static void unpackTheTarball() throws Exception {
        Result tar = run(List.of("tar", "xzf", TGZ.toString(), "-C", unpacked.toString()), Map.of(), unpacked);
        assertThat(tar.exitCode()).as("tar: %s", tar.err()).isZero();
        home = unpacked.resolve(ROOT);
        tools = Files.createDirectories(unpacked.resolve("tools"));
        for (String tool : TOOLS) {
            Result where = run(List.of("sh", "-c", "command -v " + tool), Map.of(), unpacked);
            Files.createSymbolicLink(tools.resolve(tool), Path.of(where.out().strip()));
        }
    }

    @Test
    void theZipAndTheTarballHoldTheSameFilesLaidOutForPeople() throws IOException {
        Set<String> inZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
        }
        Set<String> inTarball = new TreeSet<>();
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).map(f -> ROOT + home.relativize(f).toString().replace('\\', '/'))
                    .forEach(inTarball::add);
        }

        assertThat(inZip).isEqualTo(inTarball);
        assertThat(inZip).contains(ROOT + "bin/siyu", ROOT + "bin/siyu.bat", ROOT + "README.txt",
                ROOT + "lib/rules-cli-" + VERSION + ".jar", ROOT + "lib/rules-core-" + VERSION + ".jar",
                ROOT + "lib/rules-examples-" + VERSION + ".jar", ROOT + "packs/gaozi/pack.json",
                ROOT + "packs/gaozi/rules/intent.drl", ROOT + "packs/gaozi/tests/cases.csv",
                ROOT + "packs/retail/codebook.json", ROOT + "schema/pack.schema.json",
                ROOT + "schema/codebook.schema.json", ROOT + "schema/scripts.schema.json",
                ROOT + "schema/funnel.schema.json");
        assertThat(inZip).noneMatch(f -> f.contains("junit") || f.contains("assertj") || f.contains("jqwik")
                || f.contains("json-schema-validator") || f.contains("archunit") || f.endsWith("index.txt"));
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/siyu"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void binSiyuChecksAnExamplePackWithOnlyAJavaRuntime() {
        Result r = siyu(Map.of("PATH", javaBin() + ":" + tools), home, "check", "packs/gaozi");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).matches("gaozi 2026\\.11\\.1: \\d+ rules, \\d+ scripts, \\d+ codes — OK\n");
        assertThat(r.exitCode()).isZero();
    }

    /**
     * siyu.jar carries the drivers of every database the funnel is tested on: a server that is not there is the
     * database's own reason (exit 4), not "this siyu opens ... only" (a usage error, exit 2).
     */
    @Test
    void siyuJarOpensPostgreSqlAndMariaDbUrls() {
        for (String url : List.of("jdbc:postgresql://127.0.0.1:1/none", "jdbc:mariadb://127.0.0.1:1/none")) {
            Result r = siyu(Map.of("PATH", javaBin() + ":" + tools), home, "funnel", "report", "--db", url);
            assertThat(r.err()).as(url).contains("127.0.0.1").doesNotContain("opens H2");
            assertThat(r.exitCode()).as(url).isEqualTo(ExitCodes.INTERNAL_ERROR);
        }
    }

    @Test
    void binSiyuWorksFromAnyDirectoryThroughALinkAndWithJavaHome(@TempDir Path elsewhere) throws IOException {
        Path link = Files.createSymbolicLink(elsewhere.resolve("siyu"), home.resolve("bin/siyu"));
        Path broken = Files.createDirectories(elsewhere.resolve("mine"));
        copy(home.resolve("packs/retail"), broken);
        Path pack = broken.resolve("pack.json");
        Files.writeString(pack, Files.readString(pack).replace("\"version\"", "\"versoin\""));

        Result r = run(List.of(link.toString(), "check", "--locale", "zh_CN", "mine"),
                Map.of("JAVA_HOME", System.getProperty("java.home"), "PATH", tools.toString()), elsewhere);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.out()).contains("pack.json:").contains("versoin").endsWith("mine：2 个错误\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aTooOldJavaOnThePathGetsOneLineSayingWhichVersionToInstall(@TempDir Path fake) throws IOException {
        fakeJava(fake, "java version \"1.8.0\"");

        Result r = siyu(Map.of("PATH", fake + ":" + tools), home, "check", "packs/gaozi");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("siyu 需要 Java 17 或更高版本，但 " + fake.resolve("java") + " 是 Java 1.8.0：请安装 Java 17")
                .contains(" / siyu needs Java 17 or later, but " + fake.resolve("java") + " is Java 1.8.0: install a "
                        + "Java 17 (or newer) runtime");
    }

    @Test
    void aTooOldJavaHomeAndNoJavaAtAllAreNamedToo(@TempDir Path fake) throws IOException {
        Path javaHome = Files.createDirectories(fake.resolve("jdk-11"));
        fakeJava(Files.createDirectories(javaHome.resolve("bin")), "openjdk version \"11.0.2\" 2019-01-15");

        Result old = siyu(Map.of("JAVA_HOME", javaHome.toString(), "PATH", javaBin() + ":" + tools), home,
                "check", "packs/gaozi");
        Result none = siyu(Map.of("PATH", tools.toString()), home, "check", "packs/gaozi");
        Result emptyHome = siyu(Map.of("JAVA_HOME", fake.toString(), "PATH", javaBin() + ":" + tools), home,
                "check", "packs/gaozi");

        assertThat(old.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(old.err().lines()).singleElement().asString().contains("是 Java 11.0.2：")
                .contains("is Java 11.0.2: install a Java 17");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(none.err().lines()).singleElement().asString().contains("但没有找到 Java：")
                .contains("but no Java was found: install a Java 17");
        assertThat(emptyHome.err().lines()).singleElement().asString()
                .contains("but JAVA_HOME (" + fake + ") has no bin/java");
    }

    @Test
    void theWindowsScriptHasCrLfLineEndingsAndChecksTheJavaVersionBeforeLaunching() throws IOException {
        String bat = zipText(ROOT + "bin/siyu.bat");

        assertThat(bat).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(bat.lines()).first().isEqualTo("@echo off");
        assertThat(bat).contains("set \"REQUIRED_JAVA=17\"", "if defined JAVA_HOME", "-version",
                "if %JAVA_MAJOR_NUMBER% LSS %REQUIRED_JAVA% goto oldJava", "if \"%JAVA_MAJOR%\"==\"1\"",
                "\"%JAVA_EXE%\" %JAVA_OPTS% -cp \"%APP_HOME%\\lib\\*\" io.siyu.rules.cli.Siyu %*",
                "exit /b 4", "chcp 65001", "siyu needs Java %REQUIRED_JAVA% or later");
        // Every label jumped to exists, and the Chinese lines come only after the switch to UTF-8.
        Matcher gotos = Pattern.compile("(?:goto|call) :?([A-Za-z0-9]+)").matcher(bat);
        while (gotos.find()) {
            assertThat(bat).as("label :%s", gotos.group(1)).contains("\r\n:" + gotos.group(1) + "\r\n");
        }
        int firstChinese = bat.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .findFirst().stream().map(cp -> bat.indexOf(Character.toString(cp))).findFirst().orElseThrow();
        assertThat(bat.substring(0, firstChinese)).contains("call :utf8Console");
    }

    @Test
    void theReadmeIsInChineseAndEnglishWithTheVersion() throws IOException {
        String readme = zipText(ROOT + "README.txt");

        assertThat(readme).startsWith("siyu " + VERSION + " ").contains("【中文】", "【English】",
                "bin\\siyu.bat check packs\\gaozi", "bin/siyu check packs/gaozi", "Java 17").doesNotContain("${");
    }

    @Test
    void theExamplePacksNameTheSchemasBesideThemWhichAreTheLibrarysOwn() throws IOException {
        List<Path> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home.resolve("packs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher schema = Pattern.compile("\"\\$schema\": \"([^\"]+)\"").matcher(Files.readString(file));
                assertThat(schema.find()).as("%s names its schema", file).isTrue();
                Path target = file.getParent().resolve(schema.group(1)).normalize();
                try (InputStream jar = DistributionIT.class.getResourceAsStream(
                        "/META-INF/siyu-rules/schema/" + target.getFileName())) {
                    assertThat(jar).isNotNull();
                    assertThat(Files.readAllBytes(target)).isEqualTo(jar.readAllBytes());
                }
                named.add(file);
            }
        }
        assertThat(named).hasSize(7);
    }

    // ---------------------------------------------------------------- helpers

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    /** A {@code java} that only prints a version line, as {@code java -version} does (on standard error). */
    private static void fakeJava(Path dir, String versionLine) throws IOException {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
        java.toFile().setExecutable(true);
    }

    private static String zipText(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            assertThat(e).as(entry).isNotNull();
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
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

    private record Result(int exitCode, String out, String err) {
    }

    /** bin/siyu with these arguments, in {@code dir}, with exactly this environment (plus LANG). */
    private static Result siyu(Map<String, String> env, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/siyu").toString()));
        command.addAll(List.of(args));
        return run(command, env, dir);
    }

    private static Result run(List<String> command, Map<String, String> env, Path dir) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            Map<String, String> environment = builder.environment();
            Map<String, String> kept = new HashMap<>();
            kept.put("PATH", environment.getOrDefault("PATH", "/usr/bin:/bin"));
            environment.clear();
            environment.putAll(kept);
            environment.put("LANG", "C.UTF-8");
            environment.putAll(env);
            Path err = Files.createTempFile("siyu-err", ".txt");
            Process p = builder.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 3 minutes");
            }
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(err);
            return new Result(p.exitValue(), out, errText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
