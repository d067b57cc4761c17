package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;

import java.util.Optional;

/**
 * The checks that both {@link DecisionAssert} and {@link RuleCases} make, each giving the sentence that
 * says how the decision differs from what was expected, or nothing when it matches.
 */
final class Expectations {
    private Expectations() {
    }

    /** {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.} */
    static Optional<String> action(String expected, Decision d) {
        return d.action().equals(expected) ? Optional.empty()
                : Optional.of("Expected action " + expected + " but was " + d.action() + ".");
    }

    /** {@code Expected script acne.offer but was acne.light.} */
    static Optional<String> script(String expected, Decision d) {
        return d.scriptId().equals(Optional.of(expected)) ? Optional.empty()
                : Optional.of("Expected script " + expected + " but was " + d.scriptId().orElse("(no script)") + ".");
    }

    /** {@code Expected intent HOT but was COLD (score 20).} */
    static Optional<String> intent(IntentLevel expected, Decision d) {
        return d.intent() == expected ? Optional.empty()
                : Optional.of("Expected intent " + expected + " but was " + d.intent() + " (score " + d.score()
                + ").");
    }
}
