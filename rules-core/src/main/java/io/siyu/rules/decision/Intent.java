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
 * the level. The library makes one per decision, used by the one thread that decides (not
 * thread-safe); rule authors and hosts never implement it. A cohort group's day plan has an intent too,
 * which nothing reads.
 */
public interface Intent {

    /**
     * Adds evidence (a consequence helper): {@code intent.add(30, "asked the price")}.
     *
     * @param points the points, any value; negative points lower the score
     * @param reason why, as the rule author wants it shown in the decision's explanation
     * @throws IllegalStateException when called after the {@code intent} phase has ended; the decision then
     *                               fails
     * @throws NullPointerException  when {@code reason} is null
     */
    void add(int points, String reason);

    /**
     * The score: {@code Intent( score >= 50 )}.
     *
     * @return the total of the evidence's points so far (final once the intent phase has ended); may be
     *         negative
     */
    int getScore();

    /**
     * The level the pack's thresholds give the score.
     *
     * @return the level; {@link IntentLevel#COLD} until the intent phase has ended
     */
    IntentLevel getLevel();

    /**
     * Whether the level is {@link IntentLevel#HOT}: {@code Intent( hot )}.
     *
     * @return whether {@link #getLevel()} is {@code HOT}
     */
    default boolean isHot() {
        return getLevel() == IntentLevel.HOT;
    }

    /**
     * Whether the level is {@link IntentLevel#WARM}: {@code Intent( warm )}.
     *
     * @return whether {@link #getLevel()} is {@code WARM}
     */
    default boolean isWarm() {
        return getLevel() == IntentLevel.WARM;
    }

    /**
     * Whether the level is {@link IntentLevel#COLD}: {@code Intent( cold )}.
     *
     * @return whether {@link #getLevel()} is {@code COLD}
     */
    default boolean isCold() {
        return getLevel() == IntentLevel.COLD;
    }

    /**
     * The evidence.
     *
     * @return every piece of evidence so far, in the order added; an unmodifiable copy
     */
    List<Evidence> getEvidence();
}
