package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;
import java.util.Objects;

/**
 * A rule pack that cannot be loaded, with <em>every</em> problem found in <em>all</em> its files,
 * each naming the pack-relative file, line and column and saying what is expected.
 *
 * <p>Its message is the summary followed by one line per diagnostic, in the pack's locale. Not changed
 * after it is made; safe to hand to another thread.
 */
public final class RulePackException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception; {@link RulePack#load(java.nio.file.Path, PackOptions)} is what throws it.
     *
     * @param summary     one line that says what failed, e.g. which pack and how many problems
     * @param diagnostics every problem found, in reading order; copied
     * @throws NullPointerException     when an argument or a diagnostic is null
     * @throws IllegalArgumentException when {@code diagnostics} is empty
     */
    public RulePackException(String summary, List<Diagnostic> diagnostics) {
        super(Objects.requireNonNull(summary, "summary"), diagnostics);
    }
}
