package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.Proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link Actions} of one decision (or one group day): collects proposals until the phase closes. */
final class DecisionActions implements Actions {
    private final RuleTrace trace;
    private final List<Proposal> proposals = new ArrayList<>();
    private boolean closed;

    DecisionActions(RuleTrace trace) {
        this.trace = trace;
    }

    @Override
    public void propose(String action, String scriptId, int priority, String reason) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(reason, "reason");
        if (closed) {
            throw new IllegalStateException("actions can only be proposed in the \"propose\" phase; rule \""
                    + trace.current() + "\" proposed " + action + " later");
        }
        proposals.add(new Proposal(action, scriptId, priority, reason, trace.current(), proposals.size()));
    }

    @Override
    public void propose(String action, int priority, String reason) {
        propose(action, "", priority, reason);
    }

    /** Ends the phase: later proposals are refused. */
    List<Proposal> close() {
        closed = true;
        return List.copyOf(proposals);
    }
}
