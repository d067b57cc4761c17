package io.siyu.rules.testkit;

import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.siyu.rules.funnel.Stage.CONVERSION;
import static io.siyu.rules.funnel.Stage.CONVERTED;
import static io.siyu.rules.funnel.Stage.NURTURE;
import static io.siyu.rules.funnel.Stage.ONE_TO_ONE;
import static io.siyu.rules.funnel.Stage.SEEDING;
import static io.siyu.rules.testkit.FunnelScenario.day;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Funnel scenarios on the skincare test pack: a fake clock, generated events, group content from the rules. */
@RulePackTest(Packs.SKINCARE)
class FunnelScenarioTest {
    RulePack pack;
    RuleCoverage coverage;
    FunnelScenario story;

    @BeforeEach
    void ownCoverage() {
        coverage = RuleCoverage.independent(pack);
        story = scenario(pack).recordingTo(coverage);
    }

    @Test
    void aCustomerWhoDidNotBuyOnDayZeroIsSeededThenBuysInTheGroup() {
        FunnelReport report = story.customer("c1", "3DU2")
                .onDay(0).expectStage("c1", ONE_TO_ONE).noPurchase()
                .advanceTo(day(1)).expectStage("c1", SEEDING).expectGroupContent("acne.seeding.d1")
                .expectGroupContent("c1", "acne.seeding.d1").expectNoContentMissing()
                .advanceTo(day(6)).expectStage("c1", CONVERSION).expectGroupContent("c1", "acne.conversion.d6")
                .purchase("c1", 29900).expectStage("c1", CONVERTED)
                .expectJourney("c1", j -> j.convertedIn(CONVERSION).hasPurchases(1).isInGroup("D-2026-11-23-1"))
                .advanceTo(day(12)).report();

        assertThat(report).hasEntered(1).hasGrouped(1).hasConvertedInConversion(1).hasRevenueFen(29900)
                .hasCumulativeRateCloseTo(1.0, within(0.001));
        assertThat(coverage.firings("痘痘群 种草第1天")).isEqualTo(3);
        assertThat(coverage.firings("痘痘群 转化第6天")).isEqualTo(1);
        assertThat(coverage.decisions()).isEqualTo(4);
    }

