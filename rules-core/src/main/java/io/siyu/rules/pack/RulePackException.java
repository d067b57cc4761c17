package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A rule pack that cannot be loaded, with <em>every</em> problem found in <em>all</em> its files,
 * each naming the pack-relative file, line and column and saying what is expected.
 */
public final class RulePackException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    public RulePackException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
