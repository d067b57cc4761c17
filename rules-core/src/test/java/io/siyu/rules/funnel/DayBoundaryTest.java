package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.siyu.rules.funnel.Fixtures.DAY_0;
import static io.siyu.rules.funnel.Fixtures.clockAt;
import static io.siyu.rules.funnel.Fixtures.journeyIn;
import static io.siyu.rules.funnel.Fixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Days begin and end at midnight in the funnel's timezone (Asia/Shanghai, UTC+8), not in UTC. */
class DayBoundaryTest {

    private final FunnelMachine machine = FunnelMachine.of(FunnelConfig.defaults());

    private Journey addedAt(String customer, Instant at) {
        return machine.apply(Journey.start(customer), new FunnelEvent.Added("a-" + customer, customer, at));
    }

    @Test
    void oneSecondBeforeAndAfterMidnightInShanghaiAreDifferentDays() {
        Journey late = addedAt("late", shanghai("2026-11-23T23:59:59"));
        Journey early = addedAt("early", shanghai("2026-11-24T00:00:01"));

        assertThat(late.startDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(early.startDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(machine.advance(late, LocalDate.of(2026, 11, 24)).stage()).isEqualTo(Stage.GROUPED);
        assertThat(machine.advance(early, LocalDate.of(2026, 11, 24)).stage()).isEqualTo(Stage.ONE_TO_ONE);
    }

    @Test
    void half_past_four_in_the_afternoon_utc_is_already_the_next_day_in_shanghai() {
        Journey journey = addedAt("c1", Instant.parse("2026-11-23T16:30:00Z"));
        assertThat(journey.startDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        Journey beforeInUtc = addedAt("c2", Instant.parse("2026-11-23T15:59:59Z"));
        assertThat(beforeInUtc.startDate()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void theFunnelsClockDecidesTodayAcrossMidnight() {
        Funnel funnel = Funnel.inMemory(FunnelConfig.defaults(), clockAt("2026-11-24T00:00:01"));
        funnel.record(new FunnelEvent.Added("a1", "late", shanghai("2026-11-23T23:59:59")));
        funnel.record(new FunnelEvent.Added("a2", "early", shanghai("2026-11-24T00:00:01")));

        funnel.advance();

        assertThat(funnel.today()).isEqualTo(LocalDate.of(2026, 11, 24));
        Journey late = funnel.journey("late").orElseThrow();
        assertThat(late.stage()).isEqualTo(Stage.SEEDING);
        assertThat(late.stageDay()).isEqualTo(1);
        assertThat(late.groupId()).isEqualTo("untagged-2026-11-23-1");
        assertThat(funnel.journey("early").orElseThrow().stage()).isEqualTo(Stage.ONE_TO_ONE);
    }

    @Test
    void anEventAfterTodayIsRefused() {
        Funnel funnel = Funnel.inMemory(FunnelConfig.defaults(), clockAt("2026-11-23T23:59:59"));
        assertThatThrownBy(() -> funnel.record(new FunnelEvent.Added("a1", "c1", shanghai("2026-11-24T00:00:00"))))
                .isInstanceOf(FunnelException.class)
                .hasMessageContaining("after today (2026-11-23)");
        assertThat(funnel.journey("c1")).isEmpty();
    }

    @Test
    void skippedDaysLandInTheRightStage() {
        Journey seedingDay1 = journeyIn(machine, Stage.SEEDING);
        Journey day2 = machine.advance(seedingDay1, DAY_0.plusDays(2));

        Journey day9 = machine.advance(day2, DAY_0.plusDays(9));
        assertThat(day9.stage()).isEqualTo(Stage.CONVERSION);
        assertThat(day9.stageDay()).isEqualTo(9);

        assertThat(machine.advance(day2, DAY_0.plusDays(5)).stage()).isEqualTo(Stage.SEEDING);
        assertThat(machine.advance(day2, DAY_0.plusDays(6)).stage()).isEqualTo(Stage.CONVERSION);
        assertThat(machine.advance(day2, DAY_0.plusDays(11)).stage()).isEqualTo(Stage.CONVERSION);
        assertThat(machine.advance(day2, DAY_0.plusDays(12)).stage()).isEqualTo(Stage.NURTURE);
        assertThat(machine.advance(day2, DAY_0.plusDays(40)).stage()).isEqualTo(Stage.NURTURE);
    }

    @Test
    void advancingIsIdempotentAndNeverGoesBack() {
        Journey day2 = machine.advance(journeyIn(machine, Stage.SEEDING), DAY_0.plusDays(2));
        Journey day7 = machine.advance(day2, DAY_0.plusDays(7));

        assertThat(machine.advance(day7, DAY_0.plusDays(7))).isSameAs(day7);
        assertThat(machine.advance(day7, DAY_0.plusDays(3))).isSameAs(day7);
        Journey nurture = machine.advance(day7, DAY_0.plusDays(12));
        assertThat(machine.advance(nurture, DAY_0.plusDays(13))).as("nurture does not count days").isSameAs(nurture);
    }

    @Test
    void oneToOneServiceLastsTheWholeOfDayZeroOnly() {
        Journey oneToOne = journeyIn(machine, Stage.ONE_TO_ONE);
        assertThat(machine.advance(oneToOne, DAY_0)).isSameAs(oneToOne);
        Journey grouped = machine.advance(oneToOne, DAY_0.plusDays(1));
        assertThat(grouped.stage()).isEqualTo(Stage.GROUPED);
        assertThat(machine.advance(grouped, DAY_0.plusDays(3)).stage())
                .as("waits for a group").isEqualTo(Stage.GROUPED);
        assertThat(machine.advance(machine.assignGroup(grouped, "g"), DAY_0.plusDays(3)).stage())
                .isEqualTo(Stage.SEEDING);
    }

    @Test
    void aJourneyChangesOnlyWhenItsStageDoesAndDerivesItsDayNumber() {
        Journey seeding = journeyIn(machine, Stage.SEEDING);
        for (int day = 2; day <= 5; day++) {
            assertThat(machine.advance(seeding, DAY_0.plusDays(day))).as("seeding day %d", day).isSameAs(seeding);
            assertThat(seeding.dayOn(DAY_0.plusDays(day))).isEqualTo(day);
        }
        Journey conversion = machine.advance(seeding, DAY_0.plusDays(6));
        assertThat(conversion.stage()).isEqualTo(Stage.CONVERSION);
        assertThat(conversion.stageDay()).isEqualTo(6);
        assertThat(machine.advance(conversion, DAY_0.plusDays(11))).isSameAs(conversion);

        Journey nurture = machine.advance(conversion, DAY_0.plusDays(14));
        assertThat(nurture.stageDay()).as("the day the boundary was crossed").isEqualTo(14);
        assertThat(nurture.dayOn(DAY_0.plusDays(30))).as("nurture does not count days").isEqualTo(14);
        assertThat(conversion.dayOn(DAY_0.plusDays(3))).as("never before its stage began").isEqualTo(6);
    }

    @Test
    void theDayBoundaryStepSeatsAWaitingJourneyAndMovesItOnToTheStageOfItsDay() {
        Journey oneToOne = journeyIn(machine, Stage.ONE_TO_ONE);
        List<String> asked = new ArrayList<>();
        Journey day7 = machine.advance(oneToOne, DAY_0.plusDays(7), waiting -> {
            asked.add(waiting.customerId());
            return "D-2026-11-23-1";
        });
        assertThat(day7).extracting(Journey::stage, Journey::stageDay, Journey::groupId)
                .containsExactly(Stage.CONVERSION, 7, "D-2026-11-23-1");
        assertThat(day7).isEqualTo(machine.advance(machine.assignGroup(
                machine.advance(oneToOne, DAY_0.plusDays(7)), "D-2026-11-23-1"), DAY_0.plusDays(7)));
        assertThat(asked).containsExactly("c1");

        assertThat(machine.advance(day7, DAY_0.plusDays(8), waiting -> {
            throw new AssertionError("a grouped journey is not seated again");
        })).isSameAs(day7);
        assertThat(machine.advance(oneToOne, DAY_0, waiting -> {
            throw new AssertionError("day 0 is not over");
        })).isSameAs(oneToOne);
    }
}
