package io.siyu.rules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu check}: a clean pack, broken copies of it, and packs that are not there. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    /** The skincare pack with three mistakes, one in each kind of file. */
    private Path brokenPack() {
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "rules/intent.drl", "Customer( answered(\"urgency\", \"now\") )",
                "Customer( answered(\"urgency\", \"now\") ");
        Cli.edit(pack, "pack.json", "\"version\":", "\"version\"");
        Cli.edit(pack, "codebook.json", "\"label\": \"干燥缺水\" }", "\"label\": \"干燥缺水\", \"colour\": \"red\" }");
        return pack;
    }

    @Test
    void aCleanPackPrintsItsSizeAndExitsZero() {
        Cli.Result r = Cli.run("", "check", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("skincare-test 1.0.0: 30 rules, 17 scripts, 18 codes — OK\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void everyProblemOfEveryFileIsListedWithFileLineAndColumn() {
        Path pack = brokenPack();

        Cli.Result r = Cli.run("", "check", "--locale", "en", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines()).hasSize(4);
        assertThat(r.outLines().get(0)).isEqualTo("codebook.json:11:54: Unknown field \"colour\". The fields allowed "
                + "here are: id, code, label. (at questions[0].options[0].colour)");
        assertThat(r.outLines().get(1)).startsWith("pack.json:3:13: This is not valid JSON here");
        assertThat(r.outLines().get(2)).startsWith("rules/intent.drl:7:1: \"then\" is not expected here");
        assertThat(r.outLines().get(3)).isEqualTo("skincare: 3 errors");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void diagnosticsAreInChineseWithLocaleZhCn() {
        Path pack = brokenPack();

        Cli.Result r = Cli.run("", "check", "--locale", "zh_CN", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines().get(0)).isEqualTo("codebook.json:11:54: 未知字段 \"colour\"。这里允许的字段有：id, code, label。"
                + "（位置：questions[0].options[0].colour）");
        assertThat(r.outLines().get(1)).startsWith("pack.json:3:13: 这里不是合法的 JSON");
        // The words siyu adds around the messages are Chinese too.
        assertThat(r.outLines()).last().asString().matches(".+：\\d+ 个错误");
        assertThat(r.out()).doesNotContain("(at ").doesNotContain(" errors");
    }

    @Test
    void localeAcceptsTheUsualSpellingsOfChinese() {
        Path pack = brokenPack();
        for (String spelling : new String[] {"zh", "zh-CN", "zh_cn", "zh-Hans"}) {
            assertThat(Cli.run("", "check", "--locale", spelling, pack.toString()).out())
                    .as(spelling).contains("未知字段");
        }
    }

    @Test
    void theTestTablesAreCheckedAgainstTheCodebookAndTheScripts() throws Exception {
        Path pack = Cli.copyOfSkincare(tmp);
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.csv"), """
                case,codes,messages,signals,attributes,action,script,intent
                问价,3DZU1,多少钱,,,OFFER_PRODUCT,acne.offr,HOT
                """);

        Cli.Result r = Cli.run("", "check", "--locale", "en", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines()).containsExactly(
                "cases.csv:2:6: column codes: Character 3 is \"Z\" (U+005A), which does not begin a code that may be "
                        + "written here. Codes that may be written here: \"U1\", \"U2\", \"U3\", \"Y1\", \"Y2\", \"Y3\".",
                "cases.csv:2:30: column script: scripts.json has no script \"acne.offr\"",
                "skincare: 2 errors");
    }

    @Test
    void theTablesOfAPackThatDoesNotLoadAreCheckedToo() throws Exception {
        Path pack = brokenPack();
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.csv"), """
                case,codes,messages,signals,attributes,action,script,intent
                问价,3DU1,多少钱,,,OFFER_PRODUCT,acne.offr,HOT
                """);

        Cli.Result r = Cli.run("", "check", "--locale", "en", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines()).first().isEqualTo("cases.csv:2:29: column script: scripts.json has no script \"acne.offr\"");
        assertThat(r.outLines()).last().isEqualTo("skincare: 4 errors");
    }

    @Test
    void aMissingDirectoryIsAUsageError() {
        Cli.Result r = Cli.run("", "check", tmp.resolve("nope").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(tmp.resolve("nope") + ": no such file or directory")
                .contains("Usage: siyu check").contains("siyu check --help");
    }

    @Test
    void aFileInsteadOfADirectoryIsAUsageError() {
        Cli.Result r = Cli.run("", "check", Cli.SKINCARE.resolve("pack.json").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("pack.json is a file but not a .zip or .jar: give the rule pack's folder");
    }

    @Test
    void aDirectoryThatIsNoPackSaysWhatIsMissing() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));

        Cli.Result r = Cli.run("", "check", "--locale", "en", empty.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.out()).contains("pack.json:0:0: ").endsWith("empty: 2 errors\n");
    }
}
