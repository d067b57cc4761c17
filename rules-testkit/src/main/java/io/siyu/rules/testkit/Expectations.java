package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.testkit.error.DecisionErrorMessageFactory;

import java.util.Optional;

import static io.siyu.rules.testkit.error.ShouldHaveAction.shouldHaveAction;
import static io.siyu.rules.testkit.error.ShouldHaveIntent.shouldHaveIntent;
import static io.siyu.rules.testkit.error.ShouldHaveUsedScript.shouldHaveUsedScript;

/**
 * The checks of {@link AbstractDecisionAssert} on a decision's action, script and intent: each gives how the
 * decision differs from what was expected, or nothing when it matches. Case tables are checked in rules-core
 * ({@code io.siyu.rules.cases.CaseRunner}), in the same English sentences (a test holds the two together).
 */
final class Expectations {
    private Expectations() {
    }

    /** {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.} */
    static Optional<DecisionErrorMessageFactory> actionMismatch(String expected, Decision d) {
        return d.action().equals(expected) ? Optional.empty() : Optional.of(shouldHaveAction(d, expected));
    }

    /** {@code Expected script acne.offer but was acne.light.} */
    static Optional<DecisionErrorMessageFactory> scriptMismatch(String expected, Decision d) {
        return d.scriptId().equals(Optional.of(expected)) ? Optional.empty()
                : Optional.of(shouldHaveUsedScript(d, expected));
    }

    /** {@code Expected intent HOT but was COLD (score 20).} */
    static Optional<DecisionErrorMessageFactory> intentMismatch(IntentLevel expected, Decision d) {
        return d.intent() == expected ? Optional.empty() : Optional.of(shouldHaveIntent(d, expected));
    }
}
