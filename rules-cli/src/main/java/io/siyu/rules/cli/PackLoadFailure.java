package io.siyu.rules.cli;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePackException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pack given on the command line that has errors: the library's {@link RulePackException} and the
 * directory it was loaded from, so that siyu can print every diagnostic and a summary naming the pack.
 */
final class PackLoadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final transient List<Diagnostic> diagnostics;

    PackLoadFailure(Path directory, RulePackException cause) {
        super(cause.getMessage(), cause);
        this.directory = Objects.requireNonNull(directory, "directory");
        this.diagnostics = cause.diagnostics();
    }

    /** The pack directory as given on the command line. */
    Path directory() {
        return directory;
    }

    /** Every problem of the pack, in reading order. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
