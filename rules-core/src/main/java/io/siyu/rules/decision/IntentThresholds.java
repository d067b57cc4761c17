package io.siyu.rules.decision;

/**
 * Maps an intent score to a level: {@code score >= hot} is HOT, {@code score >= warm} is WARM, else COLD.
 *
 * @param warm the lowest WARM score
 * @param hot  the lowest HOT score; greater than {@code warm}
 */
public record IntentThresholds(int warm, int hot) {

    /** The defaults: WARM from 30 points, HOT from 60. */
    public static final IntentThresholds DEFAULT = new IntentThresholds(30, 60);

    public IntentThresholds {
        if (hot <= warm) {
            throw new IllegalArgumentException("the hot threshold (" + hot + ") must be above the warm threshold ("
                    + warm + ")");
        }
    }

    /** The level of a score. */
    public IntentLevel levelOf(int score) {
        return score >= hot ? IntentLevel.HOT : score >= warm ? IntentLevel.WARM : IntentLevel.COLD;
    }
}
