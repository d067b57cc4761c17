package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/** A customer record (a JSON line) that cannot be read, with every problem found in it. */
public final class CustomerInputException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    public CustomerInputException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
