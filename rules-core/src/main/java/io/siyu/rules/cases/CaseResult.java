package io.siyu.rules.cases;

import java.util.Objects;

/**
 * The outcome of one case of a case table, as {@link CaseRunner#run(CaseRow)} gives it. Immutable and
 * thread-safe.
 *
 * @param file    the table's file name, e.g. {@code cases.csv}; not null
 * @param line    the 1-based line of the row
 * @param name    the case name; not null
 * @param passed  whether the pack decided as the row expects
 * @param message for a failed case: {@code cases.csv:12 name:}, every expectation that was not met (one per
 *                line), a blank line, {@code Why:} and the decision's explanation — or, for a row that could
 *                not be decided, what in the row is wrong; empty when it passed. Never null.
 */
public record CaseResult(String file, int line, String name, boolean passed, String message) {
    /**
     * A result.
     *
     * @param file    the table's file name
     * @param line    the 1-based line of the row; not checked
     * @param name    the case name
     * @param passed  whether the pack decided as the row expects
     * @param message what failed, or {@code ""} when it passed; not checked against {@code passed}
     * @throws NullPointerException when {@code file}, {@code name} or {@code message} is null
     */
    public CaseResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Where a person finds the row.
     *
     * @return {@code file:line}, e.g. {@code cases.csv:12}
     */
    public String location() {
        return file + ":" + line;
    }

    /**
     * {@code PASS cases.csv:12 name}, or {@code FAIL cases.csv:12 name} followed by a line break and the
     * message: what {@code siyu test} prints for a row. {@code PASS} and {@code FAIL} are the same in every
     * language, so that scripts can look for them.
     *
     * @return one line for a pass; several for a failure
     */
    public String format() {
        return (passed ? "PASS " : "FAIL ") + location() + " " + name + (passed ? "" : "\n" + message);
    }

    /**
     * The same as {@link #format()}.
     *
     * @return {@link #format()}
     */
    @Override
    public String toString() {
        return format();
    }
}
