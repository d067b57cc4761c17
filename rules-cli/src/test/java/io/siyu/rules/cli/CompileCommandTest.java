package io.siyu.rules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code siyu compile}: a pack compiled into a zip or a folder decides as the pack itself (siyu decide on
 * either), a broken pack writes nothing, and a compiled pack whose rule file was edited afterwards is compiled
 * from its files again with a warning.
 */
class CompileCommandTest {
    private static final String CUSTOMERS = """
            {"id":"c1","codes":"3DU1","messages":["这个多少钱？"],"signals":{"replied":true}}
            {"id":"c2","codes":"4EU3","messages":["不需要"]}
            {"id":"c3"}
            """;

    @TempDir
    Path tmp;

    @Test
    void aCompiledPackDecidesAsThePackFromAZipAndAFolder() {
        Path zip = tmp.resolve("skincare.zip");
        Path folder = tmp.resolve("skincare-compiled");

        Cli.Result toZip = Cli.run("", "compile", Cli.SKINCARE.toString(), "-o", zip.toString());
        Cli.Result toFolder = Cli.run("", "compile", Cli.SKINCARE.toString(), "--output", folder.toString());

        assertThat(toZip.exitCode()).as(toZip.err()).isEqualTo(ExitCodes.OK);
        assertThat(toZip.out()).startsWith("skincare-test 1.0.0: 30 rules, 17 scripts, 18 codes — OK; compiled into "
                + zip);
        assertThat(toFolder.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(zip).isRegularFile();
        assertThat(folder.resolve("siyu-compiled/manifest.json")).isRegularFile();
        String expected = Cli.run(CUSTOMERS, "decide", "--clock", Cli.DAYTIME, Cli.SKINCARE.toString()).out();
        assertThat(expected.lines()).hasSize(3);
        assertThat(Cli.run(CUSTOMERS, "decide", "--clock", Cli.DAYTIME, zip.toString()).out()).isEqualTo(expected);
        assertThat(Cli.run(CUSTOMERS, "decide", "--clock", Cli.DAYTIME, folder.toString()).out()).isEqualTo(expected);
        Cli.Result check = Cli.run("", "check", folder.toString());
        assertThat(check.out()).isEqualTo("skincare-test 1.0.0: 30 rules, 17 scripts, 18 codes — OK\n");
    }

    @Test
    void aBrokenPackIsReportedAndNothingIsWritten() {
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "rules/intent.drl", "Customer( answered(\"urgency\", \"now\") )",
                "Customer( answered(\"urgency\", \"now\") ");
        Path out = tmp.resolve("out.zip");

        Cli.Result r = Cli.run("", "compile", "--locale", "en", pack.toString(), "-o", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.err().lines()).anyMatch(l -> l.startsWith("rules/intent.drl:7:1:"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aCompiledPackEditedAfterwardsIsCompiledFromItsFilesWithAWarning() {
        Path folder = tmp.resolve("compiled");
        assertThat(Cli.run("", "compile", Cli.SKINCARE.toString(), "-o", folder.toString()).exitCode()).isZero();
        Cli.edit(folder, "rules/propose.drl", "\"新客还没有填问卷\"", "\"新客，改过了\"");

        Cli.Result check = Cli.run("", "check", "--locale", "en", folder.toString());

        assertThat(check.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check.outLines().get(0)).startsWith("siyu-compiled/manifest.json:0:0: warning: The pack's files "
                + "changed after it was compiled (rules/propose.drl)");
        assertThat(check.outLines().get(1)).endsWith("— OK, 1 warning");
    }

    @Test
    void theOutputIsRequired() {
        Cli.Result r = Cli.run("", "compile", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing required option: '--output=FILE'");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    @Test
    void anOutputThatIsNotACompiledPackIsAUsageErrorSayingWhyInEnglishAndChinese() throws java.io.IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Path fakeZip = Files.writeString(tmp.resolve("fake.zip"), "not a zip");
        Path folderZip = Files.createDirectories(tmp.resolve("folder.zip"));
        Path underAFile = notes.resolve("out.zip");

        Cli.Result file = Cli.run("", "compile", "--locale", "en", Cli.SKINCARE.toString(), "-o", notes.toString());
        Cli.Result fake = Cli.run("", "compile", "--locale", "en", Cli.SKINCARE.toString(), "-o", fakeZip.toString());
        Cli.Result folder = Cli.run("", "compile", "--locale", "en", Cli.SKINCARE.toString(), "-o", folderZip.toString());
        Cli.Result under = Cli.run("", "compile", "--locale", "en", Cli.SKINCARE.toString(), "-o", underAFile.toString());
        Cli.Result zh = Cli.run("", "compile", "--locale", "zh_CN", Cli.SKINCARE.toString(), "-o", notes.toString());

        assertThat(List.of(file, fake, folder, under, zh)).allSatisfy(r -> {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.out()).isEmpty();
        });
        assertThat(file.err()).contains("-o " + notes + ": this file exists and is not a compiled pack");
        assertThat(fake.err()).contains("-o " + fakeZip + ": this file exists and is not a compiled pack (a zip file");
        assertThat(folder.err()).contains("-o " + folderZip + " is a folder, but a name ending with .zip");
        assertThat(under.err()).contains(": " + notes + " is a file, so nothing can be written under it");
        assertThat(zh.err()).contains("-o " + notes + "：这个文件已经存在，而且不是编译好的规则包");
        assertThat(Files.readString(notes)).isEqualTo("mine");
        assertThat(Files.readString(fakeZip)).isEqualTo("not a zip");
    }

    @Test
    void missingParentFoldersAreMadeAsDocumented() {
        Path nested = tmp.resolve("a/b/skincare.zip");
        Cli.Result made = Cli.run("", "compile", Cli.SKINCARE.toString(), "-o", nested.toString());
        assertThat(made.exitCode()).as(made.err()).isEqualTo(ExitCodes.OK);
        assertThat(nested).isRegularFile();
    }

    /**
     * A folder the user may not write in. Root may write in a read-only folder of its own, so as root (CI) the
     * folder is one no one may create files in: a process's folder under /proc.
     */
    @Test
    void aFolderWithoutPermissionIsAUsageError() throws java.io.IOException {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        org.junit.jupiter.api.Assumptions.assumeTrue(locked.getFileSystem().supportedFileAttributeViews()
                .contains("posix"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path folder = Files.isWritable(locked) ? Path.of("/proc/1") : locked;
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder), "no folder here refuses writing");
            Cli.Result r = Cli.run("", "compile", "--locale", "en", Cli.SKINCARE.toString(), "-o",
                    folder.resolve("out.zip").toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("you have no permission to write in " + folder);
            Cli.Result zh = Cli.run("", "compile", "--locale", "zh_CN", Cli.SKINCARE.toString(), "-o",
                    folder.resolve("out.zip").toString());
            assertThat(zh.err()).contains("你没有在 " + folder + " 中写入的权限");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
