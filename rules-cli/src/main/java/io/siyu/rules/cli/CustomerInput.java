package io.siyu.rules.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the customers come from: standard input, or {@code --input FILE}. A picocli mixin of the
 * commands that decide.
 */
public final class CustomerInput {
    /** The source name of standard input in diagnostics. */
    static final String STDIN = "<stdin>";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read the customers from this file (UTF-8, one JSON object per line) instead of "
                    + "standard input.")
    private Path file;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decide on N threads (the output stays in input order). Default: the number of "
                    + "processors.")
    private Integer threads;

    /**
     * How many threads decide.
     *
     * @throws ParameterException when {@code --threads} is less than 1 (a usage error)
     */
    int threads() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw UsageProblem.of(spec, "threads.at-least-one", threads);
        }
        return threads;
    }

    /** The name diagnostics give the input: the file as given, or {@code <stdin>}. */
    String source() {
        return file == null ? STDIN : file.toString();
    }

    /**
     * Opens the input as lines of strict UTF-8 text.
     *
     * @throws ParameterException when {@code --input} names no readable file (a usage error)
     */
    Utf8Lines open(Streams streams) {
        if (file == null) {
            return streams.stdin();
        }
        if (!Files.isRegularFile(file)) {
            throw UsageProblem.of(spec, Files.isDirectory(file) ? "input.directory" : "input.missing", file);
        }
        try {
            return new Utf8Lines(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }
}
