package io.siyu.rules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * siyu as operations staff run it: a separate {@code java} process (with {@code main}, {@code System.exit},
 * the real logging configuration and a platform encoding that is not UTF-8).
 */
class ProcessTest {
    @TempDir
    Path tmp;

    @Test
    void checkOfACleanPackPrintsOnlyTheSummaryAndNoLogLines() {
        Cli.Result r = Cli.spawn("", "check", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("skincare-test 1.0.0: 30 rules, 17 scripts, 18 codes — OK\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void checkOfABrokenPackExitsOneWithTheDiagnosticsAndNoDroolsLogOnStandardError() {
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "rules/propose.drl", "\nthen\n", "\nthen oops(\n");

        Cli.Result r = Cli.spawn("", "check", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines()).last().isEqualTo("skincare: 2 errors");
        assertThat(r.outLines().get(0)).startsWith("rules/propose.drl:");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void errorsOnlyTheCompilerFindsAndRefusedAttributesLeaveStandardErrorEmptyWithNoLoggerSilenced() {
        // Before, Drools logged these itself: the compile error as KieProject ERROR "Unable to build
        // KieBaseModel", the agenda-group as a parser WARN. siyu's logging configuration silences no logger.
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "rules/propose.drl", "Customer( tags.empty )", "Customer( tags.empti )");
        Cli.edit(pack, "rules/propose.drl", "rule \"新客欢迎\"\n    ruleflow-group \"propose\"\n",
                "rule \"新客欢迎\"\n    ruleflow-group \"propose\"\n    agenda-group \"x\"\n");

        Cli.Result r = Cli.spawn("", "check", "--locale", "en", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).startsWith("rules/propose.drl:5:5: agenda-group does not work in a rule pack");
        assertThat(r.outLines().get(1)).startsWith("rules/propose.drl:7:");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void decideGoesOnAfterABadLine() {
        Cli.Result r = Cli.spawn("{\"id\":\"小美\",\"codes\":\"3DU3\",\"messages\":[\"多少钱\"]}\n{oops\n"
                        + "{\"id\":\"c3\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀\"]}\n",
                "decide", "--clock", Cli.DAYTIME, Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).startsWith("{\"line\":1,\"id\":\"小美\",\"action\":\"STOP_GENTLY\"")
                .contains("\"text\":\"亲，痘痘期记得清淡饮食、别用手挤哦，有问题随时找小丸子～\"");
        assertThat(r.outLines().get(1)).startsWith("{\"line\":2,\"id\":null,\"error\":\"<stdin> line 2: ")
                .contains("\"diagnostics\":[\"<stdin>:2:");
        assertThat(r.outLines().get(2)).startsWith("{\"line\":3,\"id\":\"c3\",\"action\":\"OFFER_PRODUCT\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void chineseRulesInputAndOutputWorkWhateverThePlatformEncoding() {
        Cli.Result r = Cli.spawnWithEncoding("ISO-8859-1", "{\"id\":\"小美\",\"codes\":\"3DU3\"}\n"
                + "{\"id\":\"c2\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱\"]}\n", "decide", "--clock",
                Cli.DAYTIME, Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.outLines().get(0)).startsWith("{\"line\":1,\"id\":\"小美\",\"action\":\"STOP_GENTLY\"")
                .contains("\"text\":\"亲，痘痘期记得清淡饮食、别用手挤哦，有问题随时找小丸子～\"");
        // asked("多少钱") in a rule file only matches when Drools reads the file as UTF-8.
        assertThat(r.outLines().get(1)).startsWith("{\"line\":2,\"id\":\"c2\",\"action\":\"OFFER_PRODUCT\"")
                .contains("\"firedRules\":[\"越快越好\",\"问了价格\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMissingDirectoryExitsTwo() {
        Cli.Result r = Cli.spawn("", "decide", tmp.resolve("gone").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith(tmp.resolve("gone") + ": no such file or directory.");
    }

    @Test
    void theDemoRunsOnTheEmbeddedGaoziPackWithNoSetUp() {
        Cli.Result r = Cli.spawn("", "demo");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("siyu-rules demo — pack gaozi ")
                .contains("Decisions for 240 sample customers")
                .contains("OFFER_PRODUCT").contains("STOP_GENTLY")
                .contains("A HOT customer:").contains("Rules fired:")
                .contains("30-day funnel forecast at 150 new customers a day");
    }
}
