package io.siyu.rules.decision;

/**
 * The consequence helper of the {@code propose} phase, available in rule files as the global
 * {@code actions}: {@code actions.propose("OFFER_PRODUCT", "acne.offer", 90, "urgent acne need");}
 * The library makes one per decision, used by the one thread that decides; rule authors and hosts
 * never implement it.
 */
public interface Actions {

    /**
     * Proposes an action with the script to send.
     *
     * @param action   the action name, e.g. {@code OFFER_PRODUCT}; not null
     * @param scriptId the script id in {@code scripts.json}; not null
     * @param priority the priority; the highest surviving proposal wins
     * @param reason   why, shown in the decision's explanation; not null
     * @throws IllegalStateException when called outside the {@code propose} and {@code content} phases
     */
    void propose(String action, String scriptId, int priority, String reason);

    /**
     * Proposes an action that sends no message (e.g. {@code WAIT}, {@code TAG_FOR_REVIEW}).
     *
     * @throws IllegalStateException when called outside the {@code propose} and {@code content} phases
     */
    void propose(String action, int priority, String reason);
}
