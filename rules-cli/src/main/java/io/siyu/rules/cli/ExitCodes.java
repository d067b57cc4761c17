package io.siyu.rules.cli;

/**
 * The exit codes of {@code siyu}, one scheme for every command (also printed in each usage footer and in
 * {@code docs/cli.md}).
 */
public final class ExitCodes {
    /** Everything worked: the pack is clean, every input line was decided. */
    public static final int OK = 0;
    /** The rule pack has errors (they are printed as {@code file:line:column: message}). */
    public static final int PACK_ERRORS = 1;
    /** The command line is wrong (unknown option, missing directory, ...). */
    public static final int USAGE = 2;
    /** Some input lines could not be decided; each has an error on its own output line. */
    public static final int SOME_LINES_FAILED = 2;
    /** Some of the pack's test cases ({@code siyu test}) failed. */
    public static final int TESTS_FAILED = 3;
    /** Something unexpected went wrong (an I/O failure or a bug); the details are on standard error. */
    public static final int INTERNAL_ERROR = 4;

    /** The exit-code section of every usage message. */
    static final String[] FOOTER = {
            "",
            "Exit codes:",
            "  0  OK: the pack is clean / every customer line was decided",
            "  1  the rule pack has errors (listed as file:line:column: message)",
            "  2  usage error (bad option, missing directory), or some input lines failed",
            "  3  some of the pack's test cases failed (siyu test)",
            "  4  unexpected failure (I/O error or a bug); details on standard error%n",
    };

    private ExitCodes() {
    }
}
