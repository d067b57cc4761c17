package io.siyu.rules.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The consequence helper of the {@code propose} phase, available in rule files as the global
 * {@code actions}: {@code actions.propose("OFFER_PRODUCT", "acne.offer", 90, "urgent acne need");}
 * One object per decision, used by one thread.
 */
public final class Actions {
    private final RuleTrace trace;
    private final List<Proposal> proposals = new ArrayList<>();
    private boolean closed;

    Actions(RuleTrace trace) {
        this.trace = trace;
    }

    /**
     * Proposes an action with the script to send.
     *
     * @param action   the action name, e.g. {@code OFFER_PRODUCT}
     * @param scriptId the script id in {@code scripts.json}
     * @param priority the priority; the highest surviving proposal wins
     * @param reason   why, shown in the decision's explanation
     */
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

    /** Proposes an action that sends no message (e.g. {@code WAIT}, {@code TAG_FOR_REVIEW}). */
    public void propose(String action, int priority, String reason) {
        propose(action, "", priority, reason);
    }

    List<Proposal> close() {
        closed = true;
        return List.copyOf(proposals);
    }
}
