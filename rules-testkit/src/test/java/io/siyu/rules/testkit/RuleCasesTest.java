package io.siyu.rules.testkit;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRow;
import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skincare case table, run the way operations staff's tables run: one dynamic test per row. The
 * table exercises every customer rule of the pack and a funnel scenario its group content rules, which
 * {@code requireFullCoverage} checks after all tests.
 */
@RulePackTest(value = "src/test/resources/packs/skincare", requireFullCoverage = true)
class RuleCasesTest {
    static final Path CASES = Path.of("src/test/resources/cases/skincare.csv");
    static final Path WRONG = Path.of("src/test/resources/cases/wrong-expectations.csv");

    @TestFactory
    Stream<DynamicTest> skincareCases(RulePack pack) {
        return RuleCases.from(pack, CASES).dynamicTests();
    }

    @Test
    void groupContentOnASeedingAndAConversionDay(RulePack pack) {
        FunnelScenario.scenario(pack).customer("c1", "3DU2")
                .advanceTo(FunnelScenario.day(1)).expectGroupContent("c1", "acne.seeding.d1")
                .advanceTo(FunnelScenario.day(6)).expectGroupContent("c1", "acne.conversion.d6");
    }

    @Test
    void dynamicTestsAreNamedByFileLineAndCase(RulePack pack) {
        assertThat(RuleCases.from(pack, CASES).dynamicTests().map(DynamicTest::getDisplayName).limit(2))
                .containsExactly("skincare.csv:3 痘痘急需问价", "skincare.csv:4 只是随便了解");
    }

    @Test
    void theTableIsReadWithQuotesCommentsAndClocks() {
        List<CaseRow> rows = CaseTable.load(CASES).rows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rows.get(0)).isEqualTo(new CaseRow("skincare.csv", 3, "痘痘急需问价", "34DU1", List.of("这个多少钱呀"),
                "", Map.of(), "OFFER_PRODUCT", Optional.of("acne.offer"), Optional.of(IntentLevel.HOT),
                Optional.empty()));
        CaseRow night = rows.stream().filter(r -> r.name().equals("深夜天气突变")).findFirst().orElseThrow();
        assertThat(night.attributes()).containsExactly(Map.entry("weatherAlert", "true"), Map.entry("city", "上海"));
        assertThat(night.clock()).contains(OffsetDateTime.parse("2026-11-23T23:30:00+08:00"));
        assertThat(night.script()).isEmpty();
        assertThat(rows).extracting(CaseRow::name).contains("敏感有顾虑, 先送福利", "说了\"不需要\"");
        CaseRow refused = rows.stream().filter(r -> r.name().equals("说了\"不需要\"")).findFirst().orElseThrow();
        assertThat(refused.messages()).containsExactly("不需要", "太贵了");
        assertThat(refused.location()).isEqualTo("skincare.csv:21");
    }

    @Test
    void runGivesOneResultPerRow(RulePack pack) {
        List<CaseResult> results = RuleCases.from(pack, CASES).run();

        assertThat(results).hasSize(CaseTable.load(CASES).rows().size()).allSatisfy(r -> {
            assertThat(r.passed()).as(r.format()).isTrue();
            assertThat(r.message()).isEmpty();
        });
        assertThat(results.get(0).format()).isEqualTo("PASS skincare.csv:3 痘痘急需问价");
    }

    @Test
    void failingRowsSayWhereWhatAndWhy(RulePack pack) {
        List<CaseResult> results = RuleCases.from(pack, WRONG).recordingTo(RuleCoverage.independent(pack)).run();

        assertThat(results).extracting(CaseResult::passed).containsExactly(true, false, false, false, false);
        assertThat(results.get(1).message()).startsWith("""
                wrong-expectations.csv:3 期待推荐但被克制:
                Expected action OFFER_PRODUCT but was STOP_GENTLY.
                Expected script acne.offer but was acne.light.
                Expected intent HOT but was COLD (score 20).

                Why:
                Customer 期待推荐但被克制 — pack skincare-test 1.0.0
                """).contains("OFFER_PRODUCT (acne.offer) — 需求还不强烈，先不推产品  [克制：需求未明确不推产品]");
        assertThat(results.get(2).message()).startsWith("""
                wrong-expectations.csv:4 话术不对:
                Expected script acne.offer but was acne.motive.

                Why:
                """);
        assertThat(results.get(3).format()).startsWith("FAIL wrong-expectations.csv:5 不认识的代码\n"
                + "wrong-expectations.csv:5 不认识的代码: column codes: \"3DX\" cannot be read: ");
        assertThat(results.get(4).message()).startsWith("wrong-expectations.csv:6 渲染失败:\n"
                + "Expected action SEND_TIP but was FAILED.\n\nWhy:\n").contains("FAILED: ").contains("city.tip");
    }

    @Test
    void aFailingDynamicTestThrowsTheRowsMessage(RulePack pack) {
        DynamicTest second = RuleCases.from(pack, WRONG).recordingTo(RuleCoverage.independent(pack)).dynamicTests()
                .skip(1).findFirst().orElseThrow();

        assertThat(second.getDisplayName()).isEqualTo("wrong-expectations.csv:3 期待推荐但被克制");
        assertThat(second.getTestSourceUri()).hasValueSatisfying(uri -> assertThat(uri.toString())
                .endsWith("wrong-expectations.csv?line=3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.getExecutable().execute())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("wrong-expectations.csv:3 期待推荐但被克制:\nExpected action OFFER_PRODUCT");
    }

    @Test
    void rowsWithoutAClockRunAtTheDefaultTimeOrAtAChosenOne(RulePack pack) {
        RuleCases cases = RuleCases.from(pack, CASES).recordingTo(RuleCoverage.independent(pack));
        CaseRow daytimeRow = cases.rows().get(1);

        assertThat(cases.run(daytimeRow).passed()).isTrue();
        CaseResult atNight = cases.at(OffsetDateTime.parse("2026-11-23T23:30:00+08:00")).run(daytimeRow);
        assertThat(atNight.passed()).isFalse();
        assertThat(atNight.message()).contains("Expected action STOP_GENTLY but was NONE.").contains("免打扰时段");
    }

    @Test
    void aPacksOwnTestsDirectoryIsRunByOfPack(RulePack pack, @TempDir Path dir) throws IOException {
        assertThat(RuleCases.ofPack(pack).rows()).isEmpty();
        Path copy = Packs.copy(pack.source().directory().orElseThrow(), dir.resolve("pack"));
        Files.createDirectories(copy.resolve("tests"));
        Files.writeString(copy.resolve("tests/b.csv"),
                CaseTable.HEADER + "\n急需,3DU1,多少钱,,,OFFER_PRODUCT,acne.offer,HOT\n");
        Files.writeString(copy.resolve("tests/a.csv"), CaseTable.HEADER + "\n冷淡,3DU3,,,,STOP_GENTLY,acne.light,COLD\n");
        Files.writeString(copy.resolve("tests/README.txt"), "not a table");
        RulePack withTests = RulePack.load(copy, pack.options());

        assertThat(RuleCases.ofPack(withTests).run()).extracting(CaseResult::format)
                .containsExactly("PASS a.csv:2 冷淡", "PASS b.csv:2 急需");
        assertThat(RuleCoverage.of(withTests).decisions()).isEqualTo(2);
        assertThat(RuleCoverage.of(withTests).fired()).extracting(RuleInfo::name).contains("越快越好", "随便了解");
    }
}
