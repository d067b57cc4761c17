package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.Proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Actions} of one decision (or one group day): collects proposals while its phase is open
 * ({@code propose}, or {@code content} for a group day) and refuses them before and after, so that a rule
 * of another phase cannot slip a proposal past the phases' order.
 */
final class DecisionActions implements Actions {
    private final RuleTrace trace;
    private final List<Proposal> proposals = new ArrayList<>();
    private boolean open;

    DecisionActions(RuleTrace trace) {
        this.trace = trace;
    }

    @Override
    public void propose(String action, String scriptId, int priority, String reason) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(reason, "reason");
        if (!open) {
            throw new IllegalStateException("actions can only be proposed in the \"propose\" phase (or the "
                    + "\"content\" phase of a group day); rule \"" + trace.current() + "\" proposed " + action
                    + " in another phase");
        }
        proposals.add(new Proposal(action, scriptId, priority, reason, trace.current(), proposals.size()));
    }

    @Override
    public void propose(String action, int priority, String reason) {
        propose(action, "", priority, reason);
    }

    /** Opens the phase in which proposals are made. */
    void open() {
        open = true;
    }

    /** Ends the phase: later proposals are refused. */
    List<Proposal> close() {
        open = false;
        return List.copyOf(proposals);
    }
}
