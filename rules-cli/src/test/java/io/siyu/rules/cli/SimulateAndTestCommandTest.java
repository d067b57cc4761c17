package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.cases.CaseRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu simulate} and {@code siyu test} on the skincare pack. */
class SimulateAndTestCommandTest {
    @TempDir
    Path tmp;

    @Test
    void simulatePrintsTheTotalAndEachCohortAndTheSameSeedGivesTheSameForecast() {
        Cli.Result first = Cli.run("", "simulate", "--days", "10", "--daily", "60", "--seed", "7",
                Cli.SKINCARE.toString());
        Cli.Result again = Cli.run("", "simulate", "--days", "10", "--daily", "60", "--seed", "7",
                Cli.SKINCARE.toString());

        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(first.err()).isEmpty();
        assertThat(first.outLines().get(0)).startsWith("segment").contains("entered", "day-0 rate", "cumulative");
        assertThat(first.outLines().get(1)).matches("total\\s+600\\s.*");
        // The skincare pack groups by "concern": one cohort row per concern option.
        assertThat(first.outLines()).filteredOn(l -> l.startsWith("cohort ")).extracting(l -> l.split("\\s+")[1])
                .containsExactly("A", "B", "D", "E", "F", "G");
        assertThat(first.outLines()).noneMatch(l -> l.startsWith("group "));
        assertThat(again.out()).isEqualTo(first.out());
    }

    @Test
    void simulateAsJsonHasEveryGroup() throws IOException {
        Cli.Result r = Cli.run("", "simulate", "--days", "3", "--daily", "30", "--json", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.at("/total/entered").asInt()).isEqualTo(90);
        assertThat(report.get("byGroup").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void testRunsEveryRowOfThePackTablesAndExitsThreeWhenOneFails() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.csv"), """
                case,codes,messages,signals,attributes,action,script,intent
                痘痘急需问价,34DU1,这个多少钱呀,,,OFFER_PRODUCT,acne.offer,HOT
                写错了期望,3DU3,,,,OFFER_PRODUCT,,
                """, StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("", "test", "--clock", "2026-11-23T10:00:00+08:00", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(r.out()).contains("PASS cases.csv:2 痘痘急需问价", "FAIL cases.csv:3 写错了期望",
                "Expected action OFFER_PRODUCT but was STOP_GENTLY", "Why:");
        assertThat(r.outLines()).last().isEqualTo("1 passed, 1 failed");
    }

    /** Nothing tested is not a pass: a CI gate on a pack whose tables are missing or empty must not go green. */
    @Test
    void testOfAPackWithoutTablesOrRowsSaysWhereTheyGoAndExitsThree() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Files.deleteIfExists(pack.resolve("tests"));

        Cli.Result none = Cli.run("", "test", pack.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(none.outLines()).containsExactly("The pack " + pack + " has no test tables, so nothing was "
                + "tested: put tables of cases (CSV, UTF-8, header " + io.siyu.rules.cases.CaseTable.HEADER + ") in "
                + "its folder tests/ as tests/*.csv; see docs/testkit.md, \"Table-driven cases (CSV) for operations "
                + "staff\".", "0 passed, 0 failed");

        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.xlsx"), "not a table");
        Cli.Result zh = Cli.run("", "test", "--locale", "zh_CN", pack.toString());
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(zh.out()).startsWith("规则包 " + pack + " 没有测试表，因此什么都没有测试：").contains("tests/*.csv",
                "docs/testkit.md");

        Files.writeString(pack.resolve("tests/cases.csv"), "# only a comment\n" + io.siyu.rules.cases.CaseTable.HEADER
                + "\n", StandardCharsets.UTF_8);
        Cli.Result empty = Cli.run("", "test", pack.toString());
        assertThat(empty.exitCode()).as(empty.out()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(empty.outLines().get(0)).startsWith("The test tables tests/cases.csv have no rows");
    }

    @Test
    void testOfAMalformedTableExitsOneWithFileLineAndColumn() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.csv"), "case,codes\n", StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("", "test", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.outLines().get(0)).startsWith("cases.csv:1:");
    }

    @Test
    void testSpeaksChineseWithLocaleZhCn() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/cases.csv"), """
                case,codes,messages,signals,attributes,action,script,intent
                写错了期望,3DU3,,,,OFFER_PRODUCT,,
                """, StandardCharsets.UTF_8);
        Files.writeString(pack.resolve("tests/more.csv"), """
                case,codes,messages,signals,attributes,action,script,intent
                意向写错,3DU3,,,,STOP_GENTLY,,WARMISH
                """, StandardCharsets.UTF_8);

        Cli.Result broken = Cli.run("", "test", "--locale", "zh_CN", pack.toString());
        Files.delete(pack.resolve("tests/more.csv"));
        Cli.Result failing = Cli.run("", "test", "--locale", "zh_CN", pack.toString());

        assertThat(broken.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(broken.outLines().get(0)).isEqualTo(
                "more.csv:2:27: intent 列：\"WARMISH\" 不是意向等级；请写 COLD、WARM 或 HOT，或者留空");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(failing.out()).contains("FAIL cases.csv:2 写错了期望\ncases.csv:2 写错了期望：\n"
                + "期望动作 OFFER_PRODUCT，实际是 STOP_GENTLY。\n\n原因：\n");
    }

    @Test
    void testsHelpSaysWhenRowsAreDecided() {
        Cli.Result r = Cli.run("", "test", "--help");

        assertThat(r.out().replaceAll("\\s+", " "))
                .contains(CaseRunner.DEFAULT_TIME.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
