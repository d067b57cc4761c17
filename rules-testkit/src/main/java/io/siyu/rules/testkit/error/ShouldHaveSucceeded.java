package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** The decision could not be made: {@code Expected the decision to succeed but it failed: } and the failure. */
public final class ShouldHaveSucceeded extends DecisionErrorMessageFactory {

    private ShouldHaveSucceeded(Decision decision) {
        super(decision, "Expected the decision to succeed but it failed: %s.", decision.failure().orElse(""));
    }

    /**
     * @param decision the decision, not null, that failed
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveSucceeded(Decision decision) {
        return new ShouldHaveSucceeded(decision);
    }
}
