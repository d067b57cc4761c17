package io.siyu.rules.funnel;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import static io.siyu.rules.funnel.Stage.CONVERSION;
import static io.siyu.rules.funnel.Stage.CONVERTED;
import static io.siyu.rules.funnel.Stage.GROUPED;
import static io.siyu.rules.funnel.Stage.LEFT;
import static io.siyu.rules.funnel.Stage.NEW;
import static io.siyu.rules.funnel.Stage.NURTURE;
import static io.siyu.rules.funnel.Stage.ONE_TO_ONE;
import static io.siyu.rules.funnel.Stage.SEEDING;

/**
 * The funnel's state machine: a pure function from a {@link Journey} and an event, or a day boundary,
 * to the next journey. No timers, no threads: time comes only from event timestamps and from the
 * {@code today} given to {@link #advance}.
 *
 * <p>Every transition is in one table, {@link #transitions()}, built once from the
 * {@link FunnelConfig}. For an event, a missing entry means the event does not apply in that stage: it is
 * kept in the customer's journal (it may apply once earlier events arrive) and the journey does not
 * change; for a day boundary, a missing entry means the stage does not move with the days (converted,
 * nurtured and left journeys stay where they are). A purchase applies in every stage: no order is lost.
 *
 * <p>Thread-safe and immutable apart from caches that share equal cohort tag sets and start dates
 * between journeys (to keep a million journeys small; both grow only with the distinct cohorts and days).
 */
final class FunnelMachine {

    /** What moves a journey: an event of some kind, or the start of a new funnel day. */
    public enum Trigger {
        /** {@link FunnelEvent.Added}. */
        ADDED,
        /** {@link FunnelEvent.Surveyed}. */
        SURVEYED,
        /** {@link FunnelEvent.MessageReceived}. */
        MESSAGE_RECEIVED,
        /** {@link FunnelEvent.Purchased}. */
        PURCHASED,
        /** {@link FunnelEvent.LeftGroup}. */
        LEFT_GROUP,
        /** {@link FunnelEvent.OptedOut}. */
        OPTED_OUT,
        /** {@link FunnelEvent.Blocked}. */
        BLOCKED,
        /** {@link FunnelEvent.Sent}. */
        SENT,
        /** A day after day 0 has begun for a journey still in one-to-one service. */
        DAY_ZERO_ENDED,
        /** A seeding day (1 to {@code seedingDays}) has begun. */
        SEEDING_DAY,
        /** A conversion day has begun. */
        CONVERSION_DAY,
        /** The day after the last conversion day has begun. */
        CONVERSION_ENDED;

        /** Whether this trigger is a day boundary rather than an event. */
        public boolean isDayBoundary() {
            return ordinal() >= DAY_ZERO_ENDED.ordinal();
        }

        /** The trigger of an event kind. */
        public static Trigger of(FunnelEvent.Kind kind) {
            return values()[kind.ordinal()];
        }
    }

