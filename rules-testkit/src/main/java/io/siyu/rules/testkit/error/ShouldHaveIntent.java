package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;

/** The intent level is not the expected one: {@code Expected intent HOT but was COLD (score 20).} */
public final class ShouldHaveIntent extends DecisionErrorMessageFactory {

    private ShouldHaveIntent(Decision decision, IntentLevel expected) {
        super(decision, "Expected intent %s but was %s (score %s).", expected, decision.intent(), decision.score());
    }

    /**
     * @param decision the decision, not null
     * @param expected the level expected
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveIntent(Decision decision, IntentLevel expected) {
        return new ShouldHaveIntent(decision, expected);
    }
}
