package io.siyu.rules.spring;

import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A funnel store that counts the events written into its journal ({@link SiyuRulesMetrics#recorded}) and otherwise
 * passes every call through. An event reaches the journal once, in a write the store applied: a duplicate is never
 * written again, and a write refused on a version conflict is retried by the funnel, then counted. Thread-safe as
 * the store it wraps.
 */
final class MeteredFunnelStore implements FunnelStore {
    private final FunnelStore store;
    private final SiyuRulesMetrics metrics;

    MeteredFunnelStore(FunnelStore store, SiyuRulesMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public List<WriteResult> write(List<Write> writes) {
        List<WriteResult> results = store.write(writes);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == WriteResult.APPLIED) {
                writes.get(i).appended().forEach(metrics::recorded);
            }
        }
        return results;
    }

    @Override
    public Optional<CustomerRecord> read(String customerId) {
        return store.read(customerId);
    }

    @Override
    public Map<String, CustomerRecord> readAll(Collection<String> customerIds) {
        return store.readAll(customerIds);
    }

    @Override
    public List<FunnelEvent> journal(String customerId) {
        return store.journal(customerId);
    }

    @Override
    public Set<EventKey> recorded(Collection<EventKey> keys) {
        return store.recorded(keys);
    }

    @Override
    public List<Due> due(LocalDate day, Optional<Due> after, int limit) {
        return store.due(day, after, limit);
    }

    @Override
    public void forEachJourney(Consumer<? super Journey> action) {
        store.forEachJourney(action);
    }

    @Override
    public List<Journey> startedOn(LocalDate day) {
        return store.startedOn(day);
    }

    @Override
    public List<String> seat(List<Seat> seats, int capacity) {
        return store.seat(seats, capacity);
    }

    @Override
    public List<Group> groups(LocalDate firstStartDate, LocalDate lastStartDate) {
        return store.groups(firstStartDate, lastStartDate);
    }

    @Override
    public Map<String, Integer> activeMembers(Collection<String> groupIds) {
        return store.activeMembers(groupIds);
    }

    @Override
    public Optional<LocalDate> advancedThrough() {
        return store.advancedThrough();
    }

    @Override
    public boolean claimAdvance(String owner, LocalDate day, Duration lease) {
        return store.claimAdvance(owner, day, lease);
    }

    @Override
    public boolean renewAdvance(String owner, Duration lease) {
        return store.renewAdvance(owner, lease);
    }

    @Override
    public boolean finishAdvance(String owner, Crossing crossing) {
        return store.finishAdvance(owner, crossing);
    }

    @Override
    public void releaseAdvance(String owner) {
        store.releaseAdvance(owner);
    }

    @Override
    public List<Crossing> crossings() {
        return store.crossings();
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
