package io.siyu.rules.decision;

import java.util.Objects;

/**
 * One piece of intent evidence: points a rule added, and why. Immutable and thread-safe.
 *
 * @param points the points (negative points lower the score)
 * @param reason why, in the words of the rule author, e.g. "asked the price"
 * @param rule   the name of the rule that added it
 */
public record Evidence(int points, String reason, String rule) {
    /**
     * Evidence, as {@code intent.add(points, reason)} records it.
     *
     * @param points the points; may be negative
     * @param reason why
     * @param rule   the name of the rule that added it
     * @throws NullPointerException when {@code reason} or {@code rule} is null
     */
    public Evidence {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
