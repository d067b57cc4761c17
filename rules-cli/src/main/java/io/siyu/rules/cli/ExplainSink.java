package io.siyu.rules.cli;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;

import java.util.Locale;
import java.util.Objects;


/**
 * Writes each outcome as a readable block (the output of {@code siyu explain}): {@link Decision#explain()}
 * for a decision, the error and its problems for a line that failed; blocks are separated by a blank line.
 * Stateless and thread-safe.
 */
final class ExplainSink implements DecisionSink {
    private static final String NEW_LINE = System.lineSeparator();
    private final Locale locale;

    /** @param locale the language of the words the sink adds to a diagnostic */
    ExplainSink(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    @Override
    public String decided(int line, Decision decision) {
        return decision.explain();
    }

    @Override
    public String failed(LineError error) {
        StringBuilder out = new StringBuilder();
        out.append("Line ").append(error.line())
                .append(error.customerId().map(id -> " (customer " + id + ")").orElse(""))
                .append(": ERROR ").append(error.error()).append(NEW_LINE);
        for (Diagnostic d : error.diagnostics()) {
            out.append("  ").append(d.format(locale)).append(NEW_LINE);
        }
        return out.toString();
    }

    @Override
    public String separator() {
        return NEW_LINE;
    }
}
