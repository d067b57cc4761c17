package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

import java.util.stream.Collectors;

/**
 * No proposal of an action was vetoed: {@code Expected OFFER_PRODUCT to be vetoed, but nothing was vetoed.}, or
 * {@code ... but only INVITE_TO_GROUP was.}, naming the actions that were.
 */
public final class ShouldHaveVetoed extends DecisionErrorMessageFactory {

    private ShouldHaveVetoed(Decision decision, String action) {
        super(decision, "Expected %s to be vetoed, but %s.", action, vetoed(decision));
    }

    private static String vetoed(Decision decision) {
        if (decision.vetoed().isEmpty()) {
            return "nothing was vetoed";
        }
        return "only " + decision.vetoed().stream().map(v -> v.proposal().getAction()).distinct()
                .collect(Collectors.joining(", ")) + " " + (decision.vetoed().size() == 1 ? "was" : "were");
    }

    /**
     * @param decision the decision, not null
     * @param action   the action expected to be vetoed, e.g. {@code OFFER_PRODUCT}
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveVetoed(Decision decision, String action) {
        return new ShouldHaveVetoed(decision, action);
    }
}
