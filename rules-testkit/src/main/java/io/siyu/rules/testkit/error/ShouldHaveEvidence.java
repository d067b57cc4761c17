package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Evidence;

import java.util.stream.Collectors;

/**
 * No intent evidence matches: {@code Expected intent evidence "回复了上一条消息" but there was only -10 只是随便了解
 * [随便了解], +30 问了价格或购买方式 [问了价格].}, or {@code ... but there was none.}
 */
public final class ShouldHaveEvidence extends DecisionErrorMessageFactory {

    private ShouldHaveEvidence(Decision decision, String reasonOrRule) {
        super(decision, "Expected intent evidence %s but %s.", Words.quoted(reasonOrRule), present(decision));
    }

    private static String present(Decision decision) {
        return decision.evidence().isEmpty() ? "there was none"
                : "there was only " + decision.evidence().stream().map(ShouldHaveEvidence::show)
                .collect(Collectors.joining(", "));
    }

    /** {@code +30 问了价格或购买方式 [问了价格]}: signed points, reason, rule. */
    private static String show(Evidence e) {
        return (e.points() >= 0 ? "+" : "") + e.points() + " " + e.reason() + " [" + e.rule() + "]";
    }

    /**
     * @param decision     the decision, not null
     * @param reasonOrRule the rule name, or text of a reason, expected among the evidence
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldHaveEvidence(Decision decision, String reasonOrRule) {
        return new ShouldHaveEvidence(decision, reasonOrRule);
    }
}
