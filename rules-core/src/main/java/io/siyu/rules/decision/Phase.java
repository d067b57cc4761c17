package io.siyu.rules.decision;

import java.util.Optional;

/**
 * The phases of a decision, in the order they run. Each rule names its phase in its rule file with
 * {@code ruleflow-group "intent"} (or {@code "propose"}, {@code "policy"}, {@code "content"}).
 * Arbitration — the highest-priority surviving proposal wins — is done by the library after
 * {@link #POLICY}. A decision runs {@code intent}, {@code propose}, {@code policy}; a cohort group's day
 * plan runs {@code content} alone.
 */
public enum Phase {
    /** Rules add intent evidence: {@code intent.add(points, reason)}. */
    INTENT("intent"),
    /** Rules propose actions for a customer: {@code actions.propose(action, script, priority, reason)}. */
    PROPOSE("propose"),
    /** Rules choose a cohort group's content for a funnel day (matching {@code GroupDay}). */
    CONTENT("content"),
    /** Rules veto proposals: {@code policy.veto($p, reason)}. */
    POLICY("policy");

    private final String groupName;

    Phase(String groupName) {
        this.groupName = groupName;
    }

    /**
     * The {@code ruleflow-group} name used in rule files.
     *
     * @return the lower-case name, e.g. {@code intent}
     */
    public String groupName() {
        return groupName;
    }

    /**
     * The phase of a {@code ruleflow-group} name.
     *
     * @param name the group name, exactly as written (case-sensitive); <strong>null</strong> is no phase
     * @return the phase, or empty when the name is not one
     */
    public static Optional<Phase> ofGroupName(String name) {
        for (Phase p : values()) {
            if (p.groupName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
