package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.Evidence;
import io.siyu.rules.decision.Intent;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.IntentThresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link Intent} of one decision: collects evidence until the intent phase ends, then holds the level. */
final class DecisionIntent implements Intent {
    private final RuleTrace trace;
    private final List<Evidence> evidence = new ArrayList<>();
    private int score;
    private IntentLevel level = IntentLevel.COLD;
    private boolean settled;

    DecisionIntent(RuleTrace trace) {
        this.trace = trace;
    }

    @Override
    public void add(int points, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (settled) {
            throw new IllegalStateException("intent evidence can only be added in the \"intent\" phase; rule \""
                    + trace.current() + "\" added it later");
        }
        evidence.add(new Evidence(points, reason, trace.current()));
        score += points;
    }

    /** Ends the intent phase: the score is final and the thresholds give its level. */
    void settle(IntentThresholds thresholds) {
        level = thresholds.levelOf(score);
        settled = true;
    }

    @Override
    public int getScore() {
        return score;
    }

    @Override
    public IntentLevel getLevel() {
        return level;
    }

    @Override
    public List<Evidence> getEvidence() {
        return List.copyOf(evidence);
    }

    @Override
    public String toString() {
        return "Intent[" + level + ", score " + score + "]";
    }
}
