package io.siyu.rules.decision;

/**
 * The consequence helper of the {@code propose} phase, available in rule files as the global
 * {@code actions}: {@code actions.propose("OFFER_PRODUCT", "acne.offer", 90, "urgent acne need");}
 * (and of the {@code content} phase, which plans a cohort group's day). Each call makes a
 * {@link Proposal} credited to the rule that is firing. The library makes one per decision, used by the
 * one thread that decides (not thread-safe); rule authors and hosts never implement it.
 *
 * <p>Proposals are refused once the phase that collects them has ended, that is from the {@code policy}
 * phase on. The {@code intent} phase runs before and is not refused: a proposal made there counts like
 * one of the {@code propose} phase, so keep proposals in {@code propose} rules.
 */
public interface Actions {

    /**
     * Proposes an action with the script to send.
     *
     * @param action   the action name, e.g. {@code OFFER_PRODUCT}
     * @param scriptId the script id in {@code scripts.json} (checked when the pack loads)
     * @param priority the priority, any value; the highest surviving proposal wins, the earlier proposal
     *                 on a tie
     * @param reason   why, shown in the decision's explanation
     * @throws IllegalStateException when called after the {@code propose} (or {@code content}) phase has
     *                               ended, e.g. from a {@code policy} rule; the decision then fails
     * @throws NullPointerException  when {@code action}, {@code scriptId} or {@code reason} is null
     */
    void propose(String action, String scriptId, int priority, String reason);

    /**
     * Proposes an action that sends no message (e.g. {@code WAIT}, {@code TAG_FOR_REVIEW}): its script id
     * is {@code ""}.
     *
     * @param action   the action name
     * @param priority the priority, any value; the highest surviving proposal wins, the earlier proposal
     *                 on a tie
     * @param reason   why, shown in the decision's explanation
     * @throws IllegalStateException when called after the {@code propose} (or {@code content}) phase has
     *                               ended, e.g. from a {@code policy} rule; the decision then fails
     * @throws NullPointerException  when {@code action} or {@code reason} is null
     */
    void propose(String action, int priority, String reason);
}
