package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's way through the funnel: an immutable, thread-safe value that the funnel replaces with
 * a new one on every change.
 *
 * <p>Kept deliberately compact (a funnel holds a journey per customer, a million of them at a time):
 * moments are epoch milliseconds ({@link #NONE} when absent) with {@link Instant} views. The events
 * themselves are kept in the funnel's journal ({@link FunnelStore}), which is what identifies duplicates
 * (by event id, over the customer's whole history) and what a journey is rebuilt from when an event
 * arrives out of order; a journey remembers only the last event applied to it, in time order.
 *
 * <p>A customer who left and was added again (see {@link FunnelConfig#reentryAfterDays()}) has a new
 * journey; the old one is kept, and both are counted in reports.
 *
 * <p><b>Nulls.</b> Unlike most of the library's values, four components may be null, as said below:
 * {@code startDate}, {@code convertedIn}, {@code leftIn} and {@code lastEventId}.
 *
 * @param customerId         the customer
 * @param stage              the current stage
 * @param cohort             the customer's tags on the funnel's cohort questions (empty until surveyed)
 * @param groupId            the cohort group, or the empty string until grouped
 * @param startDate          day 0 in the funnel's timezone, or null while {@link Stage#NEW}
 * @param stageDay           the funnel day on which the journey entered its current stage (0 on day 0); the
 *                           day number itself is not stored, so that a journey changes only when its
 *                           stage does (see {@link #dayOn})
 * @param purchases          how many purchases were recorded, 0 or more
 * @param revenueFen         the sum of all purchases, in fen (1/100 yuan), 0 or more
 * @param firstPurchaseMillis   epoch milliseconds of the first purchase, or {@link #NONE}
 * @param firstRepurchaseMillis epoch milliseconds of the second purchase, or {@link #NONE}
 * @param convertedIn        the stage in which the customer first bought, or null
 * @param leftIn             the stage the customer was in when leaving, or null
 * @param lastEventId        the id of the latest event applied to the journey (in time order), or null before
 *                           the first
 * @param lastEventMillis    epoch milliseconds of that event, or {@link #NONE}
 */
public record Journey(String customerId, Stage stage, TagSet cohort, String groupId, LocalDate startDate, int stageDay,
                      int purchases, long revenueFen, long firstPurchaseMillis, long firstRepurchaseMillis,
                      Stage convertedIn, Stage leftIn, String lastEventId, long lastEventMillis) {

    /** The marker for an absent moment. */
    public static final long NONE = Long.MIN_VALUE;

    /**
     * Checks the invariants every journey keeps. Journeys are made by the funnel; a host makes one only to
     * restore it from its own store (or reads it with {@link FunnelJson#readJourney}).
     *
     * @param customerId            the customer
     * @param stage                 the current stage
     * @param cohort                the cohort tags
     * @param groupId               the group id, or empty
     * @param startDate             day 0; null while {@link Stage#NEW}
     * @param stageDay              the day the stage was entered, 0 or more
     * @param purchases             the number of purchases, 0 or more
     * @param revenueFen            the revenue in fen, 0 or more
     * @param firstPurchaseMillis   epoch milliseconds, or {@link #NONE}
     * @param firstRepurchaseMillis epoch milliseconds, or {@link #NONE}
     * @param convertedIn           the stage of the first purchase, or null
     * @param leftIn                the stage left from, or null
     * @param lastEventId           the last applied event's id, or null
     * @param lastEventMillis       epoch milliseconds, or {@link #NONE}
     * @throws NullPointerException     when {@code customerId}, {@code stage}, {@code cohort} or
     *                                  {@code groupId} is null
     * @throws IllegalArgumentException when {@code startDate} is null past {@link Stage#NEW}, or a count is
     *                                  negative
     */
    public Journey {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(groupId, "groupId");
        if (stage != Stage.NEW && startDate == null) {
            throw new IllegalArgumentException("a journey in " + stage + " needs a start date");
        }
        if (stageDay < 0 || purchases < 0 || revenueFen < 0) {
            throw new IllegalArgumentException("stageDay, purchases and revenue must not be negative");
        }
    }

    /**
     * The blank journey of a customer before any event.
     *
     * @param customerId the customer
     * @return a journey in {@link Stage#NEW}, with no cohort, group, start date, purchase or event
     * @throws NullPointerException when {@code customerId} is null
     */
    public static Journey start(String customerId) {
        return new Journey(customerId, Stage.NEW, TagSet.none(), "", null, 0, 0, 0, NONE, NONE, null, null, null,
                NONE);
    }

    /**
     * The journey's funnel day on {@code date}: the days since its start date while it is in progress
     * (day 0 up to the last conversion day), and the day it reached its stage once it is converted,
     * nurtured or has left (its day number stops counting then).
     *
     * @param date the date, in the funnel's timezone; may be null for a journey that is not in progress
     *             ({@link Stage#isInProgress()}), whose day does not depend on the date
     * @return the day number, never less than {@link #stageDay()}
     * @throws NullPointerException when {@code date} is null and the journey is in progress
     */
    public int dayOn(LocalDate date) {
        if (!stage.isInProgress()) {
            return stageDay;
        }
        long days = date.toEpochDay() - startDate.toEpochDay();
        return (int) Math.max(stageDay, Math.min(days, Integer.MAX_VALUE));
    }

    /**
     * Whether the customer has been put into a cohort group.
     *
     * @return true when {@link #groupId()} is not empty
     */
    public boolean isGrouped() {
        return !groupId.isEmpty();
    }

    /**
     * Whether the customer has bought at least once.
     *
     * @return true when {@link #convertedIn()} is not null
     */
    public boolean isConverted() {
        return convertedIn != null;
    }

    /**
     * The cohort codes.
     *
     * @return the codes in canonical order, e.g. {@code "D"}; empty when the customer was not surveyed
     */
    public String cohortCodes() {
        return cohort.codes();
    }

    /**
     * When the first purchase happened.
     *
     * @return the moment; empty before the first purchase
     */
    public Optional<Instant> firstPurchaseAt() {
        return instant(firstPurchaseMillis);
    }

    /**
     * When the second purchase (the first repurchase) happened.
     *
     * @return the moment; empty before the second purchase
     */
    public Optional<Instant> firstRepurchaseAt() {
        return instant(firstRepurchaseMillis);
    }

    /**
     * When the last applied event happened.
     *
     * @return the moment; empty before the first event
     */
    public Optional<Instant> lastEventAt() {
        return instant(lastEventMillis);
    }

    private static Optional<Instant> instant(long millis) {
        return millis == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    // Withers for the machine: one place that knows the component order.

    Journey withStage(Stage newStage, int newStageDay) {
        return new Journey(customerId, newStage, cohort, groupId, startDate, newStageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, leftIn, lastEventId, lastEventMillis);
    }

    /** The journey moved on by day boundaries: a new stage, and possibly a group and where it left. */
    Journey moved(Stage newStage, int newStageDay, String newGroupId, Stage newLeftIn) {
        return new Journey(customerId, newStage, cohort, newGroupId, startDate, newStageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, newLeftIn, lastEventId, lastEventMillis);
    }

    Journey withGroup(String newGroupId) {
        return new Journey(customerId, stage, cohort, newGroupId, startDate, stageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, leftIn, lastEventId, lastEventMillis);
    }

    Journey started(LocalDate date, TagSet newCohort) {
        return new Journey(customerId, stage, newCohort, groupId, date, 0, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, leftIn, lastEventId, lastEventMillis);
    }

    Journey withCohort(TagSet newCohort) {
        return new Journey(customerId, stage, newCohort, groupId, startDate, stageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, leftIn, lastEventId, lastEventMillis);
    }

    Journey withPurchase(long atMillis, long amountFen) {
        long first = firstPurchaseMillis == NONE ? atMillis : firstPurchaseMillis;
        long repurchase = firstPurchaseMillis != NONE && firstRepurchaseMillis == NONE ? atMillis
                : firstRepurchaseMillis;
        Stage converted = convertedIn == null ? stage : convertedIn;
        return new Journey(customerId, stage, cohort, groupId, startDate, stageDay, purchases + 1,
                Math.addExact(revenueFen, amountFen), first, repurchase, converted, leftIn, lastEventId,
                lastEventMillis);
    }

    Journey withLeft() {
        Stage left = leftIn == null ? stage : leftIn;
        return new Journey(customerId, stage, cohort, groupId, startDate, stageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, left, lastEventId, lastEventMillis);
    }

    Journey withLastEvent(FunnelEvent event) {
        return new Journey(customerId, stage, cohort, groupId, startDate, stageDay, purchases, revenueFen,
                firstPurchaseMillis, firstRepurchaseMillis, convertedIn, leftIn, event.eventId(),
                event.timestamp().toEpochMilli());
    }
}
