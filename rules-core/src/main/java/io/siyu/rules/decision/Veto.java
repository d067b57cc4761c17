package io.siyu.rules.decision;

import java.util.Objects;

/**
 * A proposal that a policy rule vetoed, and why. Immutable and thread-safe.
 *
 * @param proposal the vetoed proposal
 * @param reason   why, e.g. "quiet hours 22:00–08:00"
 * @param rule     the policy rule that vetoed it
 */
public record Veto(Proposal proposal, String reason, String rule) {
    /**
     * A veto.
     *
     * @param proposal the vetoed proposal
     * @param reason   why
     * @param rule     the policy rule that vetoed it
     * @throws NullPointerException when an argument is null
     */
    public Veto {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * A short form for logs.
     *
     * @return e.g. {@code OFFER_PRODUCT vetoed: intent is not HOT yet [restraint]}
     */
    @Override
    public String toString() {
        return proposal.getAction() + " vetoed: " + reason + " [" + rule + "]";
    }
}
