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
 * Immutable and thread-safe, with value equality over every field (so two identical proposals of one
 * decision differ by their sequence).
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
     * @param action   the action name, e.g. {@code OFFER_PRODUCT}; not checked
     * @param scriptId the script to send, or {@code ""} for an action without a message; not checked
     * @param priority the priority, any value: the highest surviving proposal wins
     * @param reason   why the rule proposed it
     * @param rule     the name of the rule that proposed it
     * @param sequence the order of proposal within its decision, 0 first; not checked
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

    /**
     * The action name.
     *
     * @return e.g. {@code OFFER_PRODUCT}
     */
    public String getAction() {
        return action;
    }

    /**
     * The script to send, as a bean property for rule files: {@code Proposal( scriptId == "acne.offer" )}.
     *
     * @return the script id, or {@code ""} for an action without a message
     */
    public String getScriptId() {
        return scriptId;
    }

    /**
     * The script to send.
     *
     * @return the script id; empty for an action without a message
     */
    public Optional<String> script() {
        return scriptId.isEmpty() ? Optional.empty() : Optional.of(scriptId);
    }

    /**
     * The priority: the highest surviving proposal wins.
     *
     * @return the priority, any value
     */
    public int getPriority() {
        return priority;
    }

    /**
     * Why the rule proposed it.
     *
     * @return the reason as the rule wrote it
     */
    public String getReason() {
        return reason;
    }

    /**
     * The rule that proposed it.
     *
     * @return the rule's name
     */
    public String getRule() {
        return rule;
    }

    /**
     * The order of proposal within the decision; breaks ties between equal priorities (earlier wins).
     *
     * @return 0 for the first proposal of a decision, 1 for the next, ...
     */
    public int getSequence() {
        return sequence;
    }

    /**
     * A short form for logs.
     *
     * @return e.g. {@code OFFER_PRODUCT (acne.offer) priority 90 — urgent acne need [offer when hot]}
     */
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
        // By hand rather than Objects.hash: no varargs array (a policy looks proposals up in a map).
        int h = action.hashCode();
        h = 31 * h + scriptId.hashCode();
        h = 31 * h + priority;
        h = 31 * h + reason.hashCode();
        h = 31 * h + rule.hashCode();
        return 31 * h + sequence;
    }
}
