package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
     * machine's table: a stage name is the stage after the event, "-" means rejected.
     * Columns: ADDED SURVEYED MESSAGE_RECEIVED PURCHASED LEFT_GROUP OPTED_OUT BLOCKED.
     */
    private static final String[] EXPECTED = {
            "NEW         ONE_TO_ONE ONE_TO_ONE -          -         -     -     -",
            "ONE_TO_ONE  ONE_TO_ONE ONE_TO_ONE ONE_TO_ONE CONVERTED -     LEFT  LEFT",
            "GROUPED     -          -          GROUPED    CONVERTED LEFT  LEFT  LEFT",
            "SEEDING     -          -          SEEDING    CONVERTED LEFT  LEFT  LEFT",
            "CONVERSION  -          -          CONVERSION CONVERTED LEFT  LEFT  LEFT",
            "CONVERTED   -          -          CONVERTED  CONVERTED LEFT  LEFT  LEFT",
            "NURTURE     -          -          NURTURE    CONVERTED LEFT  LEFT  LEFT",
            "LEFT        -          -          -          -         -     LEFT  LEFT",
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
    void everyEventInEveryStageIsAllowedOrRejected(Stage stage, FunnelEvent.Kind kind, Stage expected) {
        Journey journey = journeyIn(machine, stage);
        assertThat(journey.stage()).isEqualTo(stage);
        // On the journey's own date, after its last event: no day boundary is crossed.
        FunnelEvent event = Fixtures.event(kind, "e-test", "c1",
                Fixtures.dateOf(journey).atTime(LocalTime.of(20, 0)).atZone(Fixtures.SHANGHAI).toInstant());

        if (expected == null) {
            assertThatThrownBy(() -> machine.apply(journey, event))
                    .isInstanceOfSatisfying(RejectedEventException.class, e -> {
                        assertThat(e.customerId()).isEqualTo("c1");
                        assertThat(e.stage()).isEqualTo(stage);
                        assertThat(e.eventKind()).isEqualTo(kind);
                        assertThat(e.key()).isEqualTo("funnel.event-rejected");
                    })
                    .hasMessageContainingAll("c1", stage.name(), kind.name(), "e-test");
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
    void rejectionIsExplainedInChineseToo() {
        Journey left = journeyIn(machine, Stage.LEFT);
        RejectedEventException e = org.junit.jupiter.api.Assertions.assertThrows(RejectedEventException.class,
                () -> machine.apply(left, new FunnelEvent.MessageReceived("m9", "c1", onDay(1, "20:00"))));
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("客户 c1", "LEFT", "m9");
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
        FunnelMachine lenient = FunnelMachine.of(new FunnelConfig(d.seedingDays(), d.conversionDays(), d.cohortBy(),
                d.groupCapacity(), false, false, false, d.zone()));
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

    @Test
    void theSameEventTwiceOrAnEarlierEventIsANoOp() {
        Journey seeding = journeyIn(machine, Stage.SEEDING);
        FunnelEvent purchase = new FunnelEvent.Purchased("p1", "c1", onDay(2, "12:00"), 100);
        Journey once = machine.apply(seeding, purchase);

        assertThat(machine.apply(once, purchase)).isSameAs(once);
        assertThat(machine.apply(once, new FunnelEvent.Purchased("p0", "c1", onDay(2, "11:59"), 100))).isSameAs(once);
        assertThat(machine.apply(once, new FunnelEvent.Purchased("p2", "c1", onDay(2, "12:00"), 100)).purchases())
                .as("same moment, other id: applied").isEqualTo(2);
    }
}
