package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Veto;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An action was vetoed, but for other reasons: {@code Expected OFFER_PRODUCT to be vetoed because "免打扰时段" but
 * it was vetoed because "需求还不强烈，先不推产品" [克制：需求未明确不推产品].}, each reason with its rule.
 */
public final class ShouldHaveVetoedWithReason extends DecisionErrorMessageFactory {

    private ShouldHaveVetoedWithReason(Decision decision, String action, String reason, List<Veto> vetoes) {
        super(decision, "Expected %s to be vetoed because %s but it was vetoed because %s.", action,
                Words.quoted(reason), vetoes.stream().map(v -> Words.quoted(v.reason()) + " [" + v.rule() + "]")
                        .collect(Collectors.joining(", ")));
    }

    /**
     * @param decision the decision, not null
     * @param action   the action vetoed, e.g. {@code OFFER_PRODUCT}
     * @param reason   the text expected in a veto's reason
     * @param vetoes   the vetoes of proposals of {@code action}, not empty
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveVetoedWithReason(Decision decision, String action,
                                                                         String reason, List<Veto> vetoes) {
        return new ShouldHaveVetoedWithReason(decision, action, reason, vetoes);
    }
}
