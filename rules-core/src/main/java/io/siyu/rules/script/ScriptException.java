package io.siyu.rules.script;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A script library ({@code scripts.json}) that cannot be loaded. Lists every problem found in the
 * file, each with its line, column and field path, or says that the file cannot be read (then the
 * I/O error is the cause). Not changed after it is made; safe to hand to another thread.
 */
public final class ScriptException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    ScriptException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }
}
