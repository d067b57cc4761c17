package io.siyu.rules.testkit;

import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.pack.RulePack;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static io.siyu.rules.testkit.FunnelScenario.day;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Report assertions: each one passing, and failing with the segment, expected vs actual and the report table. */
@RulePackTest(Packs.SKINCARE)
class FunnelReportAssertTest {
    RulePack pack;
    FunnelReport report;

    /**
     * Five customers from 23 November: c1 (D) buys on day 0 and again on day 3, c2 (D) in seeding, c3 (E) in
     * conversion, c4 (E) never and ends in nurture, c5 (D) leaves its group in seeding.
     */
    @BeforeEach
    void fiveCustomersTwelveDays() {
        report = scenario(pack).recordingTo(RuleCoverage.independent(pack))
                .customer("c1", "3DU1").customer("c2", "3DU2").customer("c3", "4EU2").customer("c4", "4EU3")
                .customer("c5", "3DU3").purchase("c1", 29900)
                .advanceTo(day(2)).purchase("c2", 29900).leaveGroup("c5")
                .advanceTo(day(3)).purchase("c1", 19900)
                .advanceTo(day(7)).purchase("c3", 29900)
                .advanceTo(day(12)).report();
    }

    @Test
    void counts() {
        assertThat(report).hasEntered(5).hasGrouped(4).hasConvertedOnDayZero(1).hasConvertedInSeeding(1)
                .hasConvertedInConversion(1).hasConvertedLate(0).hasConverted(3).hasActive(0).hasInNurture(1)
                .hasLeft(1).hasBuyers(3).hasRepurchasedWithin7Days(1).hasRevenueFen(109600);
        assertFails(() -> assertThat(report).hasEntered(6), "Expected entered (total) to be 6 but was 5.");
        assertFails(() -> assertThat(report).hasGrouped(5), "Expected grouped (total) to be 5 but was 4.");
        assertFails(() -> assertThat(report).hasConvertedOnDayZero(2),
                "Expected converted on day 0 (total) to be 2 but was 1.");
        assertFails(() -> assertThat(report).hasConvertedInSeeding(0),
                "Expected converted in seeding (total) to be 0 but was 1.");
        assertFails(() -> assertThat(report).hasConvertedInConversion(2),
                "Expected converted in conversion (total) to be 2 but was 1.");
        assertFails(() -> assertThat(report).hasConvertedLate(1), "Expected converted late (total) to be 1 but was 0.");
        assertFails(() -> assertThat(report).hasConverted(4), "Expected converted (total) to be 4 but was 3.");
        assertFails(() -> assertThat(report).hasActive(1), "Expected active (total) to be 1 but was 0.");
        assertFails(() -> assertThat(report).hasInNurture(0), "Expected in nurture (total) to be 0 but was 1.");
        assertFails(() -> assertThat(report).hasLeft(0), "Expected left (total) to be 0 but was 1.");
        assertFails(() -> assertThat(report).hasBuyers(2), "Expected buyers (total) to be 2 but was 3.");
        assertFails(() -> assertThat(report).hasRepurchasedWithin7Days(0),
                "Expected repurchased within 7 days (total) to be 0 but was 1.");
        assertFails(() -> assertThat(report).hasRevenueFen(1), "Expected revenue (fen) (total) to be 1 but was 109600.");
    }

    @Test
    void rates() {
        assertThat(report).hasDayZeroRateCloseTo(0.2, within(0.001)).hasCumulativeRateCloseTo(0.6, within(0.001))
                .hasRepurchase7DaysRateCloseTo(0.33, within(0.01));
        assertFails(() -> assertThat(report).hasCumulativeRateCloseTo(0.45, within(0.02)),
                "Expected cumulative rate (total) to be 0.4500 ± 0.0200 but was 0.6000.");
        assertFails(() -> assertThat(report).hasDayZeroRateCloseTo(0.12, within(0.02)),
                "Expected day-0 rate (total) to be 0.1200 ± 0.0200 but was 0.2000.");
        assertFails(() -> assertThat(report).hasRepurchase7DaysRateCloseTo(0.35, within(0.001)),
                "Expected 7-day repurchase rate (total) to be 0.3500 ± 0.0010 but was 0.3333.");
    }

    @Test
    void cohortsAndGroups() {
        assertThat(report).cohort("D").hasEntered(3).hasConvertedInSeeding(1).hasLeft(1)
                .total().hasEntered(5)
                .group("E-2026-11-23-1").hasEntered(2).hasConvertedInConversion(1).hasInNurture(1);
        assertFails(() -> assertThat(report).cohort("E").hasEntered(3),
                "Expected entered (cohort E) to be 3 but was 2.");
        assertFails(() -> assertThat(report).group("D-2026-11-23-1").hasGrouped(3),
                "Expected grouped (group D-2026-11-23-1) to be 3 but was 2.");
        assertFails(() -> assertThat(report).cohort("A"), "Expected the report to have cohort A but it has D, E.");
        assertFails(() -> assertThat(report).group("A-2026-11-23-1"),
                "Expected the report to have group A-2026-11-23-1 but it has D-2026-11-23-1, E-2026-11-23-1.");
    }

    @Test
    void failuresCarryExpectedAndActualAndHonourAs() {
        assertThatThrownBy(() -> assertThat(report).hasEntered(6)).isInstanceOfSatisfying(AssertionFailedError.class,
                e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo(6L);
                    assertThat(e.getActual().getValue()).isEqualTo(5L);
                });
        assertThatThrownBy(() -> assertThat(report).as("after 12 days").cohort("D").hasEntered(1))
                .hasMessageStartingWith("[after 12 days] Expected entered (cohort D) to be 1 but was 3.");
        assertThatThrownBy(() -> assertThat((FunnelReport) null).hasEntered(1))
                .hasMessageContaining("Expecting actual not to be null");
    }

    /** The failure is the summary, a blank line, then {@code Report:} and the report's table. */
    private void assertFails(ThrowingCallable call, String summary) {
        assertThatThrownBy(call).isInstanceOf(AssertionError.class)
                .hasMessage(summary + "\n\nReport:\n" + report.toTable());
        assertThat(report.toTable()).startsWith("segment").contains("total");
    }
}
