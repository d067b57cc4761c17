package io.siyu.rules.decision;

import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.script.RenderedScript;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
 * <p>A customer in the pack's holdout control group ({@code "holdout"} in {@code pack.json}) gets a decision with
 * action {@link #HOLDOUT}: no winner, no script, no text — a host that ignores the flag still sends nothing — and
 * the proposal that would have won, with its script's variant, in {@link #counterfactual()}.
 *
 * <p>Every decision has an {@link #id()}, derived from the pack, the customer and the moment it was made, which the
 * host records with the send ({@code FunnelEvent.Sent}) so that purchases can be attributed to it.
 *
 * <p>Immutable and thread-safe, with value equality. The rule pack makes decisions;
 * {@link #builder(String, String, String)} makes one from its parts (to read a stored decision back, or in
 * a test). Every list it returns is unmodifiable and may be empty; absent parts are {@code Optional}.
 */
public final class Decision {
    /** The action when no rule proposed anything, or every proposal was vetoed: wait. */
    public static final String NONE = "NONE";
    /** The action of a decision that failed (see {@link #failure()}). */
    public static final String FAILED = "FAILED";
    /** The action for a customer in the holdout control group: send nothing (see {@link #counterfactual()}). */
    public static final String HOLDOUT = "HOLDOUT";

    /**
     * What a held-out customer would have been sent.
     *
     * @param winner    the proposal that won arbitration and would have been acted on
     * @param variantId the A/B variant of its script the customer would have got, or {@code ""} when the script has
     *                  no variants or the proposal sends no script
     */
    public record Counterfactual(Proposal winner, String variantId) {
        /**
         * Makes one.
         *
         * @param winner    the proposal that would have won
         * @param variantId the variant id, or {@code ""}
         * @throws NullPointerException when an argument is null
         */
        public Counterfactual {
            Objects.requireNonNull(winner, "winner");
            Objects.requireNonNull(variantId, "variantId");
        }

        /**
         * The script that would have been sent.
         *
         * @return the winner's script id; empty when it sends no script
         */
        public Optional<String> scriptId() {
            return winner.script();
        }
    }

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
    private final Instant decidedAt;
    private final boolean heldOut;
    private final Counterfactual counterfactual;
    /** Derived from the other fields on first use (a benign race, like {@code String.hashCode}): no cost per decision. */
    private String id;

    private Decision(Builder b) {
        this.customerId = b.customerId;
        this.failure = b.failure;
        this.heldOut = b.failure == null && b.heldOut;
        this.counterfactual = heldOut ? b.counterfactual : null;
        this.decidedAt = b.decidedAt;
        this.winner = b.failure == null && !heldOut ? b.winner : null;
        this.action = b.failure != null ? FAILED : heldOut ? HOLDOUT : winner == null ? NONE : winner.getAction();
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
     * a decision with action {@link #NONE}, intent {@link IntentLevel#COLD}, score 0 and empty lists.
     *
     * @param customerId  the customer's id
     * @param packId      the id of the pack that decided
     * @param packVersion the version of the pack that decided
     * @return a new builder
     * @throws NullPointerException when an argument is null
     */
    public static Builder builder(String customerId, String packId, String packVersion) {
        return new Builder(customerId, packId, packVersion);
    }

    /**
     * A decision that could not be made, for a batch result: action {@link #FAILED}, no winner or script,
     * intent {@link IntentLevel#COLD}, score 0 and empty lists.
     *
     * @param customerId  the customer's id
     * @param packId      the id of the pack that tried to decide
     * @param packVersion the version of the pack that tried to decide
     * @param reason      why, naming the rule or script at fault; must not contain the customer's personal data
     * @return the failed decision
     * @throws NullPointerException when an argument is null
     */
    public static Decision failed(String customerId, String packId, String packVersion, String reason) {
        return builder(customerId, packId, packVersion).failure(reason).build();
    }

    /**
     * The decision's id: {@code "d-"} and 24 lowercase hex digits, the start of the SHA-256 of the UTF-8 bytes of
     * {@code packId, packVersion, customerId, decidedAt} (ISO-8601, or empty when unknown) joined by {@code '\n'}.
     * The same decision (same pack version, customer and moment) always has the same id; record it with the send
     * ({@code FunnelEvent.Sent}) and in logs. Computed on first use.
     *
     * @return the id, e.g. {@code d-3f2a9c0b11d4e5f60718293a}
     */
    public String id() {
        String known = id;
        if (known == null) {
            String source = packId + "\n" + packVersion + "\n" + customerId + "\n"
                    + (decidedAt == null ? "" : decidedAt.toString());
            byte[] digest;
            try {
                digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
            }
            known = "d-" + HexFormat.of().formatHex(digest, 0, 12);
            id = known;
        }
        return known;
    }

    /**
     * When the decision was made: the pack's clock when the rules ran.
     *
     * @return the moment; empty for a decision built from parts without one (or read from JSON written before it
     *         was recorded)
     */
    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    /**
     * Which arm of the holdout experiment the customer is in.
     *
     * @return {@link Holdout.Arm#HOLDOUT} for a {@link #HOLDOUT} decision, {@link Holdout.Arm#TREATMENT} otherwise
     *         (also when the pack has no holdout, and for a failed decision)
     */
    public Holdout.Arm arm() {
        return heldOut ? Holdout.Arm.HOLDOUT : Holdout.Arm.TREATMENT;
    }

    /**
     * Whether the customer is held out: the action is {@link #HOLDOUT} and nothing is to be sent.
     *
     * @return true for a {@link #HOLDOUT} decision
     */
    public boolean isHeldOut() {
        return heldOut;
    }

    /**
     * What a held-out customer would have been sent, had they not been held out.
     *
     * @return the would-be winner and its variant; empty when the customer is not held out, or no proposal would
     *         have survived
     */
    public Optional<Counterfactual> counterfactual() {
        return Optional.ofNullable(counterfactual);
    }

    /**
     * The customer's id.
     *
     * @return the id of the customer decided for
     */
    public String customerId() {
        return customerId;
    }

    /**
     * The action to take.
     *
     * @return the winning proposal's action (e.g. {@code OFFER_PRODUCT}), {@link #NONE} when no proposal
     *         survived, {@link #FAILED} when the decision failed, {@link #HOLDOUT} when the customer is held out
     */
    public String action() {
        return action;
    }

    /**
     * The winning proposal.
     *
     * @return the proposal that won arbitration; empty for {@link #NONE}, {@link #FAILED} and {@link #HOLDOUT}
     *         (see {@link #counterfactual()})
     */
    public Optional<Proposal> winner() {
        return Optional.ofNullable(winner);
    }

    /**
     * The id of the script to send.
     *
     * @return the winning proposal's script id; empty when there is no winner or it sends no message
     */
    public Optional<String> scriptId() {
        return winner == null || winner.getScriptId().isEmpty() ? Optional.empty() : Optional.of(winner.getScriptId());
    }

    /**
     * The A/B variant of the script this customer got.
     *
     * @return the variant id; empty when there is no rendered script or the script has no variants
     */
    public Optional<String> variantId() {
        return script == null || script.variantId().isEmpty() ? Optional.empty() : Optional.of(script.variantId());
    }

    /**
     * The rendered script text to send. It may hold the customer's personal data (a nickname filled into
     * the template): do not log it.
     *
     * @return the text, or {@code ""} when there is no rendered script (the action sends nothing)
     */
    public String text() {
        return script == null ? "" : script.text();
    }

    /**
     * The rendered script with its persona and channel.
     *
     * @return the winner's rendered script; empty when there is no winner, it sends no message, or (for a
     *         decision built from parts) none was given
     */
    public Optional<RenderedScript> script() {
        return Optional.ofNullable(script);
    }

    /**
     * The intent level the pack's thresholds give the score.
     *
     * @return the level; {@link IntentLevel#COLD} when no intent was set
     */
    public IntentLevel intent() {
        return intent;
    }

    /**
     * The intent score.
     *
     * @return the total points of the {@linkplain #evidence() evidence}; may be negative
     */
    public int score() {
        return score;
    }

    /**
     * Every piece of intent evidence.
     *
     * @return the evidence in the order the rules added it; unmodifiable
     */
    public List<Evidence> evidence() {
        return evidence;
    }

    /**
     * The proposals that survived the policy but lost arbitration.
     *
     * @return the losers, best first (highest priority, then earliest proposed); unmodifiable
     */
    public List<Proposal> losing() {
        return losing;
    }

    /**
     * The proposals that the policy vetoed, with why.
     *
     * @return one veto per vetoed proposal (its first veto), in the order vetoed; unmodifiable
     */
    public List<Veto> vetoed() {
        return vetoed;
    }

    /**
     * The names of the rules that fired.
     *
     * @return rule names in firing order, a rule once per firing; unmodifiable
     */
    public List<String> firedRules() {
        return firedRules;
    }

    /**
     * The id of the pack that decided.
     *
     * @return the pack id of {@code pack.json}
     */
    public String packId() {
        return packId;
    }

    /**
     * The version of the pack that decided.
     *
     * @return the pack version of {@code pack.json}
     */
    public String packVersion() {
        return packVersion;
    }

    /**
     * Why the decision failed.
     *
     * @return the reason, naming the rule or script at fault; empty when the decision did not fail
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether the decision failed.
     *
     * @return whether {@link #failure()} is present, that is, the action is {@link #FAILED}
     */
    public boolean isFailed() {
        return failure != null;
    }

    /**
     * Everything about this decision as readable text: action, script and text, intent with its
     * evidence, vetoes, losing proposals, the rules fired, and the pack version. For a failed decision,
     * the customer, the pack and the failure only.
     *
     * @return several lines, each ending in a line break; the labels are in English, the reasons as the
     *         rules wrote them. It holds the rendered text, which may hold personal data: do not log it
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
        if (heldOut) {
            out.append(" (holdout control group: nothing is sent");
            if (counterfactual != null) {
                Proposal w = counterfactual.winner();
                out.append("; would have been ").append(w.getAction())
                        .append(w.script().map(id -> " " + id).orElse(""))
                        .append(counterfactual.variantId().isEmpty() ? "" : " variant " + counterfactual.variantId())
                        .append(", rule \"").append(w.getRule()).append('"');
            }
            out.append(')');
        } else if (winner != null) {
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

    /**
     * A short form for logs, without the text.
     *
     * @return e.g. {@code Decision[wx-10086: OFFER_PRODUCT acne.offer, HOT]}
     */
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
                && packVersion.equals(d.packVersion) && Objects.equals(failure, d.failure)
                && Objects.equals(decidedAt, d.decidedAt) && heldOut == d.heldOut
                && Objects.equals(counterfactual, d.counterfactual);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, action, winner, script, intent, score, firedRules, packVersion, failure,
                decidedAt, counterfactual);
    }

    /**
     * Builds a {@link Decision}. The action follows from the parts: {@link #FAILED} with a failure,
     * otherwise the winner's action, or {@link #NONE} without a winner. Setters may be called in any order
     * and replace what they set; lists are copied. Not thread-safe: use one builder on one thread.
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
        private Instant decidedAt;
        private boolean heldOut;
        private Counterfactual counterfactual;

        private Builder(String customerId, String packId, String packVersion) {
            this.customerId = Objects.requireNonNull(customerId, "customerId");
            this.packId = Objects.requireNonNull(packId, "packId");
            this.packVersion = Objects.requireNonNull(packVersion, "packVersion");
        }

        /**
         * Sets the winning proposal.
         *
         * @param winner the winner, or <strong>null</strong> when nothing survived (action {@link #NONE})
         * @return this builder
         */
        public Builder winner(Proposal winner) {
            this.winner = winner;
            return this;
        }

        /**
         * Sets the winner's rendered script. Set the {@linkplain #winner winner} first.
         *
         * @param script the rendered script, or <strong>null</strong> when the winner sends none
         * @return this builder
         * @throws IllegalArgumentException when {@code script} is not null and is not the script of the
         *                                  winner set so far (or there is none)
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
         * Sets the intent level and score with the evidence behind them. They are not checked against each
         * other.
         *
         * @param level    the level
         * @param score    the score; may be negative
         * @param evidence the evidence in the order added; copied
         * @return this builder
         * @throws NullPointerException when {@code level}, {@code evidence} or an element is null
         */
        public Builder intent(IntentLevel level, int score, List<Evidence> evidence) {
            this.intent = Objects.requireNonNull(level, "level");
            this.score = score;
            this.evidence = List.copyOf(evidence);
            return this;
        }

        /**
         * Sets the proposals that survived the policy but lost arbitration.
         *
         * @param losing the losers, best first; copied
         * @return this builder
         * @throws NullPointerException when the list or an element is null
         */
        public Builder losing(List<Proposal> losing) {
            this.losing = List.copyOf(losing);
            return this;
        }

        /**
         * Sets the proposals the policy vetoed.
         *
         * @param vetoed the vetoes, in the order made; copied
         * @return this builder
         * @throws NullPointerException when the list or an element is null
         */
        public Builder vetoed(List<Veto> vetoed) {
            this.vetoed = List.copyOf(vetoed);
            return this;
        }

        /**
         * Sets the names of the rules that fired.
         *
         * @param firedRules rule names in firing order; copied
         * @return this builder
         * @throws NullPointerException when the list or an element is null
         */
        public Builder firedRules(List<String> firedRules) {
            this.firedRules = List.copyOf(firedRules);
            return this;
        }

        /**
         * Sets when the decision was made.
         *
         * @param moment the moment, or <strong>null</strong> when unknown
         * @return this builder
         */
        public Builder decidedAt(Instant moment) {
            this.decidedAt = moment;
            return this;
        }

        /**
         * Marks the customer held out (action {@link #HOLDOUT}): the decision keeps no winner or script (they may
         * still be set, and are dropped), and records what would have been sent.
         *
         * @param wouldHaveWon the proposal that would have won, or <strong>null</strong> when none would have
         * @param variantId    the variant of its script the customer would have got, or {@code ""}
         * @return this builder
         * @throws NullPointerException when {@code variantId} is null
         */
        public Builder holdout(Proposal wouldHaveWon, String variantId) {
            Objects.requireNonNull(variantId, "variantId");
            this.heldOut = true;
            this.counterfactual = wouldHaveWon == null ? null : new Counterfactual(wouldHaveWon, variantId);
            return this;
        }

        /**
         * Marks the decision failed, with why; a failed decision keeps no winner or script (they may still
         * be set, and are dropped).
         *
         * @param reason why, naming the rule or script at fault; never the customer's personal data
         * @return this builder
         * @throws NullPointerException when {@code reason} is null
         */
        public Builder failure(String reason) {
            this.failure = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Builds the decision. The builder may be used on and built again.
         *
         * @return the decision
         * @throws IllegalArgumentException when the decision does not fail and a script was set that is not
         *                                  the script of the winner (the winner was changed after the script)
         */
        public Decision build() {
            // script() checks against the winner set so far; a later winner(...) must not leave another
            // proposal's text in the decision.
            if (failure == null && !heldOut && script != null
                    && (winner == null || !winner.getScriptId().equals(script.scriptId()))) {
                throw new IllegalArgumentException("the rendered script " + script.scriptId()
                        + " is not the winner's script " + (winner == null ? "(no winner)" : winner.getScriptId()));
            }
            return new Decision(this);
        }
    }
}
