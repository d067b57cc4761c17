package io.siyu.rules.decision;

import java.util.Objects;

/**
 * One piece of intent evidence: points a rule added, and why.
 *
 * @param points the points (negative points lower the score)
 * @param reason why, in the words of the rule author, e.g. "asked the price"
 * @param rule   the name of the rule that added it
 */
public record Evidence(int points, String reason, String rule) {
    public Evidence {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
