package io.siyu.rules.funnel;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Shared test data: Shanghai times, tag sets, events of each kind and journeys in each stage. */
final class Fixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY_0 = LocalDate.of(2026, 11, 23);
    static final String GROUP = "D-2026-11-23-1";
    /** Acne (D) as the concern, oily skin (3) on a question that is not a cohort question. */
    static final TagSet ACNE_OILY = TagSet.of(List.of(new Tag("skin", "oily", "3"), new Tag("concern", "acne", "D")));
    static final TagSet ACNE = TagSet.of(List.of(new Tag("concern", "acne", "D")));
    static final TagSet DRYNESS = TagSet.of(List.of(new Tag("concern", "dryness", "F")));

    private Fixtures() {
    }

    /** A moment given as Shanghai local time, e.g. {@code "2026-11-23T23:59:59"}. */
    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** A moment on a funnel day at a Shanghai time. */
    static Instant onDay(int day, String time) {
        return shanghai(DAY_0.plusDays(day) + "T" + time);
    }

    /** A clock stopped at a Shanghai local time. */
    static Clock clockAt(String localDateTime) {
        return Clock.fixed(shanghai(localDateTime), SHANGHAI);
    }

    /** An event of a kind; purchases are ¥99, surveys say acne and oily skin. */
    static FunnelEvent event(FunnelEvent.Kind kind, String eventId, String customer, Instant at) {
        return switch (kind) {
            case ADDED -> new FunnelEvent.Added(eventId, customer, at);
            case SURVEYED -> new FunnelEvent.Surveyed(eventId, customer, at, ACNE_OILY);
            case MESSAGE_RECEIVED -> new FunnelEvent.MessageReceived(eventId, customer, at);
            case PURCHASED -> new FunnelEvent.Purchased(eventId, customer, at, 9_900);
            case LEFT_GROUP -> new FunnelEvent.LeftGroup(eventId, customer, at);
            case OPTED_OUT -> new FunnelEvent.OptedOut(eventId, customer, at);
            case BLOCKED -> new FunnelEvent.Blocked(eventId, customer, at);
            case SENT -> new FunnelEvent.Sent(eventId, customer, at, "d-" + eventId, "acne.offer", "B");
        };
    }

    /**
     * A journey of customer {@code c1} in a stage, built through the machine: added on day 0 at 10:00,
     * surveyed at 10:05, grouped, and moved on by days or events at 18:00.
     */
    static Journey journeyIn(FunnelMachine machine, Stage stage) {
        Journey fresh = Journey.start("c1");
        if (stage == Stage.NEW) {
            return fresh;
        }
        Journey oneToOne = machine.apply(machine.apply(fresh,
                new FunnelEvent.Added("e-added", "c1", onDay(0, "10:00"))),
                new FunnelEvent.Surveyed("e-surveyed", "c1", onDay(0, "10:05"), ACNE_OILY));
        if (stage == Stage.ONE_TO_ONE) {
            return oneToOne;
        }
        Journey grouped = machine.advance(oneToOne, DAY_0.plusDays(1));
        if (stage == Stage.GROUPED) {
            return grouped;
        }
        Journey seeding = machine.advance(machine.assignGroup(grouped, GROUP), DAY_0.plusDays(1));
        return switch (stage) {
            case SEEDING -> seeding;
            case CONVERSION -> machine.advance(seeding, DAY_0.plusDays(6));
            case NURTURE -> machine.advance(seeding, DAY_0.plusDays(12));
            case CONVERTED -> machine.apply(seeding, new FunnelEvent.Purchased("e-bought", "c1", onDay(1, "18:00"),
                    19_900));
            case LEFT -> machine.apply(seeding, new FunnelEvent.LeftGroup("e-left", "c1", onDay(1, "18:00")));
            default -> throw new IllegalArgumentException(stage.name());
        };
    }

    /** The date a journey built by {@link #journeyIn} is on. */
    static LocalDate dateOf(Journey journey) {
        return journey.startDate() == null ? DAY_0 : journey.startDate().plusDays(journey.stageDay());
    }
}
