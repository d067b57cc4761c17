package io.siyu.rules.funnel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link FunnelStore#inMemory()}: everything in maps of this JVM, guarded by the store's monitor (each
 * operation is short; a report copies nothing but holds the monitor while it iterates).
 */
final class MemoryFunnelStore implements FunnelStore {

    /** One customer: the record, its journal and where it is in the due index. */
    private static final class Entry {
        CustomerRecord record;
        final Map<String, FunnelEvent> journal = new LinkedHashMap<>(8);
        LocalDate nextBoundary;
    }

    private record SeatKey(String customerId, int journey) {
    }

    private record DueKey(LocalDate date, String customerId) {
        static final Comparator<DueKey> ORDER = Comparator.comparing(DueKey::date).thenComparing(DueKey::customerId);
    }

    /** A group's mutable seat count. */
    private static final class GroupRow {
        final String groupId;
        final io.siyu.rules.codebook.TagSet cohort;
        final LocalDate startDate;
        final int sequence;
        int seats;

        GroupRow(String groupId, io.siyu.rules.codebook.TagSet cohort, LocalDate startDate, int sequence) {
            this.groupId = groupId;
            this.cohort = cohort;
            this.startDate = startDate;
            this.sequence = sequence;
        }

        Group group() {
            return new Group(groupId, cohort, startDate, seats);
        }
    }

    private final Map<String, Entry> customers = new HashMap<>();
    private final NavigableSet<DueKey> due = new TreeSet<>(DueKey.ORDER);
    /** Every group, in the order opened. */
    private final Map<String, GroupRow> groups = new LinkedHashMap<>();
    /** The open (highest-numbered) group of each cohort-day, by group id prefix. */
    private final Map<String, GroupRow> openGroups = new HashMap<>();
    private final Map<SeatKey, String> seats = new HashMap<>();
    private final List<Crossing> crossings = new ArrayList<>();
    private LocalDate advancedThrough;
    private String leaseOwner;
    private Instant leaseUntil;

    @Override
    public synchronized Optional<CustomerRecord> read(String customerId) {
        Entry entry = customers.get(Objects.requireNonNull(customerId, "customerId"));
        return entry == null ? Optional.empty() : Optional.of(entry.record);
    }

