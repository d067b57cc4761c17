package io.siyu.rules.decision;

import io.siyu.rules.script.RenderedScript;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules decided for one customer, and why: the winning action and its rendered script, the
 * intent level and score with every piece of evidence, the proposals that lost or were vetoed (with
 * the veto's reason), the rules that fired in order, and the pack version that decided.
 *
 * <p>No proposal at all is a valid outcome: the action is then {@link #NONE} (wait). A decision that
 * could not be made (a looping rule, a script with a missing variable) is, inside
 * {@code decideAll}, a decision whose {@link #failure()} says why and whose action is {@link #FAILED}.
 *
 * <p>Immutable and thread-safe. The rule pack makes decisions; {@link #builder(String, String, String)}
 * makes one from its parts (to read a stored decision back, or in a test).
 */
public final class Decision {
    /** The action when no rule proposed anything, or every proposal was vetoed: wait. */
    public static final String NONE = "NONE";
    /** The action of a decision that failed (see {@link #failure()}). */
    public static final String FAILED = "FAILED";

    private final String customerId;
    private final String action;
    private final Proposal winner;
    private final RenderedScript script;
    private final IntentLevel intent;
    private final int score;
    private final List<Evidence> evidence;
    private final List<Proposal> losing;
    private final List<Veto> vetoed;
    private final List<String> firedRules;
    private final String packId;
    private final String packVersion;
    private final String failure;

    private Decision(Builder b) {
        this.customerId = b.customerId;
        this.failure = b.failure;
        this.winner = b.failure == null ? b.winner : null;
        this.action = b.failure != null ? FAILED : winner == null ? NONE : winner.getAction();
        this.script = winner == null ? null : b.script;
        this.intent = b.intent;
        this.score = b.score;
        this.evidence = List.copyOf(b.evidence);
        this.losing = List.copyOf(b.losing);
        this.vetoed = List.copyOf(b.vetoed);
        this.firedRules = List.copyOf(b.firedRules);
        this.packId = b.packId;
        this.packVersion = b.packVersion;
    }

    /**
     * A builder for a decision about one customer by one pack version. With nothing else set it builds
     * a decision with action {@link #NONE}, intent {@link IntentLevel#COLD}, score 0.
     *
     * @throws NullPointerException when an argument is null
     */
    public static Builder builder(String customerId, String packId, String packVersion) {
        return new Builder(customerId, packId, packVersion);
    }

    /**
     * A decision that could not be made, for a batch result.
     *
     * @param reason why, naming the rule or script at fault; must not contain the customer's personal data
     * @throws NullPointerException when an argument is null
     */
    public static Decision failed(String customerId, String packId, String packVersion, String reason) {
        return builder(customerId, packId, packVersion).failure(reason).build();
    }

    /** The customer's id. */
    public String customerId() {
        return customerId;
    }

    /** The winning action, {@link #NONE} when there is nothing to do, {@link #FAILED} when it failed. */
    public String action() {
        return action;
    }

    /** The winning proposal, if an action won. */
    public Optional<Proposal> winner() {
        return Optional.ofNullable(winner);
    }

    /** The id of the script to send, if the winning action sends one. */
    public Optional<String> scriptId() {
        return winner == null || winner.getScriptId().isEmpty() ? Optional.empty() : Optional.of(winner.getScriptId());
    }

    /** The A/B variant of the script this customer got, if the script has variants. */
    public Optional<String> variantId() {
        return script == null || script.variantId().isEmpty() ? Optional.empty() : Optional.of(script.variantId());
    }

    /** The rendered script text to send; empty when the action sends nothing. */
    public String text() {
        return script == null ? "" : script.text();
    }

    /** The rendered script with its persona and channel, if the winning action sends one. */
    public Optional<RenderedScript> script() {
        return Optional.ofNullable(script);
    }

    /** The intent level. */
    public IntentLevel intent() {
        return intent;
    }

    /** The intent score. */
    public int score() {
        return score;
    }

    /** Every piece of intent evidence, in the order added. */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** The proposals that survived the policy but lost arbitration, best first. */
    public List<Proposal> losing() {
        return losing;
    }

    /** The proposals that the policy vetoed, with why. */
    public List<Veto> vetoed() {
        return vetoed;
    }

    /** The names of the rules that fired, in firing order. */
    public List<String> firedRules() {
        return firedRules;
    }

    /** The id of the pack that decided. */
    public String packId() {
        return packId;
    }

    /** The version of the pack that decided. */
    public String packVersion() {
        return packVersion;
    }

    /** Why the decision failed, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the decision failed. */
    public boolean isFailed() {
        return failure != null;
    }

    /**
     * Everything about this decision as readable text: action, script and text, intent with its
     * evidence, vetoes, losing proposals, the rules fired, and the pack version.
     */
    public String explain() {
        StringBuilder out = new StringBuilder();
        out.append("Customer ").append(customerId).append(" — pack ").append(packId).append(' ').append(packVersion)
                .append('\n');
        if (failure != null) {
            out.append("  FAILED: ").append(failure).append('\n');
            return out.toString();
        }
        out.append("  Action: ").append(action);
        if (winner != null) {
            out.append(" (priority ").append(winner.getPriority()).append(", rule \"").append(winner.getRule())
                    .append("\": ").append(winner.getReason()).append(')');
        } else {
            out.append(" (no surviving proposal: wait)");
        }
        out.append('\n');
        scriptId().ifPresent(id -> out.append("  Script: ").append(id)
                .append(variantId().map(v -> " variant " + v).orElse("")).append('\n'));
        if (!text().isEmpty()) {
            out.append("  Text: ").append(text().replace("\n", "\n        ")).append('\n');
        }
        out.append("  Intent: ").append(intent).append(" (score ").append(score).append(')').append('\n');
        for (Evidence e : evidence) {
            out.append("    ").append(e.points() >= 0 ? "+" : "").append(e.points()).append(' ').append(e.reason())
                    .append("  [").append(e.rule()).append("]\n");
        }
        if (!vetoed.isEmpty()) {
            out.append("  Vetoed:\n");
            for (Veto v : vetoed) {
                out.append("    ").append(v.proposal().getAction())
                        .append(v.proposal().getScriptId().isEmpty() ? "" : " (" + v.proposal().getScriptId() + ")")
                        .append(" — ").append(v.reason()).append("  [").append(v.rule()).append("]\n");
            }
        }
        if (!losing.isEmpty()) {
            out.append("  Lost arbitration:\n");
            for (Proposal p : losing) {
                out.append("    ").append(p.getAction()).append(" priority ").append(p.getPriority()).append(" — ")
                        .append(p.getReason()).append("  [").append(p.getRule()).append("]\n");
            }
        }
        out.append("  Rules fired: ").append(firedRules.isEmpty() ? "(none)" : String.join(" → ", firedRules))
                .append('\n');
        return out.toString();
    }

    @Override
    public String toString() {
        return "Decision[" + customerId + ": " + action + scriptId().map(s -> " " + s).orElse("") + ", " + intent
                + (failure == null ? "" : ", failed") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && customerId.equals(d.customerId) && action.equals(d.action)
                && Objects.equals(winner, d.winner) && Objects.equals(script, d.script)
                && intent == d.intent && score == d.score && evidence.equals(d.evidence) && losing.equals(d.losing)
                && vetoed.equals(d.vetoed) && firedRules.equals(d.firedRules) && packId.equals(d.packId)
                && packVersion.equals(d.packVersion) && Objects.equals(failure, d.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, action, winner, script, intent, score, firedRules, packVersion, failure);
    }

    /**
     * Builds a {@link Decision}. The action follows from the parts: {@link #FAILED} with a failure,
     * otherwise the winner's action, or {@link #NONE} without a winner. Not thread-safe.
     */
    public static final class Builder {
        private final String customerId;
        private final String packId;
        private final String packVersion;
        private Proposal winner;
        private RenderedScript script;
        private IntentLevel intent = IntentLevel.COLD;
        private int score;
        private List<Evidence> evidence = List.of();
        private List<Proposal> losing = List.of();
        private List<Veto> vetoed = List.of();
        private List<String> firedRules = List.of();
        private String failure;

        private Builder(String customerId, String packId, String packVersion) {
            this.customerId = Objects.requireNonNull(customerId, "customerId");
            this.packId = Objects.requireNonNull(packId, "packId");
            this.packVersion = Objects.requireNonNull(packVersion, "packVersion");
        }

        /** The winning proposal, or null when nothing survived. */
        public Builder winner(Proposal winner) {
            this.winner = winner;
            return this;
        }

        /**
         * The winner's rendered script, or null when it sends none.
         *
         * @throws IllegalArgumentException when the script is not the one the winner proposes
         */
        public Builder script(RenderedScript script) {
            if (script != null && (winner == null || !winner.getScriptId().equals(script.scriptId()))) {
                throw new IllegalArgumentException("the rendered script " + script.scriptId()
                        + " is not the winner's script " + (winner == null ? "(no winner)" : winner.getScriptId()));
            }
            this.script = script;
            return this;
        }

        /**
         * The intent level and score with the evidence behind them.
         *
         * @throws NullPointerException when {@code level} or {@code evidence} is null
         */
        public Builder intent(IntentLevel level, int score, List<Evidence> evidence) {
            this.intent = Objects.requireNonNull(level, "level");
            this.score = score;
            this.evidence = List.copyOf(evidence);
            return this;
        }

        /** The proposals that survived the policy but lost arbitration, best first. */
        public Builder losing(List<Proposal> losing) {
            this.losing = List.copyOf(losing);
            return this;
        }

        /** The proposals the policy vetoed. */
        public Builder vetoed(List<Veto> vetoed) {
            this.vetoed = List.copyOf(vetoed);
            return this;
        }

        /** The names of the rules that fired, in firing order. */
        public Builder firedRules(List<String> firedRules) {
            this.firedRules = List.copyOf(firedRules);
            return this;
        }

        /**
         * Marks the decision failed, with why; a failed decision keeps no winner or script.
         *
         * @param reason why, naming the rule or script at fault; never the customer's personal data
         */
        public Builder failure(String reason) {
            this.failure = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /** The decision. */
        public Decision build() {
            return new Decision(this);
        }
    }
}
