package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A customer record (a JSON line) that cannot be read, with every problem found in it, as
 * {@link CustomerReader#read} reports it. Unchecked. The message is a one-line summary followed by every
 * problem on its own line.
 */
public final class CustomerInputException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for a customer record that cannot be read.
     *
     * @param summary     one line that says what failed, e.g. which input and line; no personal data
     * @param diagnostics every problem; not empty; copied
     * @throws NullPointerException     when an argument or a diagnostic is null
     * @throws IllegalArgumentException when {@code diagnostics} is empty
     */
    public CustomerInputException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
