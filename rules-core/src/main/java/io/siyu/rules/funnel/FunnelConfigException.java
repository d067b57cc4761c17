package io.siyu.rules.funnel;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.internal.json.JsonReader;

import java.util.List;

/**
 * A {@code funnel.json} that cannot be used: carries every problem found, in reading order, with file,
 * line, column and path, worded in the locale given to {@link FunnelConfig#parse}. Not changed after it
 * is made; safe to hand to another thread.
 */
public final class FunnelConfigException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    private FunnelConfigException(String summary, List<Diagnostic> diagnostics) {
        super(summary, diagnostics);
    }

    static FunnelConfigException of(JsonReader reader) {
        // The reader reports in the order it checks; people read top to bottom.
        List<Diagnostic> diagnostics = reader.diagnostics().stream().sorted(Diagnostic.READING_ORDER).toList();
        String summary = reader.messages().format("funnel.config-invalid", reader.file(), diagnostics.size());
        return new FunnelConfigException(summary, diagnostics);
    }
}
