package io.siyu.rules.decision;

/**
 * The consequence helper of the {@code policy} phase, available in rule files as the global
 * {@code policy}: {@code policy.veto($p, "intent is not HOT yet");} or, for every proposal of an
 * action, {@code policy.veto("OFFER_PRODUCT", "quiet hours");}. A proposal vetoed twice keeps its
 * first veto; each veto is credited to the rule that is firing. Only the {@code policy} phase has
 * proposals to veto: called earlier, or in a {@code content} rule, these methods veto nothing. The
 * library makes one per decision, used by the one thread that decides (not thread-safe); rule authors
 * and hosts never implement it.
 */
public interface Policy {

    /**
     * Vetoes one proposal.
     *
     * @param proposal the proposal, a {@link Proposal} fact matched by the rule
     * @param reason   why, shown in the decision's explanation
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when called outside the {@code policy} phase (the decision then fails,
     *         naming the rule)
     */
    void veto(Proposal proposal, String reason);

    /**
     * Vetoes every proposal of this action; none when no proposal has it.
     *
     * @param action the action name, e.g. {@code OFFER_PRODUCT}
     * @param reason why, shown in the decision's explanation
     * @throws NullPointerException when an argument is null
     * @throws IllegalStateException when called outside the {@code policy} phase
     */
    void veto(String action, String reason);

    /**
     * Vetoes every proposal that sends a message, that is, has a script (quiet hours, frequency caps).
     *
     * @param reason why, shown in the decision's explanation
     * @throws NullPointerException when {@code reason} is null
     * @throws IllegalStateException when called outside the {@code policy} phase
     */
    void vetoMessages(String reason);
}
