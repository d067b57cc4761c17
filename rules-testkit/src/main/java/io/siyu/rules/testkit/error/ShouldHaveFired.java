package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

import java.util.List;

/**
 * Some rules did not fire: {@code Expected rule "痘痘直接推荐" to fire, but it did not. Fired: 随便了解 → 问了价格.},
 * listing the rules that did fire, in order.
 */
public final class ShouldHaveFired extends DecisionErrorMessageFactory {

    private ShouldHaveFired(Decision decision, List<String> missing) {
        super(decision, "Expected %s %s to fire, but %s did not. Fired: %s.", Words.counted("rule", missing),
                Words.quoted(missing), Words.itOrThey(missing),
                decision.firedRules().isEmpty() ? "(none)" : String.join(" → ", decision.firedRules()));
    }

    /**
     * @param decision the decision, not null
     * @param missing  the rules expected to fire that did not, not empty
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveFired(Decision decision, List<String> missing) {
        return new ShouldHaveFired(decision, missing);
    }
}
