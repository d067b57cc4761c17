package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** The winning action is not the expected one: {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.} */
public final class ShouldHaveAction extends DecisionErrorMessageFactory {

    private ShouldHaveAction(Decision decision, String expected) {
        super(decision, "Expected action %s but was %s.", expected, decision.action());
    }

    /**
     * @param decision the decision, not null
     * @param expected the action expected, e.g. {@code OFFER_PRODUCT}
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveAction(Decision decision, String expected) {
        return new ShouldHaveAction(decision, expected);
    }
}