    @Test
    void timeMovesOnlyWhenTheTestSaysSo() {
        story.customer("c1", "3DU2").customer("c2", "3DU1").purchase("c2", 19900);

        assertThat(story.currentDay()).isZero();
        assertThat(story.today()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(story.journey("c1")).asOf(story.today()).isIn(ONE_TO_ONE).isOnDay(0).isNotGrouped();
        assertThat(story.journey("c2")).isIn(CONVERTED).convertedIn(ONE_TO_ONE);

        story.advanceTo(day(9));
        assertThat(story.journey("c1")).asOf(story.today()).isIn(CONVERSION).isOnDay(9).isInGroup("D-2026-11-23-1");
        story.advanceTo(day(12)).expectStage("c1", NURTURE);
        assertThat(story.report()).hasEntered(2).hasConvertedOnDayZero(1).hasInNurture(1);
    }

    @Test
    void answersAndUntaggedCustomers() {
        story.customerWithAnswers("c1", Map.of("problems", List.of("acne"), "concern", "acne", "urgency", "now"))
                .customer("c2").advanceTo(day(1));

        assertThat(story.journey("c1")).hasCohort("D").isInGroup("D-2026-11-23-1");
        assertThat(story.journey("c2")).hasCohort("").isInGroup("untagged-2026-11-23-1");
    }

    @Test
    void aScenarioStartsWhenItIsTold() {
        FunnelScenario late = scenario(pack, OffsetDateTime.parse("2026-12-01T21:00:00+08:00"))
                .recordingTo(coverage).customer("c1", "3DU2").advanceTo(day(1));

        assertThat(late.journey("c1")).startedOn(LocalDate.of(2026, 12, 1)).isInGroup("D-2026-12-01-1");
        assertThat(late.today()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void eventsGetGeneratedIdsAndGoThroughTheFunnel() {
        story.customer("c1", "3DU2").advanceTo(day(2)).message("c1").leaveGroup("c1");

        assertThat(story.journey("c1")).leftIn(SEEDING);
        assertThat(story.journey("c1").lastEventId()).isEqualTo("left-4");
        // A second later: at the very same moment, an order counts before leaving (Funnel.TIME_ORDER).
        story.record(new io.siyu.rules.funnel.FunnelEvent.Purchased("order-1", "c1",
                story.journey("c1").lastEventAt().orElseThrow().plusSeconds(1), 100));
        assertThat(story.journey("c1")).as("an order after leaving is kept, the customer stays out")
                .isIn(io.siyu.rules.funnel.Stage.LEFT).convertedIn(io.siyu.rules.funnel.Stage.LEFT);
        assertThat(story.report().total().convertedAfterLeaving()).isEqualTo(1);
    }

    @Test
    void timeNeverGoesBack() {
        story.advanceTo(day(3));

        assertThatThrownBy(() -> story.advanceTo(day(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time only moves forward: the scenario is on day 3 and cannot go back to day 2");
        assertThatThrownBy(() -> day(-1)).hasMessage("a scenario day is 0 or more, got -1");
    }

    @Test
    void scenariosDoNotShareTheirClock() {
        FunnelScenario other = scenario(pack).recordingTo(coverage);
        story.advanceTo(day(5));

        assertThat(other.today()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(story.today()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void expectStageFailsWithTheDayAndTheJourney() {
        story.customer("c1", "3DU2").advanceTo(day(3));

        assertThatThrownBy(() -> story.expectStage("c1", CONVERSION))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [Day 3 (2026-11-26)] Expected customer c1 to be in stage CONVERSION but was SEEDING.

                        Journey:
                          customer:   c1
                          stage:      SEEDING
                          stage day:  3 (day 0: 2026-11-23)
                          cohort:     D
                          group:      D-2026-11-23-1
                          purchases:  0 (0 fen)
                          converted:  none
                          left:       none
                          last event: surveyed-2 at 2026-11-23T02:00:00Z""");
    }

    @Test
    void expectGroupContentFailsWithThePlan() {
        story.customer("c1", "3DU2").advanceTo(day(6));

        assertThatThrownBy(() -> story.expectGroupContent("acne.seeding.d1"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        On day 6 (2026-11-29) expected a group to get acne.seeding.d1, but none did.

                        Plan for 2026-11-29:
                          D-2026-11-23-1 (conversion day 6): acne.conversion.d6 — 转化第1天：群友价开启 [痘痘群 转化第6天]""");
    }

    @Test
    void expectGroupContentForACustomerNamesTheGroupAndShowsTheJourney() {
        story.customer("c1", "3DU2").customer("c2", "3EU2").advanceTo(day(1));

        assertThatThrownBy(() -> story.expectGroupContent("c2", "acne.seeding.d1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("On day 1 (2026-11-24) expected customer c2's group to get acne.seeding.d1 "
                        + "(E-2026-11-23-1), but it got nothing.\n\nJourney:\n  customer:   c2\n")
                .hasMessageEndingWith("""
                        Plan for 2026-11-24:
                          D-2026-11-23-1 (seeding day 1): acne.seeding.d1 — 种草第1天：讲清楚痘痘为什么反复 [痘痘群 种草第1天]
                          E-2026-11-23-1 (seeding day 1): no content""");
        assertThatThrownBy(() -> scenario(pack).customer("c3", "3DU2").expectGroupContent("c3", "acne.seeding.d1"))
                .hasMessageStartingWith("On day 0 (2026-11-23) expected customer c3's group to get acne.seeding.d1, "
                        + "but the customer is in no group.\n\nJourney:\n")
                .hasMessageEndingWith("Plan for 2026-11-23:\n  no active groups\n  one to one: c3");
    }

    @Test
    void expectNoContentMissingListsTheGroupsWithout() {
        story.customer("c1", "3EU2").advanceTo(day(2));

        assertThatThrownBy(() -> story.expectNoContentMissing())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        On day 2 (2026-11-25) expected content for every active group, but 1 got none: E-2026-11-23-1.

                        Plan for 2026-11-25:
                          E-2026-11-23-1 (seeding day 2): no content""");
    }

    @Test
    void noPurchaseFailsWhenSomeoneBoughtThatDay() {
        story.customer("c1", "3DU1").purchase("c1", 100);

        assertThatThrownBy(() -> story.noPurchase()).isInstanceOf(AssertionError.class)
                .hasMessage("On day 0 (2026-11-23) expected no purchase, but the scenario recorded one on this day.");
        story.advanceTo(day(1)).noPurchase()
                .record(new FunnelEvent.Purchased("crm-order-1", "c1", story.funnel().today()
                        .atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), 100));
        assertThatThrownBy(() -> story.noPurchase()).hasMessageStartingWith("On day 1 (2026-11-24) expected no purchase");
        assertThat(story.journey("c1").lastEventId()).isEqualTo("crm-order-1");
    }

    @Test
    void anUnknownCustomerIsNamed() {
        story.customer("c1", "3DU2");

        assertThatThrownBy(() -> story.expectStage("c9", SEEDING)).isInstanceOf(AssertionError.class)
                .hasMessage("On day 0 (2026-11-23) there is no customer c9 in the scenario; its customers are c1.");
    }

    @Test
    void expectReportFailuresStartWithTheDay() {
        story.customer("c1", "3DU2").expectReport(r -> r.hasEntered(1));

        assertThatThrownBy(() -> story.expectReport(r -> r.hasEntered(2)))
                .hasMessageStartingWith("[Day 0 (2026-11-23)] Expected entered (total) to be 2 but was 1.\n\nReport:\n");
    }
}
