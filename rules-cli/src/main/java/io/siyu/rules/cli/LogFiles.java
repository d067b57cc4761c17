package io.siyu.rules.cli;

import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.JsonInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks, before {@code siyu explain --log FILE} reads a decision log, that FILE is one: that it (or a file rotated
 * from it, {@code <name>-<day>-<n>.<ext>} beside it) exists, and that the first line of each of its files is a
 * decision as the log writes it. Without this, a missing file or a file of customers given by mistake would read as
 * "no decision for this customer". Only the first line of each file is parsed: a log may hold gigabytes.
 */
final class LogFiles {
    private LogFiles() {
    }

    /**
     * The problem with the log, in {@code locale}; empty when its files look like a decision log.
     *
     * @throws ParameterException when neither the file nor a file rotated from it exists (a usage error)
     * @throws UncheckedIOException when a file cannot be read
     */
    static Optional<String> check(CommandSpec spec, Path file, String given, Locale locale) {
        if (Files.isDirectory(file)) {
            throw UsageProblem.of(spec, "log.directory", given);
        }
        List<Path> files = new ArrayList<>(rotated(file));
        if (Files.exists(file)) {
            files.add(file);
        }
        if (files.isEmpty()) {
            throw UsageProblem.of(spec, "log.missing", given);
        }
        DecisionJson json = DecisionJson.of(null, locale);
        for (Path f : files) {
            try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(f))) {
                for (Utf8Lines.Line line = lines.next(); line != null; line = lines.next()) {
                    if (!line.isUtf8()) {
                        return Optional.of(line.notUtf8().message(locale, f.toString(), line.number()));
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    try {
                        json.readDecision(line.text());
                    } catch (JsonInputException notADecision) {
                        return Optional.of(CliMessages.format(locale, "log.not-a-log", f, line.number()));
                    }
                    break;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the decision log " + f + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /** The files rotated from {@code file}: the naming of {@code DecisionLog}, {@code <stem>-<day>-<n><ext>}. */
    private static List<Path> rotated(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Pattern pattern = Pattern.compile(Pattern.quote(stem) + "-\\d{4}-\\d{2}-\\d{2}-\\d+" + Pattern.quote(extension));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> pattern.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
