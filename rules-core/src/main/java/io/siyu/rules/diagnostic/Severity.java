package io.siyu.rules.diagnostic;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
    /** The file cannot be used as it is; loading fails. */
    ERROR,
    /** The file loads, but something in it is probably not what the author meant. */
    WARNING
}
