package io.siyu.rules.cli;

import io.siyu.rules.examples.ExamplePacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that takes a pack takes it from anywhere a library user can ({@code PackSource}): a folder, a
 * .zip or .jar file, or {@code classpath:NAME}; and says in English and Chinese when there is nothing there.
 */
class PackSourcesCliTest {
    private static final String CUSTOMER = "{\"id\":\"c1\",\"codes\":\"3DU3\",\"messages\":[\"多少钱\"]}\n";

    @TempDir
    static Path tmp;
    private static Path gaoziZip;
    private static Path gaoziJar;
    private static Path skincareZip;

    @BeforeAll
    static void archives() {
        gaoziZip = zip(ExamplePacks.gaozi(), tmp.resolve("gaozi.zip"), "");
        // A jar with the pack in one folder of it, as a build would package it.
        gaoziJar = zip(ExamplePacks.gaozi(), tmp.resolve("gaozi-pack.jar"), "gaozi/");
        skincareZip = zip(Cli.SKINCARE, tmp.resolve("skincare.zip"), "");
    }

    private static Path zip(Path pack, Path archive, String folder) {
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(pack)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder + pack.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive;
    }

    private static Cli.Result ok(String stdin, String... args) {
        Cli.Result r = Cli.run(stdin, args);
        assertThat(r.exitCode()).as("siyu %s\n%s", String.join(" ", args), r.err()).isEqualTo(ExitCodes.OK);
        return r;
    }

    @Test
    void checkTakesAFolderAZipAJarAndABundledPackAlike() {
        String folder = ok("", "check", ExamplePacks.gaozi().toString()).out();
        assertThat(folder).contains("— OK");
        for (String pack : List.of(gaoziZip.toString(), gaoziJar.toString(), "classpath:gaozi",
                "classpath:" + ExamplePacks.RESOURCE_ROOT + "gaozi")) {
            assertThat(ok("", "check", pack).out()).as(pack).isEqualTo(folder);
        }
        assertThat(ok("", "check", "classpath:retail").out()).contains("— OK");
    }

    @Test
    void decideAndExplainDecideTheSameFromEverySource() {
        String folder = ok(CUSTOMER, "decide", "--clock", Cli.DAYTIME, ExamplePacks.gaozi().toString()).out();
        assertThat(folder).contains("\"id\":\"c1\"");
        assertThat(ok(CUSTOMER, "decide", "--clock", Cli.DAYTIME, "classpath:gaozi").out()).isEqualTo(folder);
        assertThat(ok(CUSTOMER, "decide", "--clock", Cli.DAYTIME, gaoziJar.toString()).out()).isEqualTo(folder);
        String explained = ok(CUSTOMER, "explain", "--clock", Cli.DAYTIME, ExamplePacks.gaozi().toString()).out();
        assertThat(ok(CUSTOMER, "explain", "--clock", Cli.DAYTIME, gaoziZip.toString()).out()).isEqualTo(explained);
    }

    @Test
    void testRunsTheTablesInsideAnArchiveOrOnTheClassPath() {
        String folder = ok("", "test", ExamplePacks.gaozi().toString()).out();
        assertThat(folder).contains(" passed, 0 failed");
        assertThat(ok("", "test", gaoziZip.toString()).out()).isEqualTo(folder);
        assertThat(ok("", "test", "classpath:gaozi").out()).isEqualTo(folder);
    }

    @Test
    void compileAndSimulateTakeABundledPack() {
        Path out = tmp.resolve("compiled-gaozi.zip");
        assertThat(ok("", "compile", "classpath:gaozi", "-o", out.toString()).out()).contains("compiled into " + out);
        assertThat(ok(CUSTOMER, "decide", "--clock", Cli.DAYTIME, out.toString()).out())
                .isEqualTo(ok(CUSTOMER, "decide", "--clock", Cli.DAYTIME, "classpath:gaozi").out());
        assertThat(ok("", "simulate", "--days", "3", "--daily", "5", "classpath:gaozi").out()).isNotEmpty();
    }

    @Test
    void funnelPlanAndReportTakeTheirPackFromAnArchiveOrTheClassPath() {
        String db = "jdbc:h2:file:" + tmp.resolve("funnel").toAbsolutePath();
        String folder = ok("", "funnel", "plan", "--date", "2026-11-25", "--db", db, "--pack",
                ExamplePacks.gaozi().toString()).out();
        assertThat(ok("", "funnel", "plan", "--date", "2026-11-25", "--db", db, "--pack", "classpath:gaozi").out())
                .isEqualTo(folder);
        assertThat(ok("", "funnel", "plan", "--date", "2026-11-25", "--db", db, "--pack", gaoziZip.toString()).out())
                .isEqualTo(folder);
        assertThat(ok("", "report", "--db", db, "--pack", gaoziJar.toString()).out())
                .isEqualTo(ok("", "report", "--db", db, "--pack", ExamplePacks.gaozi().toString()).out());
    }

