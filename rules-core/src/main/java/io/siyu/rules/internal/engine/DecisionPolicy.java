package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.Policy;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.Veto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link Policy} of one decision: records vetoes against the proposals of the propose phase. */
final class DecisionPolicy implements Policy {
    private final RuleTrace trace;
    private final Map<Proposal, Veto> vetoes = new LinkedHashMap<>();
    private List<Proposal> proposals = List.of();
    private boolean open;

    DecisionPolicy(RuleTrace trace) {
        this.trace = trace;
    }

    /** Opens the policy phase over the proposals it may veto. */
    void open(List<Proposal> proposals) {
        this.proposals = proposals;
        this.open = true;
    }

    /** A veto outside the policy phase would be lost without a word: refuse it, naming the rule. */
    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("proposals can only be vetoed in the \"policy\" phase; rule \""
                    + trace.current() + "\" vetoed in another phase");
        }
    }

    @Override
    public void veto(Proposal proposal, String reason) {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(reason, "reason");
        checkOpen();
        vetoes.putIfAbsent(proposal, new Veto(proposal, reason, trace.current()));
    }

    @Override
    public void veto(String action, String reason) {
        // Both checked up front, so that a null reason fails whether or not a proposal matches.
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        checkOpen();
        for (Proposal p : proposals) {
            if (p.getAction().equals(action)) {
                veto(p, reason);
            }
        }
    }

    @Override
    public void vetoMessages(String reason) {
        Objects.requireNonNull(reason, "reason");
        checkOpen();
        for (Proposal p : proposals) {
            if (!p.getScriptId().isEmpty()) {
                veto(p, reason);
            }
        }
    }

    boolean isVetoed(Proposal p) {
        return vetoes.containsKey(p);
    }

    List<Veto> vetoes() {
        return new ArrayList<>(vetoes.values());
    }
}
