package io.siyu.rules.examples;

import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.testkit.FunnelScenario;
import io.siyu.rules.testkit.RuleCases;
import io.siyu.rules.testkit.RuleCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.siyu.rules.funnel.Stage.CONVERSION;
import static io.siyu.rules.funnel.Stage.CONVERTED;
import static io.siyu.rules.funnel.Stage.NURTURE;
import static io.siyu.rules.funnel.Stage.SEEDING;
import static io.siyu.rules.testkit.FunnelScenario.day;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The 高姿 pack tested with the testkit: the operations staff's case table ({@code tests/cases.csv}, one
 * dynamic test per row) for the one-to-one rules, funnel scenarios for the group content rules, and, after
 * all of them, the check that <em>every</em> rule of the pack fired at least once.
 *
 * <p>The pack lives in a temporary copy ({@link ExamplePacks#gaozi()}), so the testkit is used
 * programmatically rather than through {@code @RulePackTest}; the table is read from the source tree so
 * that IDEs jump to the row.
 */
class GaoziRuleCoverageTest {
    static final Path CASES = Path.of("packs/gaozi/tests/cases.csv");

    static RulePack pack;
    static RuleCoverage coverage;

    @BeforeAll
    static void loadPack() {
        pack = Packs.load(ExamplePacks.gaozi(), Packs.TEN_AM);
        coverage = RuleCoverage.independent(pack);
    }

    /** Every rule of the pack fired in the cases and scenarios of this class; lists the others with file:line. */
    @AfterAll
    static void everyRuleFired() {
        coverage.assertAllFired();
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        RuleCases cases = RuleCases.from(pack, CASES).recordingTo(coverage);
        assertThat(cases.rows()).hasSizeGreaterThanOrEqualTo(30);
        return cases.dynamicTests();
    }

    @Test
    void anAcneCustomerIsSeededOnDayThreeAndBuysOnAConversionDay() {
        scenario(pack).recordingTo(coverage).customer("c1", "3DU2").customer("c2", "3DU3")
                .onDay(0).noPurchase()
                .advanceTo(day(3)).expectStage("c1", SEEDING).expectGroupContent("c1", "acne.seeding.d3")
                .expectNoContentMissing()
                .advanceTo(day(6)).expectStage("c1", CONVERSION).expectGroupContent("c1", "acne.conversion.d6")
                .purchase("c1", 29900).expectStage("c1", CONVERTED)
                .expectJourney("c1", j -> j.convertedIn(CONVERSION).isInGroup("D-2026-11-23-1"))
                .advanceTo(day(12)).expectStage("c2", NURTURE)
                .expectReport(report -> report.hasEntered(2).hasConvertedInConversion(1)
                        .hasCumulativeRateCloseTo(0.5, within(0.001)).cohort("D").hasGrouped(2));
    }

    @Test
    void aClosedComedoneCustomerWhoBuysWhileSeedingLeavesTheRestOfTheGroupToTheRhythm() {
        scenario(pack).recordingTo(coverage).customer("c1", "4CU2").customer("c2", "4CU3")
                .advanceTo(day(2)).expectGroupContent("c1", "closed.seeding.d2").purchase("c1", 29900)
                .expectJourney("c1", j -> j.convertedIn(SEEDING).hasPurchases(1))
                .advanceTo(day(7)).expectStage("c2", CONVERSION).expectGroupContent("c2", "closed.conversion.d7");
    }

    /** Each concern group gets its own post on each of the 11 funnel days, and no group day is left empty. */
    @Test
    void everyConcernGroupGetsItsPostOnEveryFunnelDay() {
        FunnelScenario story = scenario(pack).recordingTo(coverage);
        List<Option> concerns = pack.codebook().question("concern").orElseThrow().options();
        for (Option concern : concerns) {
            story.customerWithAnswers(concern.id(), Map.of("problems", List.of(concern.id()), "concern", concern.id()));
        }
        for (int day = 1; day <= 11; day++) {
            story.advanceTo(day(day)).expectNoContentMissing();
            for (Option concern : concerns) {
                story.expectGroupContent(concern.id(), scriptPrefix(concern) + (day <= 5 ? ".seeding.d" : ".conversion.d")
                        + day);
            }
            assertThat(story.plan().groups()).as("day %d", day).hasSize(concerns.size())
                    .allSatisfy(group -> assertThat(group.content()).singleElement()
                            .satisfies(post -> assertThat(post.text()).isNotBlank().doesNotContain("{")));
        }
    }

    /** The scripts of the pores (G) and fine-lines (H) groups are shared: {@code general.*}. */
    private static String scriptPrefix(Option concern) {
        return concern.id().equals("pores") || concern.id().equals("wrinkles") ? "general" : concern.id();
    }

    /** Without the scenarios, the check names the content rules that never fired, with file and line. */
    @Test
    void theCasesAloneLeaveTheContentRulesUncovered() {
        RuleCoverage casesOnly = RuleCoverage.independent(pack);
        RuleCases.from(pack, CASES).recordingTo(casesOnly).run();

        assertThat(casesOnly.neverFired()).allMatch(rule -> rule.phase() == Phase.CONTENT).hasSize(77);
        assertThatThrownBy(casesOnly::assertAllFired)
                .hasMessageStartingWith("77 of " + pack.rules().size() + " rules of pack gaozi ")
                .hasMessageContaining("\n  rules/content.drl:5  痘痘群 种草第1天 欢迎 (content)\n");
    }
}
