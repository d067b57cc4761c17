package io.siyu.rules.decision;

import java.util.Objects;

/**
 * A proposal that a policy rule vetoed, and why.
 *
 * @param proposal the vetoed proposal
 * @param reason   why, e.g. "quiet hours 22:00–08:00"
 * @param rule     the policy rule that vetoed it
 */
public record Veto(Proposal proposal, String reason, String rule) {
    public Veto {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String toString() {
        return proposal.getAction() + " vetoed: " + reason + " [" + rule + "]";
    }
}
