package io.siyu.rules.diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Base of the library's exceptions for bad input: it carries <em>every</em> problem found, never only
 * the first, each with its file, position and a readable message.
 */
public abstract class DiagnosticException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<Diagnostic> diagnostics;

    /**
     * @param summary     one line that says what failed (e.g. "codebook gaozi.json has 3 problems")
     * @param diagnostics every problem found; must not be empty
     */
    protected DiagnosticException(String summary, List<Diagnostic> diagnostics) {
        super(render(summary, diagnostics));
        this.diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        if (this.diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a DiagnosticException needs at least one diagnostic");
        }
    }

    /** Every problem found, in reading order (file, line, column). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(String summary, List<Diagnostic> diagnostics) {
        return summary + diagnostics.stream().map(d -> "\n  " + d.format()).collect(Collectors.joining());
    }
}
