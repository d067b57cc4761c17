package io.siyu.rules.decision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The consequence helper of the {@code policy} phase, available in rule files as the global
 * {@code policy}: {@code policy.veto($p, "intent is not HOT yet");} or, for every proposal of an
 * action, {@code policy.veto("OFFER_PRODUCT", "quiet hours");}. A proposal vetoed twice keeps its
 * first veto. One object per decision, used by one thread.
 */
public final class Policy {
    private final RuleTrace trace;
    private final Map<Proposal, Veto> vetoes = new LinkedHashMap<>();
    private List<Proposal> proposals = List.of();

    Policy(RuleTrace trace) {
        this.trace = trace;
    }

    void open(List<Proposal> proposals) {
        this.proposals = proposals;
    }

    /** Vetoes one proposal, with the reason shown in the decision's explanation. */
    public void veto(Proposal proposal, String reason) {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(reason, "reason");
        vetoes.putIfAbsent(proposal, new Veto(proposal, reason, trace.current()));
    }

    /** Vetoes every proposal of this action. */
    public void veto(String action, String reason) {
        Objects.requireNonNull(action, "action");
        for (Proposal p : proposals) {
            if (p.getAction().equals(action)) {
                veto(p, reason);
            }
        }
    }

    /** Vetoes every proposal that sends a message (quiet hours, frequency caps). */
    public void vetoMessages(String reason) {
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
