package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

import java.util.List;

/** Some rules fired that should not have: {@code Expected rule "克制：需求未明确不推产品" not to fire, but it did.} */
public final class ShouldNotHaveFired extends DecisionErrorMessageFactory {

    private ShouldNotHaveFired(Decision decision, List<String> fired) {
        super(decision, "Expected %s %s not to fire, but %s did.", Words.counted("rule", fired), Words.quoted(fired),
                Words.itOrThey(fired));
    }

    /**
     * @param decision the decision, not null
     * @param fired    the rules expected not to fire that did, not empty
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldNotHaveFired(Decision decision, List<String> fired) {
        return new ShouldNotHaveFired(decision, fired);
    }
}
