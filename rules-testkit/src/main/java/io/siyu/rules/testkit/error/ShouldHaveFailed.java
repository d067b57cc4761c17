package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/**
 * The decision was made when it should have failed: {@code Expected the decision to fail but it succeeded with
 * action OFFER_PRODUCT.}
 */
public final class ShouldHaveFailed extends DecisionErrorMessageFactory {

    private ShouldHaveFailed(Decision decision) {
        super(decision, "Expected the decision to fail but it succeeded with action %s.", decision.action());
    }

    /**
     * @param decision the decision, not null, that did not fail
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveFailed(Decision decision) {
        return new ShouldHaveFailed(decision);
    }
}
