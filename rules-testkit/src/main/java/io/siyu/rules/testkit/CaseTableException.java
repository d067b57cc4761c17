package io.siyu.rules.testkit;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A case table that cannot be read, with every problem found: each names the file, line and column
 * ({@code cases.csv:7:12: column intent: "WARMISH" is not COLD, WARM or HOT}).
 */
public final class CaseTableException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /**
     * @param summary     what failed, in one line
     * @param diagnostics every problem; not empty
     */
    public CaseTableException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
