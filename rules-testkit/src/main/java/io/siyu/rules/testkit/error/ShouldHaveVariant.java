package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** The customer got another A/B variant, or none: {@code Expected variant a but was b.} / {@code (no variant)}. */
public final class ShouldHaveVariant extends DecisionErrorMessageFactory {

    private ShouldHaveVariant(Decision decision, String expected) {
        super(decision, "Expected variant %s but was %s.", expected, decision.variantId().orElse("(no variant)"));
    }

    /**
     * @param decision the decision, not null
     * @param expected the variant id expected
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveVariant(Decision decision, String expected) {
        return new ShouldHaveVariant(decision, expected);
    }
}
