package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;
import java.util.Objects;

/**
 * A decision that could not be made: a rule that loops, a rule whose consequence fails, a script that
 * cannot be rendered. Unchecked. The diagnostics name the rule file and line (or the script) at fault;
 * the message is a one-line summary followed by every problem on its own line. {@code RulePack.decide}
 * throws it; {@code decideAll} turns it into a {@link Decision#FAILED} decision instead.
 */
public final class DecisionException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** The customer's (or cohort group's) id; see {@link #customerId()}. */
    private final String customerId;

    /**
     * An exception for a decision that failed.
     *
     * @param customerId  the customer's id (for a cohort group's day plan, the group's id)
     * @param summary     one line that says what failed; no personal data
     * @param diagnostics every problem; not empty; copied
     * @throws NullPointerException     when an argument or a diagnostic is null
     * @throws IllegalArgumentException when {@code diagnostics} is empty
     */
    public DecisionException(String customerId, String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
        this.customerId = Objects.requireNonNull(customerId, "customerId");
    }

    /**
     * The customer whose decision failed.
     *
     * @return the customer's id; for a cohort group's day plan ({@code RulePack.contentFor}), the group's id
     */
    public String customerId() {
        return customerId;
    }
}
