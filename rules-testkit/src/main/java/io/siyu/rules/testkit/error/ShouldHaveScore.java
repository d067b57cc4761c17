package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

/** The intent score is not the expected one: {@code Expected intent score 70 but was 20.} */
public final class ShouldHaveScore extends DecisionErrorMessageFactory {

    private ShouldHaveScore(Decision decision, int expected) {
        super(decision, "Expected intent score %s but was %s.", expected, decision.score());
    }

    /**
     * @param decision the decision, not null
     * @param expected the score expected
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveScore(Decision decision, int expected) {
        return new ShouldHaveScore(decision, expected);
    }
}
