package io.siyu.rules.decision;

/**
 * How strongly a customer responds, read from the intent evidence that rules add. The pack's
 * {@code pack.json} thresholds map the score to a level.
 *
 * <p>The Gaozi playbook acts on it: cold → stop at a light touch; warm → keep strengthening the
 * motive; hot → offer the product. Never offer a product before the level is {@code HOT}.
 *
 * <p>The constants are in increasing order of intent, so {@link #compareTo} and {@link #atLeast} compare
 * strength.
 */
public enum IntentLevel {
    /** Little or no response: stop at a light touch (点到为止). */
    COLD,
    /** Some interest: keep awakening the motive, do not push a product yet. */
    WARM,
    /** A clear, strong need: the product may be offered directly. */
    HOT;

    /**
     * Whether this level is at least as strong as another: {@code HOT.atLeast(WARM)} is true.
     *
     * @param other the level to compare with
     * @return whether this level is {@code other} or stronger
     * @throws NullPointerException when {@code other} is null
     */
    public boolean atLeast(IntentLevel other) {
        return compareTo(other) >= 0;
    }
}
