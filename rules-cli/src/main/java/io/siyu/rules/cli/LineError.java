package io.siyu.rules.cli;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An input line that produced no decision: it could not be read as a customer, or its decision failed.
 *
 * @param line        the 1-based line number in the input
 * @param customerId  the customer's id, when the line could be read
 * @param error       one sentence saying what failed
 * @param diagnostics every problem, each naming source, line and column (or the rule or script at fault)
 */
record LineError(int line, Optional<String> customerId, String error, List<Diagnostic> diagnostics) {
    LineError {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(error, "error");
        diagnostics = List.copyOf(diagnostics);
    }

    /** The error of a line from the library's exception; its summary is the first line of its message. */
    static LineError of(int line, Optional<String> customerId, DiagnosticException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        return new LineError(line, customerId, message.lines().findFirst().orElse(message), e.diagnostics());
    }
}
