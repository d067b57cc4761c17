package io.siyu.rules.decision;

/**
 * Maps an intent score to a level: {@code score >= hot} is HOT, {@code score >= warm} is WARM, else COLD.
 * The thresholds of {@code pack.json}. Immutable and thread-safe.
 *
 * @param warm the lowest WARM score
 * @param hot  the lowest HOT score; greater than {@code warm}
 */
public record IntentThresholds(int warm, int hot) {

    /** The defaults: WARM from 30 points, HOT from 60. */
    public static final IntentThresholds DEFAULT = new IntentThresholds(30, 60);

    /**
     * Thresholds.
     *
     * @param warm the lowest WARM score; may be negative
     * @param hot  the lowest HOT score
     * @throws IllegalArgumentException when {@code hot} is not greater than {@code warm}
     */
    public IntentThresholds {
        if (hot <= warm) {
            throw new IllegalArgumentException("the hot threshold (" + hot + ") must be above the warm threshold ("
                    + warm + ")");
        }
    }

    /**
     * The level of a score.
     *
     * @param score the intent score; any value
     * @return {@link IntentLevel#HOT} from {@link #hot()}, {@link IntentLevel#WARM} from {@link #warm()},
     *         else {@link IntentLevel#COLD}
     */
    public IntentLevel levelOf(int score) {
        return score >= hot ? IntentLevel.HOT : score >= warm ? IntentLevel.WARM : IntentLevel.COLD;
    }
}
