package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** The decision sends a script when none was expected: {@code Expected no script but was acne.offer.} */
public final class ShouldHaveUsedNoScript extends DecisionErrorMessageFactory {

    private ShouldHaveUsedNoScript(Decision decision, String script) {
        super(decision, "Expected no script but was %s.", script);
    }

    /**
     * @param decision the decision, not null
     * @param script   the script it sends
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveUsedNoScript(Decision decision, String script) {
        return new ShouldHaveUsedNoScript(decision, script);
    }
}
