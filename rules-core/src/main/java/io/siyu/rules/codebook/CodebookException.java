package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A codebook file, a set of answers, a code string or a remark is not valid. Unchecked. Carries every
 * problem found as a {@link Diagnostic}: for a codebook file with its line, column and JSON path, in
 * reading order; for answers, codes, tags and remarks with the codebook's file name, line and column
 * {@code 0}, and a path into the input such as {@code answers.concern}, {@code codes[2]} or
 * {@code remark[4]} (0-based code point index), in the order found. The message is a one-line summary
 * followed by every problem on its own line; none quotes a remark. Thrown only by the library; its
 * {@link #diagnostics()} never change.
 */
public final class CodebookException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    CodebookException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
