package io.siyu.rules.diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Base of the library's exceptions for bad input: it carries <em>every</em> problem found, never only
 * the first, each with its file, position and a readable message. Unchecked. The message is the summary
 * followed by every problem's {@link Diagnostic#format()} on its own line. The diagnostics never change,
 * so an instance may be read from any thread.
 */
public abstract class DiagnosticException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Every problem, an unmodifiable list; see {@link #diagnostics()}. */
    private final List<Diagnostic> diagnostics;

    /**
     * An exception for these problems.
     *
     * @param summary     one line that says what failed (e.g. "codebook gaozi.json has 3 problems")
     * @param diagnostics every problem found, in the order to show them; must not be empty; copied
     * @throws NullPointerException     when {@code summary}, {@code diagnostics} or a diagnostic is null
     * @throws IllegalArgumentException when {@code diagnostics} is empty
     */
    protected DiagnosticException(String summary, List<Diagnostic> diagnostics) {
        super(render(Objects.requireNonNull(summary, "summary"), diagnostics));
        this.diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        if (this.diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a DiagnosticException needs at least one diagnostic");
        }
    }

    /**
     * Every problem found.
     *
     * @return the diagnostics in the order the thrower gave them: the library gives problems in files in
     *         reading order ({@link Diagnostic#READING_ORDER}), problems with other input (answers, codes)
     *         in the order found; never empty; unmodifiable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(String summary, List<Diagnostic> diagnostics) {
        return summary + diagnostics.stream().map(d -> "\n  " + d.format()).collect(Collectors.joining());
    }
}