    @Override
    public synchronized Map<String, CustomerRecord> readAll(Collection<String> customerIds) {
        Map<String, CustomerRecord> out = new HashMap<>();
        for (String id : customerIds) {
            Entry entry = customers.get(Objects.requireNonNull(id, "customerId"));
            if (entry != null) {
                out.put(id, entry.record);
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public synchronized List<FunnelEvent> journal(String customerId) {
        Entry entry = customers.get(Objects.requireNonNull(customerId, "customerId"));
        return entry == null ? List.of() : List.copyOf(entry.journal.values());
    }

    @Override
    public synchronized Set<EventKey> recorded(Collection<EventKey> keys) {
        Set<EventKey> out = new HashSet<>();
        for (EventKey key : keys) {
            Entry entry = customers.get(key.customerId());
            if (entry != null && entry.journal.containsKey(key.eventId())) {
                out.add(key);
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public synchronized List<WriteResult> write(List<Write> writes) {
        Set<String> seen = new HashSet<>();
        for (Write write : writes) {
            if (!seen.add(write.customerId())) {
                throw new IllegalArgumentException("two writes of customer " + write.customerId());
            }
        }
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write write : writes) {
            results.add(apply(write));
        }
        return List.copyOf(results);
    }

    private WriteResult apply(Write write) {
        Entry entry = customers.get(write.customerId());
        long version = entry == null ? 0 : entry.record.version();
        if (version != write.expectedVersion()) {
            return WriteResult.CONFLICT;
        }
        if (entry != null) {
            for (FunnelEvent event : write.appended()) {
                if (entry.journal.containsKey(event.eventId())) {
                    return WriteResult.CONFLICT;
                }
            }
        } else {
            entry = new Entry();
            customers.put(write.customerId(), entry);
        }
        for (FunnelEvent event : write.appended()) {
            entry.journal.put(event.eventId(), event);
        }
        entry.record = new CustomerRecord(write.customerId(), version + 1, write.journeys(), write.journalMillis());
        if (entry.nextBoundary != null) {
            due.remove(new DueKey(entry.nextBoundary, write.customerId()));
        }
        entry.nextBoundary = write.nextBoundary().orElse(null);
        if (entry.nextBoundary != null) {
            due.add(new DueKey(entry.nextBoundary, write.customerId()));
        }
        return WriteResult.APPLIED;
    }

    @Override
    public synchronized List<Due> due(LocalDate day, Optional<Due> after, int limit) {
        Objects.requireNonNull(day, "day");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        NavigableSet<DueKey> candidates = after.isEmpty() ? due
                : due.tailSet(new DueKey(after.get().nextBoundary(), after.get().record().customerId()), false);
        List<Due> page = new ArrayList<>();
        for (DueKey key : candidates) {
            if (key.date().isAfter(day) || page.size() == limit) {
                break;
            }
            page.add(new Due(key.date(), customers.get(key.customerId()).record));
        }
        return List.copyOf(page);
    }

    @Override
    public synchronized void forEachJourney(Consumer<? super Journey> action) {
        Objects.requireNonNull(action, "action");
        for (Entry entry : customers.values()) {
            entry.record.journeys().forEach(action);
        }
    }

    @Override
    public void forEachJournal(Consumer<? super List<FunnelEvent>> action) {
        Objects.requireNonNull(action, "action");
        List<List<FunnelEvent>> journals = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : customers.values()) {
                journals.add(List.copyOf(entry.journal.values()));
            }
        }
        // Outside the lock: the action may read the store.
        journals.forEach(action);
    }

    @Override
    public synchronized List<Journey> startedOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<Journey> out = new ArrayList<>();
        for (Entry entry : customers.values()) {
            Journey current = entry.record.current();
            if (day.equals(current.startDate())) {
                out.add(current);
            }
        }
        out.sort(Comparator.comparing(Journey::customerId));
        return List.copyOf(out);
    }

    @Override
    public synchronized List<String> seat(List<Seat> wanted, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        List<String> out = new ArrayList<>(wanted.size());
        for (Seat seat : wanted) {
            SeatKey key = new SeatKey(seat.customerId(), seat.journey());
            String held = seats.get(key);
            if (held == null) {
                GroupRow open = openGroups.get(seat.groupPrefix());
                if (open == null || open.seats >= capacity) {
                    int sequence = open == null ? 1 : open.sequence + 1;
                    open = new GroupRow(seat.groupPrefix() + "-" + sequence, seat.cohort(), seat.startDate(),
                            sequence);
                    groups.put(open.groupId, open);
                    openGroups.put(seat.groupPrefix(), open);
                }
                open.seats++;
                held = open.groupId;
                seats.put(key, held);
            }
            out.add(held);
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized List<Group> groups(LocalDate firstStartDate, LocalDate lastStartDate) {
        Objects.requireNonNull(firstStartDate, "firstStartDate");
        Objects.requireNonNull(lastStartDate, "lastStartDate");
        List<Group> out = new ArrayList<>();
        for (GroupRow row : groups.values()) {
            if (!row.startDate.isBefore(firstStartDate) && !row.startDate.isAfter(lastStartDate)) {
                out.add(row.group());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized Map<String, Integer> activeMembers(Collection<String> groupIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : groupIds) {
            counts.put(Objects.requireNonNull(id, "groupId"), 0);
        }
        for (Entry entry : customers.values()) {
            for (Journey journey : entry.record.journeys()) {
                if (journey.stage() != Stage.LEFT && counts.containsKey(journey.groupId())) {
                    counts.merge(journey.groupId(), 1, Integer::sum);
                }
            }
        }
        return Map.copyOf(counts);
    }

    @Override
    public synchronized Optional<LocalDate> advancedThrough() {
        return Optional.ofNullable(advancedThrough);
    }

    @Override
    public synchronized boolean claimAdvance(String owner, LocalDate day, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(day, "day");
        requirePositive(lease);
        Instant now = Instant.now();
        if (leaseOwner == null || leaseOwner.equals(owner) || !now.isBefore(leaseUntil)) {
            leaseOwner = owner;
            leaseUntil = now.plus(lease);
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean renewAdvance(String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        requirePositive(lease);
        if (!owner.equals(leaseOwner)) {
            return false;
        }
        leaseUntil = Instant.now().plus(lease);
        return true;
    }

    @Override
    public synchronized boolean finishAdvance(String owner, Crossing crossing) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(crossing, "crossing");
        if (!owner.equals(leaseOwner)) {
            return false;
        }
        crossings.add(crossing);
        if (advancedThrough == null || crossing.day().isAfter(advancedThrough)) {
            advancedThrough = crossing.day();
        }
        leaseOwner = null;
        leaseUntil = null;
        return true;
    }

    @Override
    public synchronized void releaseAdvance(String owner) {
        if (Objects.requireNonNull(owner, "owner").equals(leaseOwner)) {
            leaseOwner = null;
            leaseUntil = null;
        }
    }

    @Override
    public synchronized List<Crossing> crossings() {
        return List.copyOf(crossings);
    }

    private static void requirePositive(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease lasts more than zero, got " + lease);
        }
    }

    @Override
    public synchronized String toString() {
        return "FunnelStore.inMemory[" + customers.size() + " customers, advanced through " + advancedThrough + "]";
    }
}
