package io.siyu.rules.script;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;

import java.util.List;

/**
 * A script that cannot be rendered for a customer: the script id is unknown, a variable has no value
 * (every such variable is listed, each at its place in the script library file), or the text is
 * longer than the script's {@code maxLength} and the script does not allow truncation.
 *
 * <p>Messages name scripts and variables, never the customer's values, in the library's locale. Not
 * changed after it is made; safe to hand to another thread.
 */
public final class ScriptRenderException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** The id of the script that could not be rendered. */
    private final String scriptId;

    ScriptRenderException(String scriptId, String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
        this.scriptId = scriptId;
    }

    /**
     * The id of the script that could not be rendered.
     *
     * @return the id, as the caller gave it (also when no script has it)
     */
    public String scriptId() {
        return scriptId;
    }
}
