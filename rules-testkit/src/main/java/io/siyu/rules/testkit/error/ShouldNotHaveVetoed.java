package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Veto;

/**
 * An action was vetoed when it should not have been: {@code Expected OFFER_PRODUCT not to be vetoed, but
 * 克制：需求未明确不推产品 vetoed it: 需求还不强烈，先不推产品.}
 */
public final class ShouldNotHaveVetoed extends DecisionErrorMessageFactory {

    private ShouldNotHaveVetoed(Decision decision, String action, Veto veto) {
        super(decision, "Expected %s not to be vetoed, but %s vetoed it: %s.", action, veto.rule(), veto.reason());
    }

    /**
     * @param decision the decision, not null
     * @param action   the action expected not to be vetoed
     * @param veto     a veto of a proposal of {@code action}: the one the message names
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldNotHaveVetoed(Decision decision, String action, Veto veto) {
        return new ShouldNotHaveVetoed(decision, action, veto);
    }
}
