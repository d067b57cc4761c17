package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A codebook file, a set of answers, a code string or a remark is not valid. Carries every problem
 * found as a {@link Diagnostic}: for a codebook file with its line, column and JSON path; for
 * answers, codes and remarks with the codebook's file name, line and column {@code 0}, and a path
 * such as {@code answers.concern} or {@code codes[2]} (0-based character index).
 */
public final class CodebookException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    CodebookException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
