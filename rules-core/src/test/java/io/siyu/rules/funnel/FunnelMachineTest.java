package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.siyu.rules.funnel.Fixtures.DAY_0;
import static io.siyu.rules.funnel.Fixtures.journeyIn;
import static io.siyu.rules.funnel.Fixtures.onDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelMachineTest {

    private final FunnelMachine machine = FunnelMachine.of(FunnelConfig.defaults());

    /**
     * The expected outcome of every event kind in every stage, written out independently of the
     * machine's table: a stage name is the stage after the event, "-" means it does not apply (the journey
     * does not change; the funnel keeps the event in the journal). A purchase applies everywhere.
     * A send is recorded for attribution and never moves a stage.
     * Columns: ADDED SURVEYED MESSAGE_RECEIVED PURCHASED LEFT_GROUP OPTED_OUT BLOCKED SENT.
     */
    private static final String[] EXPECTED = {
            "NEW         ONE_TO_ONE ONE_TO_ONE -          NEW       -     -     -     NEW",
            "ONE_TO_ONE  ONE_TO_ONE ONE_TO_ONE ONE_TO_ONE CONVERTED -     LEFT  LEFT  ONE_TO_ONE",
            "GROUPED     -          -          GROUPED    CONVERTED LEFT  LEFT  LEFT  GROUPED",
            "SEEDING     -          -          SEEDING    CONVERTED LEFT  LEFT  LEFT  SEEDING",
            "CONVERSION  -          -          CONVERSION CONVERTED LEFT  LEFT  LEFT  CONVERSION",
            "CONVERTED   -          -          CONVERTED  CONVERTED LEFT  LEFT  LEFT  CONVERTED",
            "NURTURE     -          -          NURTURE    CONVERTED LEFT  LEFT  LEFT  NURTURE",
            "LEFT        -          -          LEFT       LEFT      LEFT  LEFT  LEFT  LEFT",
    };

    static Stream<Arguments> everyStageAndEvent() {
        List<Arguments> cases = new ArrayList<>();
        for (String row : EXPECTED) {
            String[] cells = row.trim().split("\\s+");
            for (FunnelEvent.Kind kind : FunnelEvent.Kind.values()) {
                String outcome = cells[kind.ordinal() + 1];
                cases.add(Arguments.of(Stage.valueOf(cells[0]), kind, outcome.equals("-") ? null : Stage.valueOf(outcome)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStageAndEvent")
    void everyEventInEveryStageAppliesOrNot(Stage stage, FunnelEvent.Kind kind, Stage expected) {
        Journey journey = journeyIn(machine, stage);
        assertThat(journey.stage()).isEqualTo(stage);
        // On the journey's own date, after its last event: no day boundary is crossed.
        FunnelEvent event = Fixtures.event(kind, "e-test", "c1",
                Fixtures.dateOf(journey).atTime(LocalTime.of(20, 0)).atZone(Fixtures.SHANGHAI).toInstant());

        if (expected == null) {
            assertThat(machine.apply(journey, event)).isNull();
        } else {
            Journey next = machine.apply(journey, event);
            assertThat(next.stage()).isEqualTo(expected);
            assertThat(next.lastEventId()).isEqualTo("e-test");
        }
    }

    @Test
    void theTableHasOneEntryPerStageAndTriggerAndCoversTheExpectations() {
        Set<String> pairs = new HashSet<>();
        for (FunnelMachine.Transition t : machine.transitions()) {
            assertThat(pairs.add(t.from() + "/" + t.trigger())).as("duplicate " + t).isTrue();
        }
        long allowedEvents = everyStageAndEvent().filter(a -> a.get()[2] != null).count();
        long tableEvents = machine.transitions().stream().filter(t -> !t.trigger().isDayBoundary()).count();
        assertThat(tableEvents).isEqualTo(allowedEvents);
    }

    @Test
    void noOrderIsLostBeforeEnteringOrAfterLeaving() {
        Journey before = machine.apply(Journey.start("c1"), new FunnelEvent.Purchased("p0", "c1", onDay(0, "09:00"), 500));
        assertThat(before).extracting(Journey::stage, Journey::purchases, Journey::revenueFen, Journey::convertedIn)
                .containsExactly(Stage.NEW, 1, 500L, Stage.NEW);
        Journey entered = machine.apply(before, new FunnelEvent.Added("a1", "c1", onDay(0, "10:00")));
        assertThat(entered).extracting(Journey::stage, Journey::startDate, Journey::purchases)
                .containsExactly(Stage.ONE_TO_ONE, DAY_0, 1);

        Journey left = journeyIn(machine, Stage.LEFT);
        Journey afterLeaving = machine.apply(left, new FunnelEvent.Purchased("p1", "c1", onDay(14, "12:00"), 29_900));
        assertThat(afterLeaving).extracting(Journey::stage, Journey::convertedIn, Journey::revenueFen)
                .containsExactly(Stage.LEFT, Stage.LEFT, 29_900L);
    }

    @Test
    void aCustomerWhoLeftReentersOnlyAsThePolicySays() {
        Journey left = journeyIn(machine, Stage.LEFT);
        FunnelEvent sameDay = new FunnelEvent.Added("a2", "c1", onDay(1, "20:00"));
        assertThat(machine.reenters(left, sameDay)).as("after 0 days by default").isTrue();
        assertThat(machine.reenters(journeyIn(machine, Stage.NURTURE), new FunnelEvent.Added("a2", "c1",
                onDay(40, "10:00")))).as("only after leaving").isFalse();

        FunnelMachine month = FunnelMachine.of(FunnelConfig.defaults().withReentryAfterDays(30));
        Journey leftOnDay1 = journeyIn(month, Stage.LEFT);
        assertThat(month.reenters(leftOnDay1, new FunnelEvent.Added("a2", "c1", onDay(30, "23:59")))).isFalse();
        assertThat(month.reenters(leftOnDay1, new FunnelEvent.Added("a2", "c1", onDay(31, "00:00")))).isTrue();
        FunnelMachine never = FunnelMachine.of(FunnelConfig.defaults().withReentryAfterDays(FunnelConfig.NO_REENTRY));
        assertThat(never.reenters(journeyIn(never, Stage.LEFT), new FunnelEvent.Added("a2", "c1",
                onDay(400, "10:00")))).isFalse();
    }

    @Test
    void theNextDayBoundaryIsWhereTheDaysMoveTheJourney() {
        assertThat(machine.nextBoundary(journeyIn(machine, Stage.ONE_TO_ONE))).isEqualTo(DAY_0.plusDays(1));
        assertThat(machine.nextBoundary(journeyIn(machine, Stage.GROUPED))).isEqualTo(DAY_0.plusDays(1));
        assertThat(machine.nextBoundary(journeyIn(machine, Stage.SEEDING))).isEqualTo(DAY_0.plusDays(6));
        assertThat(machine.nextBoundary(journeyIn(machine, Stage.CONVERSION))).isEqualTo(DAY_0.plusDays(12));
        for (Stage still : List.of(Stage.NEW, Stage.CONVERTED, Stage.NURTURE, Stage.LEFT)) {
            assertThat(machine.nextBoundary(journeyIn(machine, still))).as(still.name()).isNull();
        }
        Journey seeding = journeyIn(machine, Stage.SEEDING);
        LocalDate boundary = machine.nextBoundary(seeding);
        assertThat(machine.advance(seeding, boundary.minusDays(1))).isSameAs(seeding);
        assertThat(machine.advance(seeding, boundary).stage()).isEqualTo(Stage.CONVERSION);
    }

    @Test
    void theFirstEventStartsDayZeroAndTheSurveyKeepsOnlyTheCohortQuestions() {
        Journey journey = journeyIn(machine, Stage.ONE_TO_ONE);
        assertThat(journey.startDate()).isEqualTo(DAY_0);
        assertThat(journey.stageDay()).isZero();
        assertThat(journey.cohort()).isEqualTo(Fixtures.ACNE);
        assertThat(journey.cohortCodes()).isEqualTo("D");
    }

    @Test
    void purchasesRecordTheConversionStageRevenueAndTheFirstRepurchase() {
        Journey seeding = journeyIn(machine, Stage.SEEDING);
        Journey bought = machine.apply(seeding, new FunnelEvent.Purchased("p1", "c1", onDay(3, "12:00"), 29_900));
        Journey again = machine.apply(bought, new FunnelEvent.Purchased("p2", "c1", onDay(8, "12:00"), 19_900));
        Journey third = machine.apply(again, new FunnelEvent.Purchased("p3", "c1", onDay(9, "12:00"), 100));

        assertThat(bought.convertedIn()).isEqualTo(Stage.SEEDING);
        assertThat(bought.stageDay()).as("the purchase day").isEqualTo(3);
        assertThat(third.stage()).isEqualTo(Stage.CONVERTED);
        assertThat(third.convertedIn()).isEqualTo(Stage.SEEDING);
        assertThat(third.purchases()).isEqualTo(3);
        assertThat(third.revenueFen()).isEqualTo(29_900 + 19_900 + 100);
        assertThat(third.firstPurchaseAt()).contains(onDay(3, "12:00"));
        assertThat(third.firstRepurchaseAt()).contains(onDay(8, "12:00"));
    }

    @Test
    void aPurchaseInNurtureIsALateConversion() {
        Journey nurture = journeyIn(machine, Stage.NURTURE);
        Journey late = machine.apply(nurture, new FunnelEvent.Purchased("p1", "c1", onDay(20, "12:00"), 100));
        assertThat(late.stage()).isEqualTo(Stage.CONVERTED);
        assertThat(late.convertedIn()).isEqualTo(Stage.NURTURE);
    }

    @Test
    void leavingRemembersTheStageLeftFrom() {
        Journey conversion = journeyIn(machine, Stage.CONVERSION);
        Journey left = machine.apply(conversion, new FunnelEvent.OptedOut("o1", "c1", onDay(7, "12:00")));
        Journey blockedToo = machine.apply(left, new FunnelEvent.Blocked("b1", "c1", onDay(8, "12:00")));
        assertThat(blockedToo.stage()).isEqualTo(Stage.LEFT);
        assertThat(blockedToo.leftIn()).isEqualTo(Stage.CONVERSION);
    }

    @Test
    void exitRulesFromTheConfigChangeTheTable() {
        FunnelConfig d = FunnelConfig.defaults();
        FunnelMachine lenient = FunnelMachine.of(d.withExit(false, false, false));
        Journey seeding = journeyIn(lenient, Stage.SEEDING);

        Journey stillIn = lenient.apply(seeding, new FunnelEvent.LeftGroup("l1", "c1", onDay(2, "12:00")));
        stillIn = lenient.apply(stillIn, new FunnelEvent.OptedOut("o1", "c1", onDay(2, "13:00")));
        assertThat(stillIn.stage()).isEqualTo(Stage.SEEDING);
        assertThat(stillIn.leftIn()).isNull();

        Journey ended = lenient.advance(stillIn, DAY_0.plusDays(12));
        assertThat(ended.stage()).as("no nurture after conversion: out of the funnel").isEqualTo(Stage.LEFT);
        assertThat(ended.leftIn()).isEqualTo(Stage.CONVERSION);
    }

    @Test
    void anEventOfAnotherCustomerIsRefused() {
        Journey journey = journeyIn(machine, Stage.SEEDING);
        assertThatThrownBy(() -> machine.apply(journey, new FunnelEvent.MessageReceived("m1", "c2", onDay(1, "20:00"))))
                .isInstanceOf(FunnelException.class)
                .hasMessageContainingAll("m1", "c2", "c1");
    }
}
