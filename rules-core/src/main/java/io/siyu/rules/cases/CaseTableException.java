package io.siyu.rules.cases;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * One or more case tables that cannot be read, with every problem found: each names the file, line and
 * column ({@code cases.csv:7:12: column intent: "WARMISH" is not an intent level; ...}), in the language the
 * tables were read in. The message is a one-line summary followed by every problem on its own line.
 */
public final class CaseTableException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /**
     * @param summary     what failed, in one line
     * @param diagnostics every problem; not empty
     */
    CaseTableException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
