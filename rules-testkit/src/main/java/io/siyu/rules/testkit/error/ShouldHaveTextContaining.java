package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/**
 * The rendered text lacks a fragment: {@code Expected the text to contain "高姿净痘精华" but it was "亲，……".}, or
 * {@code ... but it was empty.}
 */
public final class ShouldHaveTextContaining extends DecisionErrorMessageFactory {

    private ShouldHaveTextContaining(Decision decision, String fragment) {
        super(decision, "Expected the text to contain %s but it was %s.", Words.quoted(fragment),
                decision.text().isEmpty() ? "empty" : Words.quoted(decision.text()));
    }

    /**
     * @param decision the decision, not null
     * @param fragment the text expected in the rendered script
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveTextContaining(Decision decision, String fragment) {
        return new ShouldHaveTextContaining(decision, fragment);
    }
}
