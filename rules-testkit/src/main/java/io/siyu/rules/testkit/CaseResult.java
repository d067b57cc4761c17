package io.siyu.rules.testkit;

import java.util.Objects;

/**
 * The outcome of one case of a case table. Immutable.
 *
 * @param file    the table's file name, e.g. {@code cases.csv}
 * @param line    the line of the row
 * @param name    the case name
 * @param passed  whether the pack decided as the row expects
 * @param message for a failed case: every mismatch, then {@code Why:} and the decision's explanation;
 *                empty when it passed
 */
public record CaseResult(String file, int line, String name, boolean passed, String message) {
    public CaseResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /** {@code cases.csv:12}. */
    public String location() {
        return file + ":" + line;
    }

    /** {@code PASS cases.csv:12 name}, or {@code FAIL cases.csv:12 name} followed by the message. */
    public String format() {
        return (passed ? "PASS " : "FAIL ") + location() + " " + name + (passed ? "" : "\n" + message);
    }

    @Override
    public String toString() {
        return format();
    }
}
