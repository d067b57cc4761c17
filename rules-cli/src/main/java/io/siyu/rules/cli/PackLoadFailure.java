package io.siyu.rules.cli;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePackException;

import java.util.List;
import java.util.Objects;

/**
 * A pack given on the command line that has errors: the library's {@link RulePackException} and the
 * pack it was loaded from, so that siyu can print every diagnostic and a summary naming the pack.
 */
final class PackLoadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PackLocation pack;
    private final transient List<Diagnostic> diagnostics;

    PackLoadFailure(PackLocation pack, RulePackException cause) {
        super(cause.getMessage(), cause);
        this.pack = Objects.requireNonNull(pack, "pack");
        this.diagnostics = cause.diagnostics();
    }

    /** The pack as given on the command line. */
    PackLocation pack() {
        return pack;
    }

    /** Every problem of the pack, in reading order. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
