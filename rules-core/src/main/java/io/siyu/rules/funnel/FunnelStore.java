package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a {@link Funnel} keeps between calls: each customer's journeys, the journal of every event
 * recorded for them, the cohort groups and their seats, and the day the funnel has advanced through. A
 * {@code Funnel} holds nothing of its own, so several funnels (threads, application instances) can share
 * one store, and a funnel created over a store that holds data resumes exactly where the last one stopped.
 *
 * <p>{@link #inMemory()} is the in-memory store; {@code io.siyu.rules.jdbc.JdbcFunnelStore} (module
 * rules-jdbc) keeps it all in a relational database. The operations are shaped so that a key-value state
 * store (a stream processor's) can implement them too:
 * <ul>
 *   <li>one record per customer, read and replaced atomically with a version (compare-and-set,
 *       {@link #write}); the events of a write are appended to the journal in the same step, under the
 *       unique key (customer id, event id);</li>
 *   <li>a secondary index of customers by the date of their next day boundary ({@link #due});</li>
 *   <li>seats allocated per (cohort, day 0), serialised per cohort-day and idempotent per seat
 *       ({@link #seat});</li>
 *   <li>a lease on "advance the funnel" that one caller holds at a time and that a crashed holder's
 *       successor takes over once it expires ({@link #claimAdvance}).</li>
 * </ul>
 * The store keeps data; the rules (what an event does, when a day boundary is due, which group a seat is
 * in) are the funnel's.
 *
 * <p>Implementations must be thread-safe, and safe to share between processes when they say so. Null
 * arguments throw {@link NullPointerException}; nothing returns null. Every method may throw
 * {@link FunnelStoreException} when the underlying storage fails; then the operation did not happen (a
 * write is all or nothing).
 */
public interface FunnelStore {

    /**
     * A new, empty store in this JVM's memory: thread-safe, lost with the JVM, not shared with other
     * processes. It keeps every event of every customer (the journal), which takes a few hundred bytes per
     * event.
     *
     * @return the store
     */
    static FunnelStore inMemory() {
        return new MemoryFunnelStore();
    }

    // ------------------------------------------------------------------ customers and the journal

    /**
     * What is stored for one customer. Immutable.
     *
     * @param customerId    the customer
     * @param version       the record's version: 1 after the first write, one more after each write
     * @param journeys      the customer's journeys, oldest first, never empty; the last is the current one
     *                      (a customer who left and was added again has more than one); an unmodifiable copy
     * @param journalMillis epoch milliseconds of the latest event in the customer's journal, applied or not
     *                      ({@link Journey#NONE} when the journal is empty)
     */
    record CustomerRecord(String customerId, long version, List<Journey> journeys, long journalMillis) {
        /**
         * Makes a record.
         *
         * @param customerId    the customer
         * @param version       the version, 1 or more
         * @param journeys      the journeys; copied
         * @param journalMillis the latest journal moment, or {@link Journey#NONE}
         * @throws NullPointerException     when {@code customerId} or {@code journeys} (or one of them) is null
         * @throws IllegalArgumentException when {@code version} is less than 1 or {@code journeys} is empty
         */
        public CustomerRecord {
            Objects.requireNonNull(customerId, "customerId");
            journeys = List.copyOf(journeys);
            if (version < 1 || journeys.isEmpty()) {
                throw new IllegalArgumentException("a stored customer has a version of 1 or more and a journey");
            }
        }

        /**
         * The current journey.
         *
         * @return the last journey
         */
        public Journey current() {
            return journeys.get(journeys.size() - 1);
        }
    }

    /**
     * The key of an event in the journal.
     *
     * @param customerId the customer
     * @param eventId    the event's id, unique among the customer's events
     */
    record EventKey(String customerId, String eventId) {
        /**
         * Makes a key.
         *
         * @param customerId the customer
         * @param eventId    the event id
         * @throws NullPointerException when an argument is null
         */
        public EventKey {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(eventId, "eventId");
        }

        /**
         * The key of an event.
         *
         * @param event the event
         * @return its customer id and event id
         * @throws NullPointerException when {@code event} is null
         */
        public static EventKey of(FunnelEvent event) {
            return new EventKey(event.customerId(), event.eventId());
        }
    }

    /**
     * One atomic change of one customer's record: replace the journeys, append events to the journal.
     *
     * @param customerId      the customer
     * @param expectedVersion the version read before computing the change, or 0 when the customer had no
     *                        record; the write is refused ({@link WriteResult#CONFLICT}) when the stored
     *                        version differs
     * @param journeys        all of the customer's journeys after the change, oldest first, not empty; an
     *                        unmodifiable copy
     * @param firstChanged    the index in {@code journeys} of the first journey that differs from the stored
     *                        ones (the ones before it are unchanged and need not be written), 0 or more
     * @param nextBoundary    the date of the current journey's next day boundary ({@link #due}), empty when
     *                        it has none (converted, nurtured, left, or not entered)
     * @param journalMillis   epoch milliseconds of the latest event of the journal after the change
     * @param appended        the events to append to the journal, none of them recorded before; an
     *                        unmodifiable copy, may be empty
     */
    record Write(String customerId, long expectedVersion, List<Journey> journeys, int firstChanged,
                 Optional<LocalDate> nextBoundary, long journalMillis, List<FunnelEvent> appended) {
        /**
         * Makes a write.
         *
         * @param customerId      the customer
         * @param expectedVersion the version read, or 0
         * @param journeys        the journeys; copied
         * @param firstChanged    the first changed index
         * @param nextBoundary    the next day boundary, or empty
         * @param journalMillis   the latest journal moment
         * @param appended        the new events; copied
         * @throws NullPointerException     when an argument or an element is null
         * @throws IllegalArgumentException when {@code journeys} is empty, a journey or event is of another
         *                                  customer, or {@code expectedVersion} or {@code firstChanged} is out
         *                                  of range
         */
        public Write {
            Objects.requireNonNull(customerId, "customerId");
            journeys = List.copyOf(journeys);
            Objects.requireNonNull(nextBoundary, "nextBoundary");
            appended = List.copyOf(appended);
            if (journeys.isEmpty() || expectedVersion < 0 || firstChanged < 0 || firstChanged >= journeys.size()) {
                throw new IllegalArgumentException("a write has journeys, a version of 0 or more and a first "
                        + "changed journey among them");
            }
            for (Journey journey : journeys) {
                if (!journey.customerId().equals(customerId)) {
                    throw new IllegalArgumentException("journey of " + journey.customerId() + " in a write of "
                            + customerId);
                }
            }
            for (FunnelEvent event : appended) {
                if (!event.customerId().equals(customerId)) {
                    throw new IllegalArgumentException("event of " + event.customerId() + " in a write of "
                            + customerId);
                }
            }
        }

        /**
         * The current journey after the change.
         *
         * @return the last journey
         */
        public Journey current() {
            return journeys.get(journeys.size() - 1);
        }
    }

    /** What became of one {@link Write}. */
    enum WriteResult {
        /** Stored: the journeys replaced, the events appended, the version one more. */
        APPLIED,
        /**
         * Not stored, nothing changed: the customer's version was no longer the expected one (another writer
         * changed the record meanwhile), or an appended event had been recorded meanwhile. Read again and
         * recompute.
         */
        CONFLICT
    }

    /**
     * The record of a customer.
     *
     * @param customerId the customer
     * @return the record; empty when nothing was ever written for the customer
     * @throws FunnelStoreException when the storage fails
     */
    Optional<CustomerRecord> read(String customerId);

    /**
     * The records of several customers, in one round trip where the storage allows.
     *
     * @param customerIds the customers; duplicates are ignored
     * @return the records of those that have one, by customer id; unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    Map<String, CustomerRecord> readAll(Collection<String> customerIds);

    /**
     * Every event recorded for a customer, applied or not: what their journeys are rebuilt from when an event
     * arrives out of order.
     *
     * @param customerId the customer
     * @return the events, in no particular order; unmodifiable, empty when none
     * @throws FunnelStoreException when the storage fails
     */
    List<FunnelEvent> journal(String customerId);

    /**
     * Which of these events are in the journal already.
     *
     * @param keys the events' keys
     * @return those of {@code keys} that are recorded; unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    Set<EventKey> recorded(Collection<EventKey> keys);

    /**
     * Applies writes, each atomically and each only if its customer's version is still the expected one.
     * Writes of different customers may succeed or conflict independently; a list must not hold two writes
     * of one customer.
     *
     * @param writes the writes
     * @return what became of each, in the same order; unmodifiable
     * @throws IllegalArgumentException when two writes are of the same customer
     * @throws FunnelStoreException     when the storage fails: then none of them is applied
     */
    List<WriteResult> write(List<Write> writes);

    /**
     * The customers whose current journey has a day boundary due on or before {@code day}, in (next
     * boundary, customer id) order, after {@code after} (exclusive): one page of the daily advance. Reads only
     * those customers (an index on the next boundary), never every journey.
     *
     * @param day   the day being advanced to
     * @param after where the previous page ended (its last record's next boundary and customer id), empty for
     *              the first page
     * @param limit the most records to return, 1 or more
     * @return the page, in order; unmodifiable, empty when there are no more
     * @throws IllegalArgumentException when {@code limit} is less than 1
     * @throws FunnelStoreException     when the storage fails
     */
    List<Due> due(LocalDate day, Optional<Due> after, int limit);

    /**
     * A customer with a day boundary due.
     *
     * @param nextBoundary the date of the boundary
     * @param record       the customer's record
     */
    record Due(LocalDate nextBoundary, CustomerRecord record) {
        /**
         * Makes one.
         *
         * @param nextBoundary the boundary's date
         * @param record       the record
         * @throws NullPointerException when an argument is null
         */
        public Due {
            Objects.requireNonNull(nextBoundary, "nextBoundary");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * Calls {@code action} for every journey of every customer (old journeys of customers who re-entered
     * included), in no particular order, on the calling thread; for reports. Journeys changed meanwhile may
     * be seen before or after the change.
     *
     * @param action what to do with each journey
     * @throws FunnelStoreException when the storage fails
     * @throws RuntimeException     whatever {@code action} throws, which ends the iteration
     */
    void forEachJourney(Consumer<? super Journey> action);

    /**
     * Calls {@code action} once for every customer with a journal, with all of that customer's events (in no
     * particular order), on the calling thread; for the conversion and attribution reports, which need each
     * customer's sends and purchases together. Events recorded meanwhile may be missed.
     *
     * <p>The default reads the customer ids through {@link #forEachJourney} and then each journal with
     * {@link #journal}: one read per customer. A store that can stream its journal in customer order should
     * override it (the in-memory and JDBC stores do).
     *
     * @param action what to do with each customer's events (an unmodifiable, non-empty list)
     * @throws NullPointerException when {@code action} is null
     * @throws FunnelStoreException when the storage fails
     * @throws RuntimeException     whatever {@code action} throws, which ends the iteration
     */
    default void forEachJournal(Consumer<? super List<FunnelEvent>> action) {
        Objects.requireNonNull(action, "action");
        java.util.Set<String> customers = new java.util.TreeSet<>();
        forEachJourney(journey -> customers.add(journey.customerId()));
        for (String customerId : customers) {
            List<FunnelEvent> journal = journal(customerId);
            if (!journal.isEmpty()) {
                action.accept(journal);
            }
        }
    }

    /**
     * The current journeys whose day 0 is {@code day} (for the day's one-to-one service).
     *
     * @param day the start date
     * @return the journeys, in customer id order; unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    List<Journey> startedOn(LocalDate day);

    // ------------------------------------------------------------------ groups and seats

    /**
     * A seat wanted: a journey of a customer, in the groups of its cohort-day (same cohort codes, same day 0).
     *
     * @param customerId  the customer
     * @param journey     the journey's index among the customer's journeys (0 for the first)
     * @param groupPrefix the id of the cohort-day's groups without their number, e.g. {@code D-2026-11-23};
     *                    the groups are {@code <groupPrefix>-1}, {@code -2} ...
     * @param cohort      the cohort tags
     * @param startDate   day 0
     */
    record Seat(String customerId, int journey, String groupPrefix, TagSet cohort, LocalDate startDate) {
        /**
         * Makes one.
         *
         * @param customerId  the customer
         * @param journey     the journey index, 0 or more
         * @param groupPrefix the group id prefix
         * @param cohort      the cohort tags
         * @param startDate   day 0
         * @throws NullPointerException     when an object argument is null
         * @throws IllegalArgumentException when {@code journey} is negative
         */
        public Seat {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(groupPrefix, "groupPrefix");
            Objects.requireNonNull(cohort, "cohort");
            Objects.requireNonNull(startDate, "startDate");
            if (journey < 0) {
                throw new IllegalArgumentException("journey index must be 0 or more, got " + journey);
            }
        }
    }

    /**
     * Seats journeys in the groups of their cohort-day: a journey that has a seat keeps it; the others, in
     * the order given, get the next free seat of their cohort-day's open group (the one with the highest
     * number), a new group opening when it is full (groups are opened, and so listed by {@link #groups}, in
     * the order of the journeys that open them). Serialised per cohort-day, also across processes for a
     * shared store: two callers never over-fill a group, nor seat one journey twice.
     *
     * @param seats    the seats wanted, in the order to seat them; at most one per (customer, journey)
     * @param capacity seats per group, 1 or more
     * @return the group id of each, in the same order; unmodifiable
     * @throws IllegalArgumentException when {@code capacity} is less than 1
     * @throws FunnelStoreException     when the storage fails: then no new seat was taken
     */
    List<String> seat(List<Seat> seats, int capacity);

    /**
     * A cohort group as stored. Immutable.
     *
     * @param groupId   the group id
     * @param cohort    the members' cohort tags
     * @param startDate the members' day 0
     * @param seats     how many seats were taken (leaving frees none), 1 to the capacity
     */
    record Group(String groupId, TagSet cohort, LocalDate startDate, int seats) {
        /**
         * Makes one.
         *
         * @param groupId   the id
         * @param cohort    the cohort tags
         * @param startDate day 0
         * @param seats     the seats taken
         * @throws NullPointerException when an object argument is null
         */
        public Group {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(cohort, "cohort");
            Objects.requireNonNull(startDate, "startDate");
        }
    }

    /**
     * The groups whose day 0 is between two dates (both included).
     *
     * @param firstStartDate the earliest day 0
     * @param lastStartDate  the latest day 0
     * @return the groups in the order they were opened; unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    List<Group> groups(LocalDate firstStartDate, LocalDate lastStartDate);

    /**
     * How many journeys of each group have not left the funnel.
     *
     * @param groupIds the groups
     * @return the count by group id, for each of {@code groupIds} (0 when none); unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    Map<String, Integer> activeMembers(Collection<String> groupIds);

    // ------------------------------------------------------------------ day boundaries

    /**
     * The day the funnel has advanced through: every day boundary up to it was crossed.
     *
     * @return the day; empty before the first advance
     * @throws FunnelStoreException when the storage fails
     */
    Optional<LocalDate> advancedThrough();

    /**
     * Takes the lease on advancing the funnel to {@code day}, which one owner holds at a time. Granted when
     * nobody holds it, when its holder's lease has expired (a crashed advance: the new holder resumes it), or
     * when {@code owner} holds it already (then it is renewed). Lease times are measured by the store's clock.
     *
     * @param owner who asks: unique per advancing caller
     * @param day   the day to advance to
     * @param lease how long the lease lasts unless renewed, more than zero
     * @return true when {@code owner} holds the lease now
     * @throws IllegalArgumentException when {@code lease} is not positive
     * @throws FunnelStoreException     when the storage fails
     */
    boolean claimAdvance(String owner, LocalDate day, Duration lease);

    /**
     * Extends the lease of its holder.
     *
     * @param owner the holder
     * @param lease how long from now, more than zero
     * @return false when {@code owner} no longer holds the lease (it expired and another took it)
     * @throws IllegalArgumentException when {@code lease} is not positive
     * @throws FunnelStoreException     when the storage fails
     */
    boolean renewAdvance(String owner, Duration lease);

    /**
     * Ends an advance: records the crossing, moves {@link #advancedThrough()} to the crossing's day (never
     * back) and releases the lease, atomically.
     *
     * @param owner    the lease holder
     * @param crossing what was done
     * @return false (and nothing changes) when {@code owner} no longer holds the lease
     * @throws FunnelStoreException when the storage fails
     */
    boolean finishAdvance(String owner, Crossing crossing);

    /**
     * Gives up the lease without finishing (an advance that failed); the next claim resumes the work.
     * Nothing happens when {@code owner} does not hold it.
     *
     * @param owner the holder
     * @throws FunnelStoreException when the storage fails
     */
    void releaseAdvance(String owner);

    /**
     * The advances done, oldest first: one per day the funnel was advanced to.
     *
     * @return the crossings; unmodifiable
     * @throws FunnelStoreException when the storage fails
     */
    List<Crossing> crossings();

    /**
     * One advance of the funnel: the day boundaries up to {@code day} crossed.
     *
     * @param day        the day advanced to
     * @param owner      who did it
     * @param finishedAt when it finished
     * @param moved      how many journeys changed stage or group
     * @param seated     how many of them were seated in a group
     */
    record Crossing(LocalDate day, String owner, Instant finishedAt, int moved, int seated) {
        /**
         * Makes one.
         *
         * @param day        the day
         * @param owner      the owner
         * @param finishedAt when it finished
         * @param moved      journeys moved, 0 or more
         * @param seated     journeys seated, 0 or more
         * @throws NullPointerException when an object argument is null
         */
        public Crossing {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(finishedAt, "finishedAt");
        }
    }
}
