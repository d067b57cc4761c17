package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.testkit.error.DecisionErrorMessageFactory;

import java.util.Optional;

import static io.siyu.rules.testkit.error.ShouldHaveAction.shouldHaveAction;
import static io.siyu.rules.testkit.error.ShouldHaveIntent.shouldHaveIntent;
import static io.siyu.rules.testkit.error.ShouldHaveUsedScript.shouldHaveUsedScript;

/**
 * The checks that both {@link AbstractDecisionAssert} and {@link RuleCases} make, so that a case table and an
 * assertion agree on what matches: each gives how the decision differs from what was expected, or nothing when
 * it matches. The assertions throw the message; case tables list the {@link DecisionErrorMessageFactory#summary()
 * summaries} of a row's mismatches above one explanation.
 */
final class Expectations {
    private Expectations() {
    }

    /** {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.} */
    static Optional<String> action(String expected, Decision d) {
        return actionMismatch(expected, d).map(DecisionErrorMessageFactory::summary);
    }

    /** {@code Expected script acne.offer but was acne.light.} */
    static Optional<String> script(String expected, Decision d) {
        return scriptMismatch(expected, d).map(DecisionErrorMessageFactory::summary);
    }

    /** {@code Expected intent HOT but was COLD (score 20).} */
    static Optional<String> intent(IntentLevel expected, Decision d) {
        return intentMismatch(expected, d).map(DecisionErrorMessageFactory::summary);
    }

    static Optional<DecisionErrorMessageFactory> actionMismatch(String expected, Decision d) {
        return d.action().equals(expected) ? Optional.empty() : Optional.of(shouldHaveAction(d, expected));
    }

    static Optional<DecisionErrorMessageFactory> scriptMismatch(String expected, Decision d) {
        return d.scriptId().equals(Optional.of(expected)) ? Optional.empty()
                : Optional.of(shouldHaveUsedScript(d, expected));
    }

    static Optional<DecisionErrorMessageFactory> intentMismatch(IntentLevel expected, Decision d) {
        return d.intent() == expected ? Optional.empty() : Optional.of(shouldHaveIntent(d, expected));
    }
}
