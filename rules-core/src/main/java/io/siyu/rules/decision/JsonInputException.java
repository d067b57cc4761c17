package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * JSON input that cannot be read — a customer record (a document or a line of JSON lines), or a stored
 * decision — with every problem found in it, as {@link DecisionJson} reports it: each names the input, the
 * line and column, and the field's JSON path. Unchecked. The message is a one-line summary followed by every
 * problem on its own line.
 */
public final class JsonInputException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for JSON input that cannot be read.
     *
     * @param summary     one line that says what failed, e.g. which input and line; no personal data
     * @param diagnostics every problem; not empty; copied
     * @throws NullPointerException     when an argument or a diagnostic is null
     * @throws IllegalArgumentException when {@code diagnostics} is empty
     */
    public JsonInputException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
