package io.siyu.rules.funnel;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where a {@link Funnel} keeps one {@link Journey} per customer. Implementations must be thread-safe:
 * {@link #update} atomic per customer, {@link #updateAll} atomic per journey.
 * {@link InMemoryJourneyStore} is the default; a host may back it with its own database.
 */
public interface JourneyStore {

    /** The journey of a customer, if there is one. */
    Optional<Journey> get(String customerId);

    /** Stores a journey, replacing the customer's previous one. */
    void put(Journey journey);

    /**
     * Atomically replaces the journey of a customer with {@code update(current)}, where
     * {@code current} is null when the customer has none. If {@code update} throws, nothing changes.
     *
     * @return the stored journey
     */
    Journey update(String customerId, UnaryOperator<Journey> update);

    /**
     * Replaces every journey {@code j} with {@code update(j)}. Called over all journeys once a day, so
     * implementations should not allocate for journeys that {@code update} returns unchanged (the same
     * instance).
     */
    void updateAll(UnaryOperator<Journey> update);

    /** Calls {@code action} for every journey, in no particular order. */
    void forEach(Consumer<? super Journey> action);

    /** All journeys, in no particular order. */
    Stream<Journey> stream();

    /** How many journeys are stored. */
    int size();
}
