package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/**
 * The decision sends another script, or none: {@code Expected script acne.offer but was acne.light.}, or
 * {@code ... but was (no script).}
 */
public final class ShouldHaveUsedScript extends DecisionErrorMessageFactory {

    private ShouldHaveUsedScript(Decision decision, String expected) {
        super(decision, "Expected script %s but was %s.", expected, decision.scriptId().orElse("(no script)"));
    }

    /**
     * @param decision the decision, not null
     * @param expected the script id expected, e.g. {@code acne.offer}
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveUsedScript(Decision decision, String expected) {
        return new ShouldHaveUsedScript(decision, expected);
    }
}
