package io.siyu.rules.cli;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Writes each outcome as a readable block (the output of {@code siyu explain}): {@link Decision#explain()}
 * for a decision, the error and its problems for a line that failed; blocks are separated by a blank line.
 * Used by one run on one thread.
 */
final class ExplainSink implements DecisionSink {
    private final PrintWriter out;
    private boolean first = true;

    ExplainSink(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void decided(int line, Decision decision) {
        separate();
        out.print(decision.explain());
        out.flush();
    }

    @Override
    public void failed(LineError error) {
        separate();
        out.println("Line " + error.line() + error.customerId().map(id -> " (customer " + id + ")").orElse("")
                + ": ERROR " + error.error());
        for (Diagnostic d : error.diagnostics()) {
            out.println("  " + d.format());
        }
    }

    private void separate() {
        if (!first) {
            out.println();
        }
        first = false;
    }
}
