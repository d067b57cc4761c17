package io.siyu.rules.decision;

import java.util.Objects;
import java.util.Optional;

/**
 * An action a rule proposes for the customer, with the script to send, a priority and a reason.
 * Made by {@code actions.propose(...)} in the {@code propose} phase; visible as a fact to the rules of
 * the {@code policy} phase, which may veto it:
 * <pre>{@code
 * rule "restraint: no offer before a strong need"  ruleflow-group "policy"
 * when  $p : Proposal( action == "OFFER_PRODUCT" )  not Intent( hot )
 * then  policy.veto($p, "intent is not HOT yet");
 * end
 * }</pre>
 * Immutable.
 */
public final class Proposal {
    private final String action;
    private final String scriptId;
    private final int priority;
    private final String reason;
    private final String rule;
    private final int sequence;

    /**
     * A proposal, as {@code actions.propose(...)} makes it (or as a decision read back from JSON holds it).
     *
     * @param action   the action name, e.g. {@code OFFER_PRODUCT}; not null
     * @param scriptId the script to send, or {@code ""} for an action without a message; not null
     * @param priority the priority: the highest surviving proposal wins
     * @param reason   why the rule proposed it; not null
     * @param rule     the name of the rule that proposed it; not null
     * @param sequence the order of proposal within its decision, 0 first
     * @throws NullPointerException when a text argument is null
     */
    public Proposal(String action, String scriptId, int priority, String reason, String rule, int sequence) {
        this.action = Objects.requireNonNull(action, "action");
        this.scriptId = Objects.requireNonNull(scriptId, "scriptId");
        this.priority = priority;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.sequence = sequence;
    }

    /** The action name, e.g. {@code OFFER_PRODUCT}. */
    public String getAction() {
        return action;
    }

    /** The script to send, or the empty string for an action without a message. */
    public String getScriptId() {
        return scriptId;
    }

    /** The script to send, if any. */
    public Optional<String> script() {
        return scriptId.isEmpty() ? Optional.empty() : Optional.of(scriptId);
    }

    /** The priority: the highest surviving proposal wins. */
    public int getPriority() {
        return priority;
    }

    /** Why the rule proposed it. */
    public String getReason() {
        return reason;
    }

    /** The rule that proposed it. */
    public String getRule() {
        return rule;
    }

    /** The order of proposal within the decision (0 first); breaks ties between equal priorities. */
    public int getSequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return action + (scriptId.isEmpty() ? "" : " (" + scriptId + ")") + " priority " + priority + " — " + reason
                + " [" + rule + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal p && action.equals(p.action) && scriptId.equals(p.scriptId)
                && priority == p.priority && reason.equals(p.reason) && rule.equals(p.rule) && sequence == p.sequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, scriptId, priority, reason, rule, sequence);
    }
}
