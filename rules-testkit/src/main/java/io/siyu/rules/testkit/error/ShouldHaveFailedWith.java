package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/**
 * The decision failed for another reason: {@code Expected the failure to mention "loop" but it was: } and the
 * failure as it is (it is a sentence of its own, so no full stop is added).
 */
public final class ShouldHaveFailedWith extends DecisionErrorMessageFactory {

    private ShouldHaveFailedWith(Decision decision, String fragment) {
        super(decision, "Expected the failure to mention %s but it was: %s", Words.quoted(fragment),
                decision.failure().orElse(""));
    }

    /**
     * @param decision the decision, not null, that failed
     * @param fragment the text expected in its failure
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveFailedWith(Decision decision, String fragment) {
        return new ShouldHaveFailedWith(decision, fragment);
    }
}
