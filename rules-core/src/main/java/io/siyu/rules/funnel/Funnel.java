package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A running funnel: the {@link FunnelMachine} applied to the customers of a {@link FunnelStore}, with
 * cohort groups and a clock. The funnel keeps nothing of its own: journeys, the event journal, groups, seats
 * and the day advanced through are all in the store, so a funnel created over a store that holds data
 * resumes exactly (reading only what each call needs), and several funnels — threads, or application
 * instances behind a load balancer over one database — can share a store.
 *
 * <p><b>Events.</b> Every event is kept in the journal under (customer id, event id): an event recorded
 * again, however long after, is a duplicate and changes nothing ({@link Outcome#DUPLICATE}; or
 * {@link Outcome#CONFLICT} when its content differs from the first recording, which stands). Events are applied in time order whatever
 * their order of arrival: one older than the customer's latest is applied by rebuilding the customer's
 * journeys from the journal ({@link #TIME_ORDER}: timestamp, then kind, then event id). An event that does
 * not apply in the journey's stage at its time (a message from a customer who never entered, a second
 * survey after day 0) is kept in the journal, changes nothing, and applies if earlier events arriving later
 * make it valid. A purchase always applies: before entering, after leaving, in nurture, it is recorded and
 * reported ({@link FunnelCounts#boughtBeforeEntering()}, {@link FunnelCounts#convertedAfterLeaving()}).
 * An {@code Added} of a customer who left starts a new journey when the re-entry policy allows
 * ({@link FunnelConfig#reentryAfterDays()}); the old journey is kept.
 *
 * <p><b>Time.</b> Day boundaries are crossed for every journey at once, either by {@link #advance} or
 * by the first recorded event of a later date (which first advances the whole funnel to that date).
 * So recording the same events in the same order always gives the same journeys and groups, whether
 * they arrive live or are replayed from a journal. A day boundary is crossed once, across all funnels of a
 * store: advancing again to the same (or an earlier) day does nothing. The advance reads only the journeys
 * with a boundary due ({@link FunnelStore#due}), in batches; one caller at a time advances (a lease in the
 * store), the others wait for it, and an advance that failed or whose process died is resumed by the next
 * call. A late event (dated before the day the funnel has reached) is applied at its own date, and its
 * journey catches up at the next day boundary; so a customer whose day-0 events arrive late is grouped then.
 * The clock only says what "today" is: events dated after today are refused.
 *
 * <p><b>Groups.</b> When day 0 ends, the customers who did not buy are put into the open group of their
 * cohort (same codes on the cohort questions, same day 0), in (day 0, customer id) order within each batch
 * of the advance; a full group opens the next one. Capacity counts everyone ever put into the group
 * (leaving frees no seat). Seats are taken in the store, so that two funnels never over-fill a group or seat
 * a customer twice; a customer's seat is kept even if a late event shows they bought on day 0. Group ids
 * read {@code D-2026-11-23-1}.
 *
 * <p>Thread-safe: events may be recorded concurrently (of the same customer too: changes are
 * compare-and-set in the store, retried a bounded number of times) and with {@link #advance}.
 */
public final class Funnel {
    private static final Logger LOG = LoggerFactory.getLogger(Funnel.class);
    private static final String UNTAGGED = "untagged";
    /** How long an advance may go without renewing its lease before another caller takes it over. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Customers read and written per transaction in an advance, and events per write in a batch record. */
    static final int BATCH = 500;
    /** Attempts at a compare-and-set write before giving up: each conflict means another writer progressed. */
    private static final int ATTEMPTS = 50;
    private static final long MAX_WAIT_MILLIS = 500;

    /**
     * The order in which a customer's events are applied: by timestamp (milliseconds), then by kind in the
     * order of {@link FunnelEvent.Kind} (so that an {@code Added} comes before a purchase stamped in the same
     * millisecond), then by event id ({@link String#compareTo}).
     */
    public static final Comparator<FunnelEvent> TIME_ORDER = Comparator
            .comparingLong((FunnelEvent e) -> e.timestamp().toEpochMilli())
            .thenComparing(FunnelEvent::kind)
            .thenComparing(FunnelEvent::eventId);

    private static final Comparator<Pending> SEATING_ORDER = Comparator
            .comparing((Pending p) -> p.moved.startDate())
            .thenComparing(p -> p.record.customerId());

    private final FunnelConfig config;
    private final Clock clock;
    private final FunnelStore store;
    private final FunnelMachine machine;
    /** Who is held out: seated in control groups, never planned content, left out of the day's one-to-one list. */
    private final Holdout holdout;
    /** Names this funnel's advances in the store's lease and crossing log. */
    private final String owner = "funnel-" + UUID.randomUUID();
    /** One advance at a time from this funnel; other funnels are kept out by the store's lease. */
    private final Object advancing = new Object();
    /** The day the store was last seen advanced through: only moves forward, so a stale value costs a read. */
    private volatile LocalDate advancedThrough;

    /** What became of a recorded event. */
    public enum Outcome {
        /** Applied to the customer's current journey, in time order. */
        APPLIED,
        /** Older than the customer's latest event: applied by rebuilding their journeys from the journal. */
        REPLAYED,
        /** Recorded before (same customer and event id, same content): nothing changed. */
        DUPLICATE,
        /**
         * Recorded before under the same customer and event id but with other content (another kind, amount,
         * tags or send): the first recording stands and nothing changed. Another time alone is not a conflict:
         * some senders stamp a redelivery with the time it was sent again.
         * An id was reused, or an event was changed after it was first sent; the sender must be fixed, and a
         * correction recorded under a new id. Never silently taken for a harmless duplicate.
         */
        CONFLICT,
        /**
         * Kept in the journal, but it does not apply in the journey's stage at its time, so nothing changed
         * (it applies if earlier events arriving later make it valid).
         */
        IGNORED
    }

    /**
     * One recorded event and what became of it. Immutable.
     *
     * @param event   the event
     * @param outcome what became of it
     * @param journey the customer's current journey once the event (and the others recorded with it) was
     *                recorded
     */
    public record Recorded(FunnelEvent event, Outcome outcome, Journey journey) {
        /**
         * Makes one.
         *
         * @param event   the event
         * @param outcome the outcome
         * @param journey the journey
         * @throws NullPointerException when an argument is null
         */
        public Recorded {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(journey, "journey");
        }

        /**
         * What the sender must fix, for an event that was not taken: a {@link Outcome#CONFLICT} names the event
         * and says that the first recording stands. The other outcomes are not problems.
         *
         * @param locale the language ({@code zh} for Chinese, anything else English)
         * @return the sentence, or empty when the outcome is not a problem
         * @throws NullPointerException when {@code locale} is null
         */
        public Optional<String> problem(Locale locale) {
            Objects.requireNonNull(locale, "locale");
            if (outcome != Outcome.CONFLICT) {
                return Optional.empty();
            }
            return Optional.of(new FunnelException("funnel.event-conflict", event.eventId(), event.customerId(),
                    event.kind().name()).message(locale));
        }
    }

    private Funnel(FunnelConfig config, Clock clock, FunnelStore store, Holdout holdout) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.holdout = holdout;
        this.machine = FunnelMachine.of(config);
    }

    /**
     * A funnel over a store that may already hold data (of a funnel with the same settings): it resumes where
     * that one stopped. Creating it reads nothing.
     *
     * @param config the funnel settings
     * @param clock  what "today" is; its zone is ignored in favour of the funnel's
     * @param store  where everything the funnel keeps is stored
     * @return the funnel
     * @throws NullPointerException when an argument is null
     */
    public static Funnel create(FunnelConfig config, Clock clock, FunnelStore store) {
        return create(config, clock, store, Holdout.NONE);
    }

    /**
     * A funnel with a holdout control group ({@code RulePack.funnel(store)} passes the pack's): held-out
     * customers go through the same stages on the same days as the others, so that the two arms compare like
     * with like, but they are seated in <em>control groups</em> ({@code holdout-D-2026-11-23-1}: kept in the store
     * only, never a WeChat group to invite anyone to), which {@link #planFor} plans no content for, and they are
     * left out of the day's one-to-one list ({@link DailyPlan#oneToOne()}).
     *
     * @param config  the funnel settings
     * @param clock   what "today" is; its zone is ignored in favour of the funnel's
     * @param store   where everything the funnel keeps is stored
     * @param holdout who is held out ({@link Holdout#NONE}: nobody)
     * @return the funnel
     * @throws NullPointerException when an argument is null
     */
    public static Funnel create(FunnelConfig config, Clock clock, FunnelStore store, Holdout holdout) {
        return new Funnel(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(holdout, "holdout"));
    }

    /**
     * A funnel over a new, empty {@link FunnelStore#inMemory()} store.
     *
     * @param config the funnel settings
     * @param clock  what "today" is; its zone is ignored in favour of the funnel's
     * @return the funnel
     * @throws NullPointerException when an argument is null
     */
    public static Funnel inMemory(FunnelConfig config, Clock clock) {
        return create(config, clock, FunnelStore.inMemory());
    }

    /**
     * The settings.
     *
     * @return the settings the funnel was created with
     */
    public FunnelConfig config() {
        return config;
    }

    /**
     * The holdout control group.
     *
     * @return who is held out; {@link Holdout#NONE} for a funnel made without one
     */
    public Holdout holdout() {
        return holdout;
    }

    /**
     * The store. Change what it holds through the funnel ({@link #record}, {@link #advance}), not directly.
     *
     * @return the store the funnel was created with
     */
    public FunnelStore store() {
        return store;
    }

    /**
     * Today's date in the funnel's timezone, from the clock.
     *
     * @return today's date
     */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /**
     * The current journey of a customer, as stored now.
     *
     * @param customerId the customer id
     * @return the journey (in {@link Stage#NEW} when only events that do not enter the funnel were recorded);
     *         empty when no event of the customer was recorded
     * @throws NullPointerException when {@code customerId} is null
     * @throws FunnelStoreException when the store fails
     */
    public Optional<Journey> journey(String customerId) {
        return store.read(Objects.requireNonNull(customerId, "customerId")).map(FunnelStore.CustomerRecord::current);
    }

    /**
     * Every journey of a customer: more than one when they left and were added again.
     *
     * @param customerId the customer id
     * @return the journeys, oldest first (the last is {@link #journey}); unmodifiable, empty when no event of
     *         the customer was recorded
     * @throws NullPointerException when {@code customerId} is null
     * @throws FunnelStoreException when the store fails
     */
    public List<Journey> journeys(String customerId) {
        return store.read(Objects.requireNonNull(customerId, "customerId"))
                .map(FunnelStore.CustomerRecord::journeys).orElse(List.of());
    }

    /**
     * Records one event (see {@link #recordAll}): crosses any day boundary up to the event's date for the
     * whole funnel, then applies the event in time order to the customer's journeys (a journey is created on
     * the customer's first event). The event's date is its timestamp's date in the funnel's timezone.
     *
     * @param event the event
     * @return the customer's current journey after the event (unchanged for a duplicate or an event that does
     *         not apply)
     * @throws NullPointerException when {@code event} is null
     * @throws FunnelException      when the event is dated after today (nothing changes)
     * @throws FunnelStoreException when the store fails (nothing of the event is recorded; recording it again
     *                              is safe)
     * @throws ArithmeticException  when a purchase takes the journey's revenue past {@link Long#MAX_VALUE}
     *                              fen (nothing changes)
     */
    public Journey record(FunnelEvent event) {
        return recordAll(List.of(Objects.requireNonNull(event, "event"))).get(0).journey();
    }

    /**
     * Checks that an event is not dated after today in the funnel's timezone (by this funnel's clock): what
     * {@link #recordAll} refuses. A caller that reads events one by one checks each first, so that one bad
     * event is that event's error rather than the batch's.
     *
     * @param event the event
     * @throws NullPointerException when {@code event} is null
     * @throws FunnelException      with key {@code funnel.event-in-future} when it is dated after today
     */
    public void requireNotAfterToday(FunnelEvent event) {
        Objects.requireNonNull(event, "event");
        LocalDate today = today();
        if (LocalDate.ofInstant(event.timestamp(), config.zone()).isAfter(today)) {
            throw new FunnelException("funnel.event-in-future", event.eventId(), event.customerId(),
                    event.timestamp(), today);
        }
    }

    /**
     * Records events in the order given, as {@link #record} would one by one, with fewer round trips to the
     * store: the events of days already reached are read and written together (up to a few hundred
     * customers per write). Events of one customer may be in any order.
     *
     * @param events the events, in the order they arrived
     * @return what became of each event, in the same order; unmodifiable
     * @throws NullPointerException when {@code events} or one of its events is null
     * @throws FunnelException      when an event is dated after today: nothing is recorded
     * @throws FunnelStoreException when the store fails: the events before the failing write are recorded,
     *                              and recording all of them again is safe
     * @throws ArithmeticException  when a purchase takes a journey's revenue past {@link Long#MAX_VALUE} fen
     */
    public List<Recorded> recordAll(List<? extends FunnelEvent> events) {
        Objects.requireNonNull(events, "events");
        LocalDate today = today();
        LocalDate[] dates = new LocalDate[events.size()];
        for (int i = 0; i < dates.length; i++) {
            FunnelEvent event = Objects.requireNonNull(events.get(i), "event");
            dates[i] = LocalDate.ofInstant(event.timestamp(), config.zone());
            if (dates[i].isAfter(today)) {
                throw new FunnelException("funnel.event-in-future", event.eventId(), event.customerId(),
                        event.timestamp(), today);
            }
        }
        Recorded[] out = new Recorded[dates.length];
        int start = 0;
        while (start < dates.length) {
            LocalDate through = reach(dates[start]);
            int end = start;
            while (end < dates.length && !dates[end].isAfter(through) && end - start < BATCH) {
                end++;
            }
            recordRun(events.subList(start, end), through, out, start);
            start = end;
        }
        return List.of(out);
    }

    /**
     * Records a journal, in order, as {@link #recordAll}; for replaying one.
     *
     * @param journal the events, in the order they were received
     * @throws NullPointerException when {@code journal} or one of its events is null
     * @throws FunnelException      when an event is dated after today (nothing is recorded)
     * @throws FunnelStoreException when the store fails
     * @throws ArithmeticException  as {@link #record}
     */
    public void replay(List<? extends FunnelEvent> journal) {
        recordAll(journal);
    }

    /** Advances the funnel to {@code date} unless it is there already; the day the store is advanced through. */
    private LocalDate reach(LocalDate date) {
        LocalDate through = advancedThrough;
        if (through == null || date.isAfter(through)) {
            through = refreshAdvancedThrough();
            if (through == null || date.isAfter(through)) {
                advance(date);
                through = advancedThrough;
            }
        }
        return through;
    }

    private LocalDate refreshAdvancedThrough() {
        LocalDate stored = store.advancedThrough().orElse(null);
        synchronized (advancing) {
            if (stored != null && (advancedThrough == null || stored.isAfter(advancedThrough))) {
                advancedThrough = stored;
            }
            return advancedThrough;
        }
    }

    // ------------------------------------------------------------------ recording

    /** The changes to one customer being computed: its events of this run and their outcomes. */
    private final class CustomerChange {
        final String customerId;
        final List<Integer> positions = new ArrayList<>();
        final List<FunnelEvent> events = new ArrayList<>();
        final Outcome[] outcomes;
        List<Journey> journeys;
        FunnelStore.Write write;

        CustomerChange(String customerId, int size) {
            this.customerId = customerId;
            this.outcomes = new Outcome[size];
        }

        /** Computes the write from the stored record; null when every event is a duplicate. */
        void compute(FunnelStore.CustomerRecord stored, Set<FunnelStore.EventKey> recorded, LocalDate through) {
            List<Journey> storedJourneys = stored == null ? List.of() : stored.journeys();
            journeys = new ArrayList<>(stored == null ? List.of(Journey.start(customerId)) : storedJourneys);
            long journalMillis = stored == null ? Journey.NONE : stored.journalMillis();
            int firstChanged = journeys.size() - 1;
            List<FunnelEvent> appended = new ArrayList<>();
            Map<String, FunnelEvent> seen = new HashMap<>();
            List<FunnelEvent> journal = null;
            Map<String, FunnelEvent> firstRecorded = null;
            for (int i = 0; i < events.size(); i++) {
                FunnelEvent event = events.get(i);
                FunnelEvent earlier = seen.get(event.eventId());
                if (earlier == null && recorded.contains(FunnelStore.EventKey.of(event))) {
                    if (firstRecorded == null) {
                        // Only a duplicate costs a read of the journal: its content is compared with the first.
                        firstRecorded = byId(store.journal(customerId));
                    }
                    earlier = firstRecorded.get(event.eventId());
                }
                if (earlier != null) {
                    outcomes[i] = sameContent(earlier, event) ? Outcome.DUPLICATE : Outcome.CONFLICT;
                    continue;
                }
                seen.put(event.eventId(), event);
                appended.add(event);
                long millis = event.timestamp().toEpochMilli();
                if ((journalMillis == Journey.NONE || millis > journalMillis)
                        && !beforeCurrentStage(journeys.get(journeys.size() - 1), event)) {
                    int before = journeys.size() - 1;
                    outcomes[i] = step(journeys, event, storedJourneys) ? Outcome.APPLIED : Outcome.IGNORED;
                    firstChanged = Math.min(firstChanged, before);
                } else {
                    if (journal == null) {
                        journal = new ArrayList<>(stored == null ? List.of() : store.journal(customerId));
                        journal.addAll(appended);
                    } else {
                        journal.add(event);
                    }
                    Set<String> applied = new HashSet<>();
                    journeys = fold(customerId, journal, storedJourneys, through, applied);
                    outcomes[i] = applied.contains(event.eventId()) ? Outcome.REPLAYED : Outcome.IGNORED;
                    firstChanged = 0;
                }
                journalMillis = journalMillis == Journey.NONE ? millis : Math.max(journalMillis, millis);
            }
            if (appended.isEmpty()) {
                write = null;
                return;
            }
            Journey current = journeys.get(journeys.size() - 1);
            write = new FunnelStore.Write(customerId, stored == null ? 0 : stored.version(), journeys,
                    Math.min(firstChanged, journeys.size() - 1), Optional.ofNullable(machine.nextBoundary(current)),
                    journalMillis, appended);
        }

        void finish(Recorded[] out, int offset) {
            Journey current = journeys.get(journeys.size() - 1);
            for (int i = 0; i < events.size(); i++) {
                out[offset + positions.get(i)] = new Recorded(events.get(i), outcomes[i], current);
            }
        }
    }

    private static Map<String, FunnelEvent> byId(List<FunnelEvent> journal) {
        Map<String, FunnelEvent> byId = new HashMap<>();
        journal.forEach(event -> byId.put(event.eventId(), event));
        return byId;
    }

    /**
     * Whether an event sent again is the one recorded: same kind, and the same amount, tags or send. The ids
     * are equal already; the time is not compared, as some senders stamp a redelivery with the time of sending.
     */
    static boolean sameContent(FunnelEvent first, FunnelEvent again) {
        if (first.kind() != again.kind()) {
            return false;
        }
        if (first instanceof FunnelEvent.Purchased p) {
            return p.amountFen() == ((FunnelEvent.Purchased) again).amountFen();
        }
        if (first instanceof FunnelEvent.Surveyed s) {
            // The same answers in another order are the same survey (a sender's list order is not meaning).
            return Set.copyOf(s.tags().tags()).equals(Set.copyOf(((FunnelEvent.Surveyed) again).tags().tags()));
        }
        if (first instanceof FunnelEvent.Sent s) {
            FunnelEvent.Sent other = (FunnelEvent.Sent) again;
            return s.decisionId().equals(other.decisionId()) && s.scriptId().equals(other.scriptId())
                    && s.variant().equals(other.variant());
        }
        return true;
    }

    private void recordRun(List<? extends FunnelEvent> run, LocalDate through, Recorded[] out, int offset) {
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < run.size(); i++) {
            byCustomer.computeIfAbsent(run.get(i).customerId(), id -> new ArrayList<>()).add(i);
        }
        List<CustomerChange> changes = new ArrayList<>();
        byCustomer.forEach((customerId, positions) -> {
            CustomerChange change = new CustomerChange(customerId, positions.size());
            change.positions.addAll(positions);
            positions.forEach(i -> change.events.add(run.get(i)));
            changes.add(change);
        });
        List<CustomerChange> pending = changes;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, null,
                        "recording events of customer " + pending.get(0).customerId,
                        "the customer's record kept changing under " + ATTEMPTS + " attempts");
            }
            Map<String, FunnelStore.CustomerRecord> stored = store.readAll(
                    pending.stream().map(c -> c.customerId).toList());
            Set<FunnelStore.EventKey> recorded = recorded(pending, stored, attempt > 1);
            List<FunnelStore.Write> writes = new ArrayList<>();
            List<CustomerChange> writing = new ArrayList<>();
            for (CustomerChange change : pending) {
                change.compute(stored.get(change.customerId), recorded, through);
                if (change.write == null) {
                    change.finish(out, offset);
                } else {
                    writes.add(change.write);
                    writing.add(change);
                }
            }
            List<FunnelStore.WriteResult> results = writes.isEmpty() ? List.of() : store.write(writes);
            pending = new ArrayList<>();
            for (int i = 0; i < writing.size(); i++) {
                if (results.get(i) == FunnelStore.WriteResult.APPLIED) {
                    writing.get(i).finish(out, offset);
                } else {
                    pending.add(writing.get(i));
                }
            }
            if (!pending.isEmpty()) {
                LOG.debug("{} customers changed meanwhile; attempt {} again", pending.size(), attempt + 1);
            }
        }
    }

    /**
     * Which of the pending events are in the journal. Only events that may be are looked up: a customer without
     * a record has no journal (events are journaled only with a write of the record), and an event later than
     * the latest in its customer's journal is not in it, unless its id was recorded before with another time.
     * Then the write conflicts (the journal's key refuses the event), and the next attempt, {@code everything},
     * looks up every event. An in-order stream of events (the usual webhook stream) is looked up not at all.
     */
    private Set<FunnelStore.EventKey> recorded(List<CustomerChange> pending,
                                               Map<String, FunnelStore.CustomerRecord> stored, boolean everything) {
        List<FunnelStore.EventKey> keys = new ArrayList<>();
        for (CustomerChange change : pending) {
            FunnelStore.CustomerRecord record = stored.get(change.customerId);
            if (record == null && !everything) {
                continue;
            }
            long latest = record == null ? Journey.NONE : record.journalMillis();
            for (FunnelEvent event : change.events) {
                if (everything || latest == Journey.NONE || event.timestamp().toEpochMilli() <= latest) {
                    keys.add(FunnelStore.EventKey.of(event));
                }
            }
        }
        return keys.isEmpty() ? Set.of() : store.recorded(keys);
    }

    /**
     * Whether an event happened before the day its journey entered its current stage: then a day boundary
     * was crossed after it, and it must be applied by replaying the journal, not on top of the journey.
     */
    private boolean beforeCurrentStage(Journey current, FunnelEvent event) {
        if (current.startDate() == null) {
            return false;
        }
        LocalDate date = LocalDate.ofInstant(event.timestamp(), config.zone());
        return date.isBefore(current.startDate().plusDays(current.stageDay()));
    }

    /**
     * Applies one event, in time order, to the last of a customer's journeys (or to a new one, when it
     * re-enters the customer); says whether it applied.
     */
    private boolean step(List<Journey> journeys, FunnelEvent event, List<Journey> stored) {
        int index = journeys.size() - 1;
        if (machine.reenters(journeys.get(index), event)) {
            journeys.add(Journey.start(event.customerId()));
            index++;
        }
        Journey next = machine.apply(journeys.get(index), event, seat(stored, index));
        if (next == null) {
            if (journeys.get(index).stage() == Stage.NEW && index > 0) {
                journeys.remove(index);
            }
            return false;
        }
        journeys.set(index, next);
        return true;
    }

    /** The seat a journey already holds, as a seat function, or null when it holds none. */
    private static Function<Journey, String> seat(List<Journey> stored, int index) {
        if (index >= stored.size() || !stored.get(index).isGrouped()) {
            return null;
        }
        String groupId = stored.get(index).groupId();
        return waiting -> groupId;
    }

    /**
     * A customer's journeys rebuilt from their journal in {@link #TIME_ORDER}, with the seats they hold, brought
     * to the day the funnel has reached; {@code applied} gets the ids of the events that applied.
     */
    private List<Journey> fold(String customerId, List<FunnelEvent> journal, List<Journey> stored, LocalDate through,
                               Set<String> applied) {
        List<FunnelEvent> ordered = new ArrayList<>(journal);
        ordered.sort(TIME_ORDER);
        List<Journey> journeys = new ArrayList<>(List.of(Journey.start(customerId)));
        for (FunnelEvent event : ordered) {
            if (step(journeys, event, stored)) {
                applied.add(event.eventId());
            }
        }
        int last = journeys.size() - 1;
        if (through != null && journeys.get(last).stage() != Stage.NEW) {
            journeys.set(last, machine.advance(journeys.get(last), through, seat(stored, last)));
        }
        for (int i = 0; i < journeys.size() && i < stored.size(); i++) {
            Journey journey = journeys.get(i);
            // A seat once taken stays: the customer was invited to the group, whatever a late event says.
            if (stored.get(i).isGrouped() && !journey.isGrouped() && journey.stage() != Stage.NEW) {
                journeys.set(i, journey.withGroup(stored.get(i).groupId()));
            }
        }
        return journeys;
    }

    // ------------------------------------------------------------------ day boundaries

    /**
     * Advances every journey to the clock's today; see {@link #advance(LocalDate)}. A host calls it once a
     * day, after midnight in the funnel's timezone.
     *
     * @throws FunnelStoreException when the store fails (calling it again resumes)
     */
    public void advance() {
        advance(today());
    }

    /**
     * Moves every journey to the stage it must be in on {@code today}, putting the customers whose day 0
     * has ended into groups. Idempotent: a call for a day the funnel (this one, or another over the same
     * store) has already reached does nothing; journeys never move backwards. Reads and writes only the
     * journeys with a day boundary due, in batches of a few hundred, one store write each. When another
     * caller is advancing, waits for it to finish (or, if it stops renewing its lease for a minute, takes
     * over). An advance that fails part-way leaves every journey either moved or not; the next call resumes.
     *
     * <p>A day after today (by this funnel's clock, in the funnel's timezone) is refused, as {@link #record}
     * refuses events from the future: crossing it could not be undone (journeys never move backwards, so later
     * advances would do nothing and new customers would wait for a day that has not come). A test or simulation
     * that advances through days of its own moves its clock with them.
     *
     * @param today the day to advance to, in the funnel's timezone; today by the clock at the latest
     * @throws NullPointerException when {@code today} is null
     * @throws FunnelException      with key {@code funnel.advance-in-future} when {@code today} is after the
     *                              clock's today (nothing changes)
     * @throws FunnelStoreException when the store fails, or the thread is interrupted while waiting for
     *                              another caller's advance
     */
    public void advance(LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate clockToday = today();
        if (today.isAfter(clockToday)) {
            throw new FunnelException("funnel.advance-in-future", today, clockToday);
        }
        LocalDate known = advancedThrough;
        if (known != null && !today.isAfter(known)) {
            return;
        }
        synchronized (advancing) {
            long wait = 5;
            while (true) {
                LocalDate through = refreshAdvancedThrough();
                if (through != null && !today.isAfter(through)) {
                    // Already there: doing nothing keeps live funnels (a daily job plus events) and replayed
                    // ones (events only) in step, since both cross each day boundary exactly once.
                    return;
                }
                if (!store.claimAdvance(owner, today, LEASE)) {
                    wait = pause(wait, today);
                    continue;
                }
                boolean finished = false;
                try {
                    through = store.advancedThrough().orElse(null);
                    if (through != null && !today.isAfter(through)) {
                        // Finished by another caller between the check above and the claim.
                        store.releaseAdvance(owner);
                        continue;
                    }
                    int[] counts = crossBoundaries(today);
                    if (counts != null) {
                        finished = store.finishAdvance(owner, new FunnelStore.Crossing(today, owner,
                                Instant.now(), counts[0], counts[1]));
                    }
                } catch (RuntimeException | Error e) {
                    try {
                        store.releaseAdvance(owner);
                    } catch (RuntimeException released) {
                        e.addSuppressed(released);
                    }
                    throw e;
                }
                if (finished) {
                    advancedThrough = today;
                    LOG.debug("Advanced the funnel to {}", today);
                    return;
                }
                // The lease expired under us and another caller took over: wait for it.
            }
        }
    }

    private static long pause(long millis, LocalDate day) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e,
                    "waiting for another advance to " + day, "interrupted");
        }
        return Math.min(millis * 2, MAX_WAIT_MILLIS);
    }

    /** A customer whose day 0 is over and who waits for a seat. */
    private record Pending(FunnelStore.CustomerRecord record, Journey moved) {
    }

    /** Crosses the due boundaries, page by page; journeys moved and seated, or null when the lease was lost. */
    private int[] crossBoundaries(LocalDate today) {
        int moved = 0;
        int seated = 0;
        Optional<FunnelStore.Due> after = Optional.empty();
        while (true) {
            List<FunnelStore.Due> page = store.due(today, after, BATCH);
            if (page.isEmpty()) {
                return new int[] {moved, seated};
            }
            after = Optional.of(page.get(page.size() - 1));
            int[] done = advancePage(page.stream().map(FunnelStore.Due::record).toList(), today);
            moved += done[0];
            seated += done[1];
            if (!store.renewAdvance(owner, LEASE)) {
                return null;
            }
        }
    }

    private int[] advancePage(List<FunnelStore.CustomerRecord> page, LocalDate today) {
        int moved = 0;
        int seated = 0;
        List<FunnelStore.CustomerRecord> todo = page;
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, null,
                        "advancing customer " + todo.get(0).customerId() + " to " + today,
                        "the customer's record kept changing under " + ATTEMPTS + " attempts");
            }
            Map<String, String> seats = seatWaiting(todo, today);
            List<FunnelStore.Write> writes = new ArrayList<>();
            List<Boolean> seating = new ArrayList<>();
            for (FunnelStore.CustomerRecord record : todo) {
                Journey current = record.current();
                String groupId = seats.get(record.customerId());
                Journey next = machine.advance(current, today, groupId == null ? null : waiting -> groupId);
                if (next == current) {
                    continue;
                }
                List<Journey> journeys = new ArrayList<>(record.journeys());
                journeys.set(journeys.size() - 1, next);
                writes.add(new FunnelStore.Write(record.customerId(), record.version(), journeys,
                        journeys.size() - 1, Optional.ofNullable(machine.nextBoundary(next)), record.journalMillis(),
                        List.of()));
                seating.add(groupId != null);
            }
            List<FunnelStore.WriteResult> results = writes.isEmpty() ? List.of() : store.write(writes);
            List<String> conflicts = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i) == FunnelStore.WriteResult.APPLIED) {
                    moved++;
                    seated += seating.get(i) ? 1 : 0;
                } else {
                    conflicts.add(writes.get(i).customerId());
                }
            }
            // Recorded meanwhile: read again (the seat taken is kept, seating is idempotent) and redo.
            todo = conflicts.isEmpty() ? List.of() : List.copyOf(store.readAll(conflicts).values());
        }
        return new int[] {moved, seated};
    }

    /** Seats the customers of a page whose day 0 is over, per cohort-day in (day 0, customer id) order. */
    private Map<String, String> seatWaiting(List<FunnelStore.CustomerRecord> page, LocalDate today) {
        List<Pending> waiting = new ArrayList<>();
        for (FunnelStore.CustomerRecord record : page) {
            Journey moved = machine.advance(record.current(), today);
            if (moved.stage() == Stage.GROUPED && !moved.isGrouped()) {
                waiting.add(new Pending(record, moved));
            }
        }
        if (waiting.isEmpty()) {
            return Map.of();
        }
        // Day 0 and customer id order, not store order, so the groups do not depend on how the store iterates.
        waiting.sort(SEATING_ORDER);
        List<FunnelStore.Seat> wanted = new ArrayList<>(waiting.size());
        for (Pending pending : waiting) {
            Journey moved = pending.moved;
            String customerId = pending.record.customerId();
            // Held-out customers fill control groups of their own: never in a group that gets content.
            String prefix = (holdout.holdsOut(customerId) ? Holdout.GROUP_PREFIX : "")
                    + groupPrefix(moved.cohort(), moved.startDate());
            wanted.add(new FunnelStore.Seat(customerId, pending.record.journeys().size() - 1, prefix, moved.cohort(),
                    moved.startDate()));
        }
        List<String> groups = store.seat(wanted, config.groupCapacity());
        Map<String, String> seats = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            seats.put(wanted.get(i).customerId(), groups.get(i));
        }
        return seats;
    }

    /** The id of a cohort-day's groups without their number: {@code D-2026-11-23}. */
    private static String groupPrefix(TagSet cohort, LocalDate startDate) {
        return (cohort.isEmpty() ? UNTAGGED : cohort.codes()) + "-" + startDate;
    }

    // ------------------------------------------------------------------ groups, plans, reports

    /**
     * The groups in seeding or conversion on {@code day}, with the number of members who have not left.
     * Reads the groups of the day-0 dates that can be active and their members' count.
     *
     * @param day the day, in the funnel's timezone
     * @return the groups in the order they were opened; unmodifiable, empty when none is active
     * @throws NullPointerException when {@code day} is null
     * @throws FunnelStoreException when the store fails
     */
    public List<CohortGroup> activeGroups(LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<FunnelStore.Group> active = new ArrayList<>();
        for (FunnelStore.Group group : store.groups(day.minusDays(config.lastConversionDay()), day.minusDays(1))) {
            if (machine.groupStageOn(groupDay(group, day)).isGroupStage()) {
                active.add(group);
            }
        }
        if (active.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> members = store.activeMembers(active.stream().map(FunnelStore.Group::groupId).toList());
        List<CohortGroup> out = new ArrayList<>(active.size());
        for (FunnelStore.Group group : active) {
            int groupDay = groupDay(group, day);
            out.add(new CohortGroup(group.groupId(), group.cohort(), group.startDate(), machine.groupStageOn(groupDay),
                    groupDay, members.getOrDefault(group.groupId(), 0)));
        }
        return List.copyOf(out);
    }

    private static int groupDay(FunnelStore.Group group, LocalDate day) {
        return (int) (day.toEpochDay() - group.startDate().toEpochDay());
    }

    /**
     * The plan for {@code date}: each active group's content from {@code contentFor}, the group days it
     * planned nothing for, and the customers in one-to-one service on their day 0 that day.
     *
     * @param date       the day to plan, in the funnel's zone
     * @param contentFor what a group gets on a day, in the order to send it (an empty list means nothing
     *                   planned); {@code RulePack::contentFor} asks the pack's {@code content} rules.
     *                   Called once per active group, on the calling thread
     * @return the plan
     * @throws NullPointerException when an argument is null, or {@code contentFor} returns null or a list
     *                              with a null element
     * @throws FunnelStoreException when the store fails
     * @throws RuntimeException     whatever {@code contentFor} throws (for the rule pack's planner, an
     *                              {@link io.siyu.rules.decision.DecisionException})
     */
    public DailyPlan planFor(LocalDate date, Function<GroupDay, List<PlannedContent>> contentFor) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentFor, "contentFor");
        List<DailyPlan.GroupPlan> plans = new ArrayList<>();
        List<GroupDay> missing = new ArrayList<>();
        for (CohortGroup group : activeGroups(date)) {
            if (Holdout.isControlGroup(group.groupId())) {
                continue; // a control group gets nothing: not planned, not missing either
            }
            GroupDay groupDay = new GroupDay(group.groupId(), group.stage(), group.day(), group.cohort(), date);
            List<PlannedContent> content = Objects.requireNonNull(contentFor.apply(groupDay), "planned content");
            if (content.isEmpty()) {
                missing.add(groupDay);
            } else {
                plans.add(new DailyPlan.GroupPlan(groupDay, content));
            }
        }
        List<Journey> oneToOne = store.startedOn(date).stream()
                .filter(journey -> journey.stage() == Stage.ONE_TO_ONE)
                .filter(journey -> !holdout.holdsOut(journey.customerId()))
                .sorted(Comparator.comparing(Journey::customerId)).toList();
        return new DailyPlan(date, plans, missing, oneToOne);
    }

    /**
     * The report over every journey in the store (one pass over it, streamed: nothing is held per journey).
     *
     * @return the report
     * @throws FunnelStoreException when the store fails
     */
    public FunnelReport report() {
        FunnelReport.Builder builder = new FunnelReport.Builder();
        store.forEachJourney(builder);
        return builder.report();
    }

    /**
     * The report over the journeys of one arm of the holdout experiment (one streamed pass over the store).
     * Without a holdout every customer is in {@link Holdout.Arm#TREATMENT}.
     *
     * @param arm the arm
     * @return the report over the customers of that arm
     * @throws NullPointerException when {@code arm} is null
     * @throws FunnelStoreException when the store fails
     */
    public FunnelReport report(Holdout.Arm arm) {
        Objects.requireNonNull(arm, "arm");
        FunnelReport.Builder builder = new FunnelReport.Builder();
        store.forEachJourney(journey -> {
            if (holdout.arm(journey.customerId()) == arm) {
                builder.accept(journey);
            }
        });
        return builder.report();
    }

    @Override
    public String toString() {
        return "Funnel[" + owner + ", advanced through " + advancedThrough + "]";
    }
}
