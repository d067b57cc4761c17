package io.siyu.rules.internal.compile;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule may fire, from its {@code date-effective} and {@code date-expires} attributes, in the pack's
 * local time: from {@code effective} (inclusive) until {@code expires} (exclusive), as Drools reads these
 * attributes ({@code date-expires "31-Dec-2026"} stops the rule at 00:00 on 31 December). The decision
 * compares them with its own clock (never the computer's), in the pack's timezone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param effective the first moment the rule fires, or empty for "from the start"
 * @param expires   the first moment it no longer fires, or empty for "never expires"
 */
public record RuleDates(Optional<LocalDateTime> effective, Optional<LocalDateTime> expires) {
    /**
     * @throws NullPointerException when an argument is null
     */
    public RuleDates {
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(expires, "expires");
    }

    /**
     * Whether the rule may fire at this moment.
     *
     * @param at a local date-time in the pack's timezone; not null
     * @return whether {@code at} is on or after {@code effective} and before {@code expires}
     */
    public boolean contains(LocalDateTime at) {
        return effective.map(e -> !at.isBefore(e)).orElse(true) && expires.map(at::isBefore).orElse(true);
    }
}