    /**
     * One row of the transition table.
     *
     * @param from    the stage before
     * @param trigger the event kind or day boundary
     * @param to      the stage after (may equal {@code from}: the event is recorded, the stage stays)
     */
    public record Transition(Stage from, Trigger trigger, Stage to) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(to, "to");
        }
    }

    private final FunnelConfig config;
    private final List<Transition> transitions;
    /** {@code table[stage][trigger]}: the next stage, or null for "rejected" (events) / "stays" (days). */
    private final Stage[][] table;
    private final ConcurrentMap<TagSet, TagSet> sharedCohorts = new ConcurrentHashMap<>();
    private final ConcurrentMap<LocalDate, LocalDate> sharedStartDates = new ConcurrentHashMap<>();

    private FunnelMachine(FunnelConfig config) {
        this.config = config;
        this.transitions = transitions(config);
        this.table = new Stage[Stage.values().length][Trigger.values().length];
        for (Transition t : transitions) {
            if (table[t.from().ordinal()][t.trigger().ordinal()] != null) {
                throw new IllegalStateException("two transitions for " + t.from() + " on " + t.trigger());
            }
            table[t.from().ordinal()][t.trigger().ordinal()] = t.to();
        }
    }

    /** The machine for a funnel configuration. */
    public static FunnelMachine of(FunnelConfig config) {
        return new FunnelMachine(Objects.requireNonNull(config, "config"));
    }

    /** THE transition table: every allowed (stage, trigger) pair and where it leads. */
    private static List<Transition> transitions(FunnelConfig config) {
        Stage whenConversionEnds = config.nurtureAfterConversion() ? NURTURE : LEFT;
        List<Transition> rows = new ArrayList<>();
        // Entering: day 0 is the date of the first Added or Surveyed event. An order placed before is kept
        // (and reported as bought before entering); other events wait in the journal for the customer to enter.
        rows.add(new Transition(NEW, Trigger.ADDED, ONE_TO_ONE));
        rows.add(new Transition(NEW, Trigger.SURVEYED, ONE_TO_ONE));
        rows.add(new Transition(NEW, Trigger.PURCHASED, NEW));
        rows.add(new Transition(ONE_TO_ONE, Trigger.ADDED, ONE_TO_ONE));
        // The cohort is fixed when day 0 ends: a survey is only taken in one-to-one service.
        rows.add(new Transition(ONE_TO_ONE, Trigger.SURVEYED, ONE_TO_ONE));
        rows.add(new Transition(ONE_TO_ONE, Trigger.PURCHASED, CONVERTED));
        rows.add(new Transition(ONE_TO_ONE, Trigger.DAY_ZERO_ENDED, GROUPED));
        // In a group (or being put into one): the days move the stage on.
        // Skipped days pass through every stage in order (seeding -> conversion -> end), so a journey
        // advanced from day 2 to day 12 has been through conversion like one advanced daily.
        for (Stage grouped : List.of(GROUPED, SEEDING)) {
            rows.add(new Transition(grouped, Trigger.SEEDING_DAY, SEEDING));
            rows.add(new Transition(grouped, Trigger.CONVERSION_DAY, CONVERSION));
        }
        rows.add(new Transition(CONVERSION, Trigger.CONVERSION_DAY, CONVERSION));
        rows.add(new Transition(CONVERSION, Trigger.CONVERSION_ENDED, whenConversionEnds));
        // Every stage in the funnel: messages are recorded, purchases convert (or repurchase), exits.
        for (Stage in : List.of(ONE_TO_ONE, GROUPED, SEEDING, CONVERSION, CONVERTED, NURTURE)) {
            rows.add(new Transition(in, Trigger.MESSAGE_RECEIVED, in));
            if (in != ONE_TO_ONE) {
                // Purchases after converting are repurchases; in nurture a purchase is a late conversion.
                rows.add(new Transition(in, Trigger.PURCHASED, CONVERTED));
                // Not before day 0 ends: until then the customer is in no group to leave.
                rows.add(new Transition(in, Trigger.LEFT_GROUP, config.leaveOnLeftGroup() ? LEFT : in));
            }
            rows.add(new Transition(in, Trigger.OPTED_OUT, config.leaveOnOptOut() ? LEFT : in));
            rows.add(new Transition(in, Trigger.BLOCKED, LEFT));
        }
        // A send is recorded for attribution and changes no stage, wherever the customer is.
        for (Stage any : Stage.values()) {
            rows.add(new Transition(any, Trigger.SENT, any));
        }
        // LEFT is final: what a customer who left does is recorded, and an order counted (bought after leaving).
        // Added is not in the table: it starts a new journey when the re-entry policy allows (see reenters).
        for (Trigger after : List.of(Trigger.MESSAGE_RECEIVED, Trigger.PURCHASED, Trigger.LEFT_GROUP,
                Trigger.OPTED_OUT, Trigger.BLOCKED)) {
            rows.add(new Transition(LEFT, after, LEFT));
        }
        return List.copyOf(rows);
    }

    /** The configuration the table was built from. */
    public FunnelConfig config() {
        return config;
    }

    /** Every transition of the table, in table order. Pairs not listed are rejected (events) or stay (days). */
    public List<Transition> transitions() {
        return transitions;
    }

    /** The stage a trigger leads to from a stage, or null when the table has no entry. */
    public Stage next(Stage from, Trigger trigger) {
        return table[from.ordinal()][trigger.ordinal()];
    }

    /**
     * Applies one event, as {@link #apply(Journey, FunnelEvent, Function)} with no seat to give.
     */
    public Journey apply(Journey journey, FunnelEvent event) {
        return apply(journey, event, null);
    }

    /**
     * Applies one event. The journey is first brought to the event's date in the funnel's timezone (as
     * {@link #advance(Journey, LocalDate, Function)} would, with {@code seat}), then the event's transition is
     * taken. Events must come in time order (the funnel replays the journal for those that do not); an
     * {@code Added} of a customer who left is {@link #reenters} business: here it does not apply.
     *
     * @param seat the group a journey that waits for one already has, or null to leave it waiting
     * @return the journey after the event, or null when the event does not apply in the journey's stage at
     *         its date (the journey does not change)
     * @throws FunnelException     when the event is about another customer
     * @throws ArithmeticException when a purchase takes the revenue past {@link Long#MAX_VALUE} fen
     */
    public Journey apply(Journey journey, FunnelEvent event, Function<Journey, String> seat) {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(event, "event");
        if (!journey.customerId().equals(event.customerId())) {
            throw new FunnelException("funnel.wrong-customer", event.eventId(), event.customerId(),
                    journey.customerId());
        }
        LocalDate date = LocalDate.ofInstant(event.timestamp(), config.zone());
        Journey current = journey.stage() == NEW ? journey : advance(journey, date, seat);
        Stage from = current.stage();
        Stage to = next(from, Trigger.of(event.kind()));
        if (to == null) {
            return null;
        }
        if (from == NEW && to != NEW) {
            // Thousands of customers start on the same day: one LocalDate for all of them.
            LocalDate shared = sharedStartDates.putIfAbsent(date, date);
            current = current.started(shared == null ? date : shared, current.cohort());
        }
        if (event instanceof FunnelEvent.Surveyed surveyed) {
            current = current.withCohort(cohortOf(surveyed.tags()));
        } else if (event instanceof FunnelEvent.Purchased purchased) {
            current = current.withPurchase(purchased.timestamp().toEpochMilli(), purchased.amountFen());
        } else if (to == LEFT) {
            current = current.withLeft();
        }
        if (to != from) {
            current = current.withStage(to, dayOf(current, date));
        }
        return current.withLastEvent(event);
    }

    /**
     * Whether an {@code Added} event starts a new journey: the current one has left the funnel, the
     * funnel allows re-entry, and the event is at least {@link FunnelConfig#reentryAfterDays()} days after
     * the day the customer left.
     */
    public boolean reenters(Journey current, FunnelEvent event) {
        if (event.kind() != FunnelEvent.Kind.ADDED || current.stage() != LEFT || !config.allowsReentry()) {
            return false;
        }
        LocalDate leftOn = current.startDate().plusDays(current.stageDay());
        LocalDate date = LocalDate.ofInstant(event.timestamp(), config.zone());
        return !date.isBefore(leftOn.plusDays(config.reentryAfterDays()));
    }

    /**
     * The date of the journey's next day boundary: the first day on which {@link #advance} moves it (or
     * seats it); null when the days no longer move it (not entered, converted, nurtured, left).
     */
    public LocalDate nextBoundary(Journey journey) {
        LocalDate start = journey.startDate();
        return switch (journey.stage()) {
            case ONE_TO_ONE -> start.plusDays(1);
            // Waiting for a seat (or seated, moving on at once): due now.
            case GROUPED -> start.plusDays(Math.max(1, journey.stageDay()));
            case SEEDING -> start.plusDays(config.lastSeedingDay() + 1L);
            case CONVERSION -> start.plusDays(config.lastConversionDay() + 1L);
            default -> null;
        };
    }

    /**
     * Moves a journey to the stage it must be in on {@code today}, its day number being the days since its
     * start date. Idempotent, and never moves backwards: a {@code today} before the day the journey
     * entered its stage changes nothing. Skipped days are fine (day 2 straight to day 9 lands in
     * conversion). A journey whose day 0 is over waits in {@link Stage#GROUPED} until it has a group
     * ({@link #assignGroup}, or the other {@code advance}). The day number is not stored, so a journey
     * changes only when its stage does: the same instance is returned for every other day.
     */
    public Journey advance(Journey journey, LocalDate today) {
        return advance(journey, today, null);
    }

    /**
     * {@link #advance(Journey, LocalDate)}, and when the journey's day 0 is over and it has no group yet,
     * puts it into the group {@code seat} gives and moves it on to the stage of its day, all in one
     * step: the funnel's day boundary. At most one new journey is made, however many stages it passes.
     *
     * @param seat the group of a journey that waits for one, or null to leave it waiting in
     *             {@link Stage#GROUPED}; called at most once
     */
    public Journey advance(Journey journey, LocalDate today, Function<Journey, String> seat) {
        if (!journey.stage().isInProgress()) {
            return journey;
        }
        long days = today.toEpochDay() - journey.startDate().toEpochDay();
        if (days <= 0 || days < journey.stageDay()) {
            return journey;
        }
        int day = (int) Math.min(days, Integer.MAX_VALUE);
        Stage stage = journey.stage();
        int stageDay = journey.stageDay();
        String groupId = journey.groupId();
        Stage leftIn = journey.leftIn();
        while (stage.isInProgress()) {
            if (stage == GROUPED && groupId.isEmpty()) {
                if (seat == null) {
                    break;
                }
                groupId = Objects.requireNonNull(seat.apply(journey), "group id");
                seat = null;
                continue;
            }
            Stage to = next(stage, dayTrigger(stage, day));
            if (to == null || to == stage) {
                break;
            }
            // Leaving when the conversion days end (nurtureAfterConversion false) records where, as events do.
            if (to == LEFT && leftIn == null) {
                leftIn = stage;
            }
            stage = to;
            stageDay = day;
        }
        return stage == journey.stage() && groupId.equals(journey.groupId()) ? journey
                : journey.moved(stage, stageDay, groupId, leftIn);
    }

    /** The day number of {@code date} for a journey, never before the day it entered its stage. */
    private static int dayOf(Journey journey, LocalDate date) {
        long days = date.toEpochDay() - journey.startDate().toEpochDay();
        return (int) Math.max(journey.stageDay(), Math.min(days, Integer.MAX_VALUE));
    }

    /**
     * Puts a journey that waits in {@link Stage#GROUPED} into a group; {@link #advance} then moves it to
     * the stage of its day.
     *
     * @throws IllegalStateException when the journey is not waiting for a group
     */
    public Journey assignGroup(Journey journey, String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        if (journey.stage() != GROUPED || journey.isGrouped()) {
            throw new IllegalStateException("journey " + journey.customerId() + " in " + journey.stage()
                    + " is not waiting for a group");
        }
        return journey.withGroup(groupId);
    }

    /** The stage a cohort group is in on its day {@code day} (days since its members' day 0). */
    public Stage groupStageOn(int day) {
        if (day <= 0) {
            return GROUPED;
        }
        if (day <= config.lastSeedingDay()) {
            return SEEDING;
        }
        return day <= config.lastConversionDay() ? CONVERSION : NURTURE;
    }

    /** The day boundary a stage sees on a day: the next stage boundary only, never two at once. */
    private Trigger dayTrigger(Stage stage, int day) {
        if (stage == ONE_TO_ONE) {
            return Trigger.DAY_ZERO_ENDED;
        }
        if (stage != CONVERSION) {
            return day <= config.lastSeedingDay() ? Trigger.SEEDING_DAY : Trigger.CONVERSION_DAY;
        }
        return day <= config.lastConversionDay() ? Trigger.CONVERSION_DAY : Trigger.CONVERSION_ENDED;
    }

    /** The tags of the cohort questions, shared between journeys with equal ones. */
    TagSet cohortOf(TagSet tags) {
        List<Tag> kept = new ArrayList<>(tags.size());
        for (Tag tag : tags.tags()) {
            if (config.cohortBy().contains(tag.questionId())) {
                kept.add(tag);
            }
        }
        TagSet cohort = TagSet.of(kept);
        TagSet shared = sharedCohorts.putIfAbsent(cohort, cohort);
        return shared == null ? cohort : shared;
    }
}
