package io.siyu.rules.cli;

import io.siyu.rules.examples.ExamplePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations staff do with the example packs: check them, run their tests, break them and check again. */
class ExamplePacksCliTest {
    @TempDir
    Path tmp;

    @Test
    void bothExamplePacksAreClean() {
        Cli.Result gaozi = Cli.run("", "check", ExamplePacks.gaozi().toString());
        Cli.Result retail = Cli.run("", "check", ExamplePacks.retail().toString());

        assertThat(gaozi.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(gaozi.outLines()).singleElement().asString().startsWith("gaozi ").contains(" rules, ")
                .endsWith("— OK");
        assertThat(retail.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(retail.outLines()).singleElement().asString().startsWith("retail ").endsWith("— OK");
    }

    @Test
    void everyCaseOfBothExamplePacksPasses() {
        for (Path pack : new Path[] {ExamplePacks.gaozi(), ExamplePacks.retail()}) {
            Cli.Result r = Cli.run("", "test", pack.toString());

            assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).doesNotContain("FAIL ");
            assertThat(r.outLines()).last().asString().matches("\\d+ passed, 0 failed");
        }
    }

    @Test
    void aTypoInACopyOfTheGaoziPackIsReportedWithFileLineAndTheFieldsThatExist() {
        Path pack = Cli.copy(ExamplePacks.gaozi(), tmp.resolve("gaozi"));
        Cli.edit(pack, "rules/intent.drl", "silentHours", "silntHours");

        Cli.Result r = Cli.spawn("", "check", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines().get(0)).matches("rules/intent\\.drl:\\d+:\\d+: Customer has no field or test "
                + "\"silntHours\"\\. Did you mean \"silentHours\"\\?.*");
        assertThat(r.outLines()).last().isEqualTo("gaozi: 1 error");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aForbiddenCallInACopyOfTheRetailPackIsRejectedInChinese() {
        Path pack = Cli.copy(ExamplePacks.retail(), tmp.resolve("retail"));
        Cli.edit(pack, "rules/propose.drl", "\nthen\n", "\nthen\n    System.exit(1);\n");

        Cli.Result r = Cli.run("", "check", "--locale", "zh_CN", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.out()).contains("rules/propose.drl:").contains("System");
        assertThat(r.outLines()).last().asString().startsWith("retail：").endsWith("个错误");
    }
}
