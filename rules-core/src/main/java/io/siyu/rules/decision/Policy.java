package io.siyu.rules.decision;

/**
 * The consequence helper of the {@code policy} phase, available in rule files as the global
 * {@code policy}: {@code policy.veto($p, "intent is not HOT yet");} or, for every proposal of an
 * action, {@code policy.veto("OFFER_PRODUCT", "quiet hours");}. A proposal vetoed twice keeps its
 * first veto. The library makes one per decision, used by the one thread that decides; rule authors
 * and hosts never implement it.
 */
public interface Policy {

    /** Vetoes one proposal, with the reason shown in the decision's explanation; neither may be null. */
    void veto(Proposal proposal, String reason);

    /** Vetoes every proposal of this action; neither argument may be null. */
    void veto(String action, String reason);

    /** Vetoes every proposal that sends a message (quiet hours, frequency caps). */
    void vetoMessages(String reason);
}