    @Test
    void aBrokenPackInAZipIsReportedByItsFilesAndTheArchivesName() throws IOException {
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken.resolve("rules"));
        for (Path p : List.of(Path.of("pack.json"), Path.of("codebook.json"), Path.of("scripts.json"))) {
            Files.copy(Cli.SKINCARE.resolve(p), broken.resolve(p));
        }
        Files.writeString(broken.resolve("rules/bad.drl"), "package rules;\nrule \"x\"\nwhen\n  Nothing( )\nthen\nend\n");
        Path archive = zip(broken, tmp.resolve("broken.zip"), "");

        Cli.Result r = Cli.run("", "check", "--locale", "en", archive.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.out()).contains("rules/bad.drl:2:1: Rule \"x\" has no phase", "rules/bad.drl:4:3: \"Nothing\"")
                .doesNotContain(tmp.toString())
                // city.tip, which no rule of this pack names, needs the attribute "city": its warning comes too.
                .contains("scripts.json:48:27: warning: Script \"city.tip\"")
                .endsWith("broken.zip: 2 errors, 1 warning\n");
    }

    @Test
    void aMissingPathSaysWhatAPackCanBe() {
        Path gone = tmp.resolve("gone.zip");
        Cli.Result en = Cli.run("", "decide", gone.toString());
        Cli.Result zh = Cli.run("", "check", "--locale", "zh_CN", gone.toString());
        Cli.Result funnel = Cli.run("", "funnel", "plan", "--date", "2026-11-25", "--pack", gone.toString());

        assertThat(List.of(en.exitCode(), zh.exitCode(), funnel.exitCode())).containsOnly(ExitCodes.USAGE);
        assertThat(en.err()).startsWith(gone + ": no such file or directory. Give the rule pack's folder (the one with "
                + "pack.json), a .zip or .jar file with the pack, or classpath:NAME for a bundled example pack.");
        assertThat(zh.err()).startsWith(gone + "：没有这个文件或目录。请给出规则包的文件夹");
        assertThat(funnel.err()).startsWith("--pack " + gone + ": no such file or directory.");
    }

    @Test
    void aFileThatIsNeitherAFolderNorAnArchiveIsAUsageError() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        Cli.Result en = Cli.run("", "check", text.toString());
        Cli.Result zh = Cli.run("", "test", "--locale", "zh_CN", text.toString());

        assertThat(List.of(en.exitCode(), zh.exitCode())).containsOnly(ExitCodes.USAGE);
        assertThat(en.err()).startsWith(text + " is a file but not a .zip or .jar");
        assertThat(zh.err()).startsWith(text + " 是一个文件，但不是 .zip 或 .jar");
    }

    @Test
    void aZipThatIsNotAPackSaysSo() throws IOException {
        Path other = tmp.resolve("photos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(other))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }
        Path notAZip = Files.writeString(tmp.resolve("fake.jar"), "not a zip at all");

        Cli.Result en = Cli.run("", "check", "--locale", "en", other.toString());
        Cli.Result zh = Cli.run("", "check", "--locale", "zh_CN", other.toString());
        Cli.Result fake = Cli.run("", "check", "--locale", "en", notAZip.toString());

        assertThat(List.of(en.exitCode(), zh.exitCode(), fake.exitCode())).containsOnly(ExitCodes.PACK_ERRORS);
        assertThat(en.out()).isEqualTo(other + ":0:0: There is no rule pack at " + other + " (NoSuchFileException: no "
                + "pack.json at the top of the archive or of one folder in it).\nphotos.zip: 1 error\n");
        assertThat(zh.out()).contains("pack.json").endsWith("photos.zip：1 个错误\n");
        assertThat(fake.out()).endsWith("fake.jar: 1 error\n");
    }

    @Test
    void aClassPathLocationWithNoPackNamesTheBundledOnes() {
        Cli.Result en = Cli.run("", "check", "classpath:gaozzi");
        Cli.Result zh = Cli.run("", "decide", "--locale", "zh_CN", "classpath:gaozzi");
        Cli.Result funnel = Cli.run("", "report", "--pack", "classpath:../gaozi");

        assertThat(List.of(en.exitCode(), zh.exitCode(), funnel.exitCode())).containsOnly(ExitCodes.USAGE);
        assertThat(en.err()).startsWith("classpath:gaozzi: there is no rule pack (no pack.json) at this class path "
                + "location. The bundled example packs are gaozi, retail (give them as classpath:NAME)");
        assertThat(zh.err()).startsWith("classpath:gaozzi：类路径上的这个位置没有规则包（没有 pack.json）。自带的示例规则包有 gaozi, retail");
        assertThat(funnel.err()).startsWith("--pack classpath:../gaozi: there is no rule pack");
    }
}
