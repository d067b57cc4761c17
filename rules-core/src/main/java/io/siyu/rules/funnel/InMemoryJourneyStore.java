package io.siyu.rules.funnel;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A thread-safe {@link JourneyStore} in memory, on a {@link ConcurrentHashMap}: journeys are lost with the
 * JVM. Iteration ({@link #forEach}, {@link #stream}) is weakly consistent and in no particular order.
 */
public final class InMemoryJourneyStore implements JourneyStore {
    private final ConcurrentHashMap<String, Journey> journeys;

    private InMemoryJourneyStore(int expectedSize) {
        this.journeys = new ConcurrentHashMap<>(expectedSize);
    }

    /**
     * An empty store.
     *
     * @return the store
     */
    public static InMemoryJourneyStore create() {
        return new InMemoryJourneyStore(16);
    }

    /**
     * An empty store sized for about {@code expectedSize} journeys (it grows past that as needed).
     *
     * @param expectedSize the expected number of journeys, 0 or more
     * @return the store
     * @throws IllegalArgumentException when {@code expectedSize} is negative
     */
    public static InMemoryJourneyStore withExpectedSize(int expectedSize) {
        return new InMemoryJourneyStore(expectedSize);
    }

    @Override
    public Optional<Journey> get(String customerId) {
        return Optional.ofNullable(journeys.get(Objects.requireNonNull(customerId, "customerId")));
    }

    @Override
    public void put(Journey journey) {
        journeys.put(journey.customerId(), journey);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code update} returns a journey of another customer (nothing
     *                                  changes)
     */
    @Override
    public Journey update(String customerId, UnaryOperator<Journey> update) {
        Objects.requireNonNull(update, "update");
        return journeys.compute(Objects.requireNonNull(customerId, "customerId"), (id, current) -> {
            Journey next = Objects.requireNonNull(update.apply(current), "update result");
            if (!next.customerId().equals(id)) {
                throw new IllegalArgumentException("update changed the customer id " + id + " to "
                        + next.customerId());
            }
            return next;
        });
    }

    @Override
    public void updateAll(UnaryOperator<Journey> update) {
        Objects.requireNonNull(update, "update");
        // Iterating the values allocates nothing per journey (entry iteration would); only changed
        // journeys touch the map.
        for (Journey current : journeys.values()) {
            Journey next = update.apply(current);
            if (next != current && !journeys.replace(current.customerId(), current, next)) {
                // Changed concurrently (an event was recorded meanwhile): apply to the newer journey.
                update(current.customerId(), update);
            }
        }
    }

    @Override
    public void forEach(Consumer<? super Journey> action) {
        journeys.values().forEach(action);
    }

    @Override
    public Stream<Journey> stream() {
        return journeys.values().stream();
    }

    @Override
    public int size() {
        return journeys.size();
    }
}
