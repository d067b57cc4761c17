package io.siyu.rules.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * the level. One object per decision, used by one thread.
 */
public final class Intent {
    private final RuleTrace trace;
    private final List<Evidence> evidence = new ArrayList<>();
    private int score;
    private IntentLevel level = IntentLevel.COLD;
    private boolean settled;

    Intent(RuleTrace trace) {
        this.trace = trace;
    }

    /**
     * Adds evidence (a consequence helper): {@code intent.add(30, "asked the price")}.
     *
     * @param points the points; negative points lower the score
     * @param reason why, as the rule author wants it shown in the decision's explanation
     */
    public void add(int points, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (settled) {
            throw new IllegalStateException("intent evidence can only be added in the \"intent\" phase; rule \""
                    + trace.current() + "\" added it later");
        }
        evidence.add(new Evidence(points, reason, trace.current()));
        score += points;
    }

    void settle(IntentThresholds thresholds) {
        level = thresholds.levelOf(score);
        settled = true;
    }

    /** The total of the evidence's points. */
    public int getScore() {
        return score;
    }

    /** The level the pack's thresholds give the score. */
    public IntentLevel getLevel() {
        return level;
    }

    /** Whether the level is {@link IntentLevel#HOT}: {@code Intent( hot )}. */
    public boolean isHot() {
        return level == IntentLevel.HOT;
    }

    /** Whether the level is {@link IntentLevel#WARM}. */
    public boolean isWarm() {
        return level == IntentLevel.WARM;
    }

    /** Whether the level is {@link IntentLevel#COLD}. */
    public boolean isCold() {
        return level == IntentLevel.COLD;
    }

    /** The evidence, in the order it was added. */
    public List<Evidence> getEvidence() {
        return List.copyOf(evidence);
    }

    @Override
    public String toString() {
        return "Intent[" + level + ", score " + score + "]";
    }
}
