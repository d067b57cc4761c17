package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A decision that could not be made: a rule that loops, a rule whose consequence fails, a script that
 * cannot be rendered. The diagnostics name the rule file and line (or the script) at fault.
 */
public final class DecisionException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    private final String customerId;

    public DecisionException(String customerId, String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
        this.customerId = customerId;
    }

    /** The customer whose decision failed. */
    public String customerId() {
        return customerId;
    }
}
