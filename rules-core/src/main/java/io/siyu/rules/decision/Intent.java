package io.siyu.rules.decision;

import java.util.List;

/**
 * The intent strength of the customer being decided: evidence that rules add in the {@code intent}
 * phase, and — from the {@code propose} phase on — the score and the {@link IntentLevel} the pack's
 * thresholds give it.
 *
 * <p>In a rule file it is both the global {@code intent} (to add evidence) and a fact (to match on):
 * <pre>{@code
 * rule "asked the price"  ruleflow-group "intent"
 * when  Customer( asked("多少钱", "怎么买") )
 * then  intent.add(30, "asked the price");
 * end
 *
 * rule "offer when hot"  ruleflow-group "propose"
 * when  Intent( hot )  Customer( has("D") )
 * then  actions.propose("OFFER_PRODUCT", "acne.offer", 90, "urgent acne need");
 * end
 * }</pre>
 * The level is computed once, when the intent phase ends; intent rules add evidence but do not read
 * the level. The library makes one per decision, used by the one thread that decides; rule authors and
 * hosts never implement it.
 */
public interface Intent {

    /**
     * Adds evidence (a consequence helper): {@code intent.add(30, "asked the price")}.
     *
     * @param points the points; negative points lower the score
     * @param reason why, as the rule author wants it shown in the decision's explanation; not null
     * @throws IllegalStateException when called after the {@code intent} phase
     */
    void add(int points, String reason);

    /** The total of the evidence's points. */
    int getScore();

    /** The level the pack's thresholds give the score; {@link IntentLevel#COLD} during the intent phase. */
    IntentLevel getLevel();

    /** Whether the level is {@link IntentLevel#HOT}: {@code Intent( hot )}. */
    default boolean isHot() {
        return getLevel() == IntentLevel.HOT;
    }

    /** Whether the level is {@link IntentLevel#WARM}. */
    default boolean isWarm() {
        return getLevel() == IntentLevel.WARM;
    }

    /** Whether the level is {@link IntentLevel#COLD}. */
    default boolean isCold() {
        return getLevel() == IntentLevel.COLD;
    }

    /** The evidence, in the order it was added; an immutable copy. */
    List<Evidence> getEvidence();
}
