package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A running funnel: the {@link FunnelMachine} applied to the journeys in a {@link JourneyStore}, with
 * cohort groups and a clock.
 *
 * <p><b>Time.</b> Day boundaries are crossed for every journey at once, either by {@link #advance} or
 * by the first recorded event of a later date (which first advances the whole funnel to that date).
 * So recording the same events in the same order always gives the same journeys and groups, whether
 * they arrive live or are replayed from a journal. A day boundary is crossed once: advancing again to
 * the same (or an earlier) day does nothing. A late event (dated before the day the funnel has reached)
 * is applied at its own date, and its journey catches up at the next day boundary; so a customer whose
 * day-0 events arrive late is grouped then. The clock only says what "today" is: events dated after
 * today are refused.
 *
 * <p><b>Groups.</b> When day 0 ends, the customers who did not buy are put into the open group of their
 * cohort (same codes on the cohort questions, same day 0), in customer id order; a full group opens the
 * next one. Capacity counts everyone ever put into the group (leaving frees no seat: groups are filled
 * once, when their day 0 ends). Group ids read {@code D-2026-11-23-1}.
 *
 * <p>Thread-safe: events of different customers may be recorded concurrently, and with
 * {@link #advance}; day boundaries are crossed one call at a time. A funnel keeps its groups in memory and
 * its journeys in the store: use one funnel per store.
 */
public final class Funnel {
    private static final Logger LOG = LoggerFactory.getLogger(Funnel.class);
    private static final String UNTAGGED = "untagged";
    private static final Comparator<Journey> BY_START_DATE_AND_CUSTOMER_ID = (a, b) -> {
        int byDate = a.startDate().compareTo(b.startDate());
        return byDate != 0 ? byDate : a.customerId().compareTo(b.customerId());
    };

    private final FunnelConfig config;
    private final Clock clock;
    private final JourneyStore store;
    private final FunnelMachine machine;
    /** Guards {@link #groups}, {@link #openGroups} and {@link #advancedThrough}. */
    private final Object lock = new Object();
    private final Map<String, GroupSeats> groups = new LinkedHashMap<>();
    private final Map<CohortDay, GroupSeats> openGroups = new HashMap<>();
    private volatile LocalDate advancedThrough;

    /** The customers who share a group: same cohort tags, same day 0. */
    private record CohortDay(TagSet cohort, LocalDate startDate) {
        static CohortDay of(Journey journey) {
            return new CohortDay(journey.cohort(), journey.startDate());
        }

        String groupId(int sequence) {
            return (cohort.isEmpty() ? UNTAGGED : cohort.codes()) + "-" + startDate + "-" + sequence;
        }
    }

    /** The seats taken in one group; mutable, guarded by {@link #lock}. */
    private static final class GroupSeats {
        final String groupId;
        final TagSet cohort;
        final LocalDate startDate;
        final int sequence;
        int assigned;

        GroupSeats(String groupId, TagSet cohort, LocalDate startDate, int sequence) {
            this.groupId = groupId;
            this.cohort = cohort;
            this.startDate = startDate;
            this.sequence = sequence;
        }
    }

    private Funnel(FunnelConfig config, Clock clock, JourneyStore store) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.machine = FunnelMachine.of(config);
        restoreGroups();
    }

    /**
     * A funnel over a store that may already hold journeys: its groups are restored from them (one pass
     * over the store), so that new members fill the open groups where they left off.
     *
     * @param config the funnel settings
     * @param clock  what "today" is; its zone is ignored in favour of the funnel's
     * @param store  where the journeys are kept
     * @return the funnel
     * @throws NullPointerException  when an argument is null
     * @throws NumberFormatException when a grouped journey in the store has a group id that does not end
     *                               in {@code -<number>} (one not made by a funnel)
     */
    public static Funnel create(FunnelConfig config, Clock clock, JourneyStore store) {
        return new Funnel(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(store, "store"));
    }

    /**
     * A funnel with a new, empty {@link InMemoryJourneyStore}.
     *
     * @param config the funnel settings
     * @param clock  what "today" is; its zone is ignored in favour of the funnel's
     * @return the funnel
     * @throws NullPointerException when an argument is null
     */
    public static Funnel inMemory(FunnelConfig config, Clock clock) {
        return create(config, clock, InMemoryJourneyStore.create());
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
     * The journeys. Change them through the funnel ({@link #record}, {@link #advance}), not the store.
     *
     * @return the store the funnel was created with
     */
    public JourneyStore store() {
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
     * The journey of a customer, as stored now.
     *
     * @param customerId the customer id
     * @return the journey; empty when no event of the customer was recorded
     * @throws NullPointerException when {@code customerId} is null
     */
    public Optional<Journey> journey(String customerId) {
        return store.get(customerId);
    }

    /**
     * Records one event: crosses any day boundary up to the event's date for the whole funnel, then
     * applies the event to the customer's journey (created on {@link FunnelEvent.Added} or
     * {@link FunnelEvent.Surveyed}). A duplicate (see {@link Journey}) changes nothing. The event's date
     * is its timestamp's date in the funnel's timezone.
     *
     * @param event the event
     * @return the customer's journey after the event
     * @throws NullPointerException   when {@code event} is null
     * @throws RejectedEventException when the event is not allowed in the journey's stage: the journey is
     *                                unchanged, though the funnel has crossed the day boundaries up to the
     *                                event's date
     * @throws FunnelException        when the event is dated after today (nothing changes)
     * @throws ArithmeticException    when a purchase takes the journey's revenue past {@link Long#MAX_VALUE}
     *                                fen (the journey is unchanged)
     */
    public Journey record(FunnelEvent event) {
        Objects.requireNonNull(event, "event");
        LocalDate date = LocalDate.ofInstant(event.timestamp(), config.zone());
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw new FunnelException("funnel.event-in-future", event.eventId(), event.customerId(),
                    event.timestamp(), today);
        }
        LocalDate through = advancedThrough;
        if (through == null || date.isAfter(through)) {
            advance(date);
        }
        String customerId = event.customerId();
        return store.update(customerId,
                current -> machine.apply(current == null ? Journey.start(customerId) : current, event));
    }

    /**
     * Records events in order, as {@link #record} does; for replaying a journal. Stops at the first event
     * that fails: the events before it stay recorded.
     *
     * @param journal the events, in the order they happened
     * @throws NullPointerException   when {@code journal} or one of its events is null
     * @throws RejectedEventException as {@link #record}
     * @throws FunnelException        when an event is dated after today
     * @throws ArithmeticException    as {@link #record}
     */
    public void replay(List<? extends FunnelEvent> journal) {
        Objects.requireNonNull(journal, "journal");
        for (FunnelEvent event : journal) {
            record(event);
        }
    }

    /**
     * Advances every journey to the clock's today; see {@link #advance(LocalDate)}. A host calls it once a
     * day, after midnight in the funnel's timezone.
     */
    public void advance() {
        advance(today());
    }

    /**
     * Moves every journey to the stage it must be in on {@code today}, putting the customers whose day 0
     * has ended into groups. Idempotent: a call for a day the funnel has already reached does nothing;
     * journeys never move backwards. Allocates nothing for a journey whose stage does not change, which
     * on most days is nearly all of them (the day number is not stored). Runs on the calling thread over
     * the whole store; meanwhile, events of days already reached are recorded without waiting.
     *
     * @param today the day to advance to, in the funnel's timezone; not checked against the clock
     * @throws NullPointerException when {@code today} is null
     */
    public void advance(LocalDate today) {
        Objects.requireNonNull(today, "today");
        synchronized (lock) {
            if (advancedThrough != null && !today.isAfter(advancedThrough)) {
                // Already there: doing nothing keeps live funnels (a daily job plus events) and replayed
                // ones (events only) in step, since both cross each day boundary exactly once.
                return;
            }
            // The customers whose day 0 is over; they stay as they are until seated below.
            List<Journey> waiting = new ArrayList<>();
            store.updateAll(journey -> {
                Journey next = machine.advance(journey, today);
                if (next.stage() == Stage.GROUPED && !next.isGrouped()) {
                    waiting.add(journey);
                    return journey;
                }
                return next;
            });
            // Day 0 and customer id order, not store order, so the groups do not depend on how the store iterates.
            waiting.sort(BY_START_DATE_AND_CUSTOMER_ID);
            Function<Journey, String> seat = this::takeSeat;
            for (Journey journey : waiting) {
                store.update(journey.customerId(), current -> machine.advance(current, today, seat));
            }
            advancedThrough = today;
            LOG.debug("Advanced {} journeys to {}; {} put into groups", store.size(), today, waiting.size());
        }
    }

    /** The group a journey whose day 0 is over goes into: the open group of its cohort, or a new one. */
    private String takeSeat(Journey journey) {
        synchronized (lock) {
            CohortDay cohortDay = CohortDay.of(journey);
            GroupSeats open = openGroups.get(cohortDay);
            if (open == null || open.assigned >= config.groupCapacity()) {
                int sequence = open == null ? 1 : open.sequence + 1;
                open = new GroupSeats(cohortDay.groupId(sequence), journey.cohort(), journey.startDate(), sequence);
                groups.put(open.groupId, open);
                openGroups.put(cohortDay, open);
            }
            open.assigned++;
            return open.groupId;
        }
    }

    private void restoreGroups() {
        List<Journey> grouped = new ArrayList<>();
        store.forEach(journey -> {
            if (journey.isGrouped()) {
                grouped.add(journey);
            }
        });
        grouped.sort(Comparator.comparing(Journey::startDate).thenComparing(Journey::groupId));
        synchronized (lock) {
            for (Journey journey : grouped) {
                GroupSeats seats = groups.get(journey.groupId());
                if (seats == null) {
                    String id = journey.groupId();
                    int sequence = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                    seats = new GroupSeats(id, journey.cohort(), journey.startDate(), sequence);
                    groups.put(id, seats);
                    CohortDay cohortDay = CohortDay.of(journey);
                    GroupSeats open = openGroups.get(cohortDay);
                    if (open == null || open.sequence < sequence) {
                        openGroups.put(cohortDay, seats);
                    }
                }
                seats.assigned++;
            }
        }
    }

    /**
     * The groups in seeding or conversion on {@code day}, with the number of members who have not left
     * (one pass over the store).
     *
     * @param day the day, in the funnel's timezone
     * @return the groups in the order they were opened; unmodifiable, empty when none is active
     * @throws NullPointerException when {@code day} is null
     */
    public List<CohortGroup> activeGroups(LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<GroupSeats> active = new ArrayList<>();
        synchronized (lock) {
            for (GroupSeats seats : groups.values()) {
                if (machine.groupStageOn(groupDay(seats, day)).isGroupStage()) {
                    active.add(seats);
                }
            }
        }
        if (active.isEmpty()) {
            return List.of();
        }
        Map<String, int[]> members = new HashMap<>();
        for (GroupSeats seats : active) {
            members.put(seats.groupId, new int[1]);
        }
        store.forEach(journey -> {
            int[] count = members.get(journey.groupId());
            if (count != null && journey.stage() != Stage.LEFT) {
                count[0]++;
            }
        });
        List<CohortGroup> out = new ArrayList<>(active.size());
        for (GroupSeats seats : active) {
            int groupDay = groupDay(seats, day);
            out.add(new CohortGroup(seats.groupId, seats.cohort, seats.startDate, machine.groupStageOn(groupDay),
                    groupDay, members.get(seats.groupId)[0]));
        }
        return List.copyOf(out);
    }

    private static int groupDay(GroupSeats seats, LocalDate day) {
        return (int) (day.toEpochDay() - seats.startDate.toEpochDay());
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
     * @throws RuntimeException     whatever {@code contentFor} throws (for the rule pack's planner, an
     *                              {@link io.siyu.rules.decision.DecisionException})
     */
    public DailyPlan planFor(LocalDate date, Function<GroupDay, List<PlannedContent>> contentFor) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(contentFor, "contentFor");
        List<DailyPlan.GroupPlan> plans = new ArrayList<>();
        List<GroupDay> missing = new ArrayList<>();
        for (CohortGroup group : activeGroups(date)) {
            GroupDay groupDay = new GroupDay(group.groupId(), group.stage(), group.day(), group.cohort(), date);
            List<PlannedContent> content = Objects.requireNonNull(contentFor.apply(groupDay), "planned content");
            if (content.isEmpty()) {
                missing.add(groupDay);
            } else {
                plans.add(new DailyPlan.GroupPlan(groupDay, content));
            }
        }
        List<Journey> oneToOne = new ArrayList<>();
        store.forEach(journey -> {
            if (journey.stage() == Stage.ONE_TO_ONE && date.equals(journey.startDate())) {
                oneToOne.add(journey);
            }
        });
        oneToOne.sort(Comparator.comparing(Journey::customerId));
        return new DailyPlan(date, plans, missing, oneToOne);
    }

    /**
     * The report over every journey in the store (one pass over it).
     *
     * @return the report
     */
    public FunnelReport report() {
        return FunnelReport.of(store.stream().toList());
    }
}
