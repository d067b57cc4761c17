package io.siyu.rules.bench;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.Evidence;
import io.siyu.rules.decision.Intent;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.decision.Policy;
import io.siyu.rules.decision.Proposal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The three globals of one plain-Drools decision, written as a team without the library would write them:
 * a score, a list of proposals, a set of vetoed ones. No rule names, no phase checks, no evidence kept.
 * One instance per decision, one thread.
 */
final class PlainGlobals implements Intent, Actions, Policy {
    private int score;
    private IntentLevel level = IntentLevel.COLD;
    private final List<Proposal> proposals = new ArrayList<>();
    private final Set<Proposal> vetoed = new HashSet<>();

    @Override
    public void add(int points, String reason) {
        score += points;
    }

    /** Ends the intent phase: the score becomes a level. */
    void settle(IntentThresholds thresholds) {
        level = thresholds.levelOf(score);
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
        return List.of();
    }

    @Override
    public void propose(String action, String scriptId, int priority, String reason) {
        proposals.add(new Proposal(action, scriptId, priority, reason, "", proposals.size()));
    }

    @Override
    public void propose(String action, int priority, String reason) {
        propose(action, "", priority, reason);
    }

    List<Proposal> proposals() {
        return proposals;
    }

    @Override
    public void veto(Proposal proposal, String reason) {
        vetoed.add(proposal);
    }

    @Override
    public void veto(String action, String reason) {
        for (Proposal p : proposals) {
            if (p.getAction().equals(action)) {
                vetoed.add(p);
            }
        }
    }

    @Override
    public void vetoMessages(String reason) {
        for (Proposal p : proposals) {
            if (!p.getScriptId().isEmpty()) {
                vetoed.add(p);
            }
        }
    }

    boolean isVetoed(Proposal p) {
        return vetoed.contains(p);
    }
}
