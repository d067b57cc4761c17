package io.siyu.rules.funnel;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where a {@link Funnel} keeps one {@link Journey} per customer, keyed by {@link Journey#customerId()}.
 * Implementations must be thread-safe: {@link #update} atomic per customer, {@link #updateAll} atomic per
 * journey. {@link InMemoryJourneyStore} is the default; a host may back it with its own database.
 *
 * <p>Implementations follow the package's conventions: null arguments throw
 * {@link NullPointerException}, and nothing returns null.
 */
public interface JourneyStore {

    /**
     * The journey of a customer.
     *
     * @param customerId the customer id
     * @return the journey; empty when the store has none for the customer
     * @throws NullPointerException when {@code customerId} is null
     */
    Optional<Journey> get(String customerId);

    /**
     * Stores a journey, replacing the customer's previous one.
     *
     * @param journey the journey
     * @throws NullPointerException when {@code journey} is null
     */
    void put(Journey journey);

    /**
     * Atomically replaces the journey of a customer with {@code update(current)}, where
     * {@code current} is null when the customer has none. If {@code update} throws, nothing changes and
     * the exception reaches the caller.
     *
     * @param customerId the customer id
     * @param update     the change; must return a journey of the same customer, not null
     * @return the stored journey
     * @throws NullPointerException when an argument is null, or {@code update} returns null
     */
    Journey update(String customerId, UnaryOperator<Journey> update);

    /**
     * Replaces every journey {@code j} with {@code update(j)}. Called over all journeys once a day, so
     * implementations should not allocate for journeys that {@code update} returns unchanged (the same
     * instance). A journey changed concurrently is updated from its newer value.
     *
     * @param update the change, applied to each journey; must return a journey of the same customer
     * @throws NullPointerException when {@code update} is null, or returns null
     */
    void updateAll(UnaryOperator<Journey> update);

    /**
     * Calls {@code action} for every journey, in no particular order, on the calling thread.
     *
     * @param action what to do with each journey
     * @throws NullPointerException when {@code action} is null
     */
    void forEach(Consumer<? super Journey> action);

    /**
     * All journeys, in no particular order.
     *
     * @return a stream over the journeys
     */
    Stream<Journey> stream();

    /**
     * How many journeys are stored.
     *
     * @return the number of journeys
     */
    int size();
}
