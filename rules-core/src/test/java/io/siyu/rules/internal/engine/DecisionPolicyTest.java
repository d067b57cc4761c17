package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.Veto;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The {@code policy} helper of a decision: which proposals a veto reaches, and null reasons. */
class DecisionPolicyTest {
    private static final Proposal OFFER = new Proposal("OFFER_PRODUCT", "acne.offer", 90, "urgent", "offer", 0);
    private static final Proposal WAIT = new Proposal("WAIT", "", 10, "nothing to say", "wait", 1);

    private static DecisionPolicy policyOver(List<Proposal> proposals) {
        RuleTrace trace = new RuleTrace();
        trace.firing("restraint");
        DecisionPolicy policy = new DecisionPolicy(trace);
        policy.open(proposals);
        return policy;
    }

    @Test
    void aVetoReachesEveryProposalOfTheActionOrThatSendsAMessageAndKeepsTheFirstReason() {
        DecisionPolicy policy = policyOver(List.of(OFFER, WAIT));

        policy.veto("OFFER_PRODUCT", "intent is not HOT yet");
        policy.vetoMessages("quiet hours");

        assertThat(policy.vetoes()).containsExactly(new Veto(OFFER, "intent is not HOT yet", "restraint"));
        assertThat(policy.isVetoed(WAIT)).isFalse();
    }

    @Test
    void aNullReasonIsRefusedEvenWhenNoProposalMatches() {
        DecisionPolicy policy = policyOver(List.of(WAIT));

        assertThatNullPointerException().isThrownBy(() -> policy.veto("OFFER_PRODUCT", null));
        assertThatNullPointerException().isThrownBy(() -> policy.vetoMessages(null));
        assertThat(policy.vetoes()).isEmpty();
    }
}
