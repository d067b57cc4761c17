package io.siyu.rules.testkit;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.pack.RulePack;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.LocalDate;

import static io.siyu.rules.funnel.Stage.CONVERTED;
import static io.siyu.rules.funnel.Stage.ONE_TO_ONE;
import static io.siyu.rules.funnel.Stage.SEEDING;
import static io.siyu.rules.testkit.FunnelScenario.day;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journey assertions: each one passing, and failing with expected vs actual and the whole journey. */
@RulePackTest(Packs.SKINCARE)
class JourneyAssertTest {
    /** c1 (3DU2) bought ¥299 on day 4 in seeding; c2 (3DU2) is in seeding on day 4, not bought. */
    private static final String BUYER = """
            Journey:
              customer:   c1
              stage:      CONVERTED
              stage day:  4 (day 0: 2026-11-23)
              cohort:     D
              group:      D-2026-11-23-1
              purchases:  1 (29900 fen, first at 2026-11-27T02:00:00Z)
              converted:  SEEDING
              left:       none
              last event: purchased-5 at 2026-11-27T02:00:00Z""";
    private static final String NEWCOMER = """
            Journey:
              customer:   c3
              stage:      ONE_TO_ONE
              stage day:  0 (day 0: 2026-11-27)
              cohort:     (untagged)
              group:      in no group
              purchases:  0 (0 fen)
              converted:  none
              left:       none
              last event: added-7 at 2026-11-27T02:00:00Z""";

    RulePack pack;
    Journey buyer;
    Journey leaver;
    Journey newcomer;

    @BeforeEach
    void journeys() {
        FunnelScenario story = scenario(pack).recordingTo(RuleCoverage.independent(pack))
                .customer("c1", "3DU2").customer("c2", "3DU2")
                .advanceTo(day(4)).purchase("c1", 29900).leaveGroup("c2").customer("c3");
        buyer = story.journey("c1");
        leaver = story.journey("c2");
        newcomer = story.journey("c3");
    }

    @Test
    void isIn() {
        assertThat(buyer).isIn(CONVERTED);
        assertFails(() -> assertThat(buyer).isIn(SEEDING),
                "Expected customer c1 to be in stage SEEDING but was CONVERTED.\n\n" + BUYER);
    }

    @Test
    void isOnDay() {
        assertThat(buyer).isOnDay(4);
        assertFails(() -> assertThat(buyer).isOnDay(5), "Expected customer c1 to be on day 5 but was 4.\n\n" + BUYER);
    }

    @Test
    void theDayOfAJourneyInProgressNeedsTheDate() {
        assertThatThrownBy(() -> assertThat(newcomer).isOnDay(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("customer c3 is in ONE_TO_ONE: its day depends on the date; call asOf(date) before "
                        + "isOnDay(0)");
        assertThat(newcomer).asOf(LocalDate.of(2026, 11, 27)).isOnDay(0);
        assertThat(newcomer).asOf(LocalDate.of(2026, 11, 28)).isOnDay(1);
    }

    @Test
    void startedOn() {
        assertThat(buyer).startedOn(LocalDate.of(2026, 11, 23));
        assertFails(() -> assertThat(buyer).startedOn(LocalDate.of(2026, 11, 24)),
                "Expected customer c1 to have started on 2026-11-24 but was 2026-11-23.\n\n" + BUYER);
    }

    @Test
    void isInGroup() {
        assertThat(buyer).isInGroup("D-2026-11-23-1").isGrouped();
        assertFails(() -> assertThat(buyer).isInGroup("D-2026-11-23-2"),
                "Expected customer c1 to be in group D-2026-11-23-2 but was D-2026-11-23-1.\n\n" + BUYER);
        assertFails(() -> assertThat(newcomer).isInGroup("D-2026-11-23-1"),
                "Expected customer c3 to be in group D-2026-11-23-1 but was in no group.\n\n" + NEWCOMER);
    }

    @Test
    void isGroupedAndIsNotGrouped() {
        assertThat(newcomer).isNotGrouped();
        assertFails(() -> assertThat(newcomer).isGrouped(),
                "Expected customer c3 to be in a group, but it is in no group.\n\n" + NEWCOMER);
        assertFails(() -> assertThat(buyer).isNotGrouped(),
                "Expected customer c1 not to be in a group, but it is in D-2026-11-23-1.\n\n" + BUYER);
    }

    @Test
    void hasCohort() {
        assertThat(buyer).hasCohort("D");
        assertThat(newcomer).hasCohort("");
        assertFails(() -> assertThat(buyer).hasCohort("E"),
                "Expected customer c1 to have cohort \"E\" but was \"D\".\n\n" + BUYER);
    }

    @Test
    void hasConvertedAndHasNotConverted() {
        assertThat(buyer).hasConverted();
        assertThat(newcomer).hasNotConverted();
        assertFails(() -> assertThat(newcomer).hasConverted(),
                "Expected customer c3 to have bought, but it has no purchase.\n\n" + NEWCOMER);
        assertFails(() -> assertThat(buyer).hasNotConverted(),
                "Expected customer c1 not to have bought, but it first bought in SEEDING.\n\n" + BUYER);
    }

    @Test
    void convertedIn() {
        assertThat(buyer).convertedIn(SEEDING);
        assertFails(() -> assertThat(buyer).convertedIn(ONE_TO_ONE),
                "Expected customer c1 to have first bought in ONE_TO_ONE but was SEEDING.\n\n" + BUYER);
        assertFails(() -> assertThat(newcomer).convertedIn(SEEDING),
                "Expected customer c3 to have first bought in SEEDING but was none.\n\n" + NEWCOMER);
    }

    @Test
    void leftIn() {
        assertThat(leaver).leftIn(SEEDING);
        assertFails(() -> assertThat(buyer).leftIn(SEEDING),
                "Expected customer c1 to have left in SEEDING but was none.\n\n" + BUYER);
    }

    @Test
    void hasPurchasesAndRevenue() {
        assertThat(buyer).hasPurchases(1).hasRevenueFen(29900);
        assertFails(() -> assertThat(buyer).hasPurchases(2),
                "Expected customer c1 to have 2 purchases but was 1.\n\n" + BUYER);
        assertFails(() -> assertThat(buyer).hasRevenueFen(100),
                "Expected customer c1 to have revenue 100 fen but was 29900 fen.\n\n" + BUYER);
    }

    @Test
    void failuresCarryExpectedAndActualForADiffAndHonourAs() {
        assertThatThrownBy(() -> assertThat(buyer).isIn(SEEDING)).isInstanceOfSatisfying(AssertionFailedError.class,
                e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo(SEEDING);
                    assertThat(e.getActual().getValue()).isEqualTo(CONVERTED);
                });
        assertThatThrownBy(() -> assertThat(buyer).as("the buyer").isOnDay(1))
                .hasMessageStartingWith("[the buyer] Expected customer c1 to be on day 1 but was 4.");
        assertThatThrownBy(() -> assertThat((Journey) null).isIn(SEEDING)).hasMessageContaining("Expecting actual not to be null");
    }

    private static void assertFails(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(AssertionError.class).hasMessage(message);
    }
}
