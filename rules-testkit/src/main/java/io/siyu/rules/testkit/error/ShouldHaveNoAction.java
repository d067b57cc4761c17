package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** Something is to be done when nothing was expected: {@code Expected no action (NONE) but was OFFER_PRODUCT.} */
public final class ShouldHaveNoAction extends DecisionErrorMessageFactory {

    private ShouldHaveNoAction(Decision decision) {
        super(decision, "Expected no action (%s) but was %s.", Decision.NONE, decision.action());
    }

    /**
     * @param decision the decision, not null, whose action is not {@link Decision#NONE}
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveNoAction(Decision decision) {
        return new ShouldHaveNoAction(decision);
    }
}
