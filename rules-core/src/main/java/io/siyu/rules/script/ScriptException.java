package io.siyu.rules.script;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A script library ({@code scripts.json}) that cannot be loaded. Lists every problem found in the
 * file, each with its line, column and field path.
 */
public final class ScriptException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    ScriptException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
