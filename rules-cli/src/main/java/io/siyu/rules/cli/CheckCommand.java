package io.siyu.rules.cli;

import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.script.ScriptLibrary;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code siyu check PACK}: loads a pack and lists every problem in it. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Examples:",
        "  siyu check packs/gaozi",
        "  siyu check --locale zh_CN packs/gaozi     (messages in Simplified Chinese)"},
        description = {
        "Checks a rule pack: reads pack.json, codebook.json, scripts.json, every rules/*.drl file and the test "
                + "tables tests/*.csv (their codes and script ids against the pack) and prints each problem as "
                + "file:line:column: message, with the file relative to the pack (a test table by its name).",
        "Ends with a one-line summary: the pack's id, version and size when it is clean, the number of "
                + "errors and warnings when it is not."})
final class CheckCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    private PackArguments pack;

    CheckCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        try {
            RulePack loaded = pack.load();
            List<Diagnostic> tables = tableProblems(loaded);
            if (tables.stream().anyMatch(Diagnostic::isError)) {
                List<Diagnostic> all = new ArrayList<>(loaded.warnings());
                all.addAll(tables);
                PackReport.failed(pack.location(), all, streams.out(), pack.locale());
                return ExitCodes.PACK_ERRORS;
            }
            loaded.warnings().forEach(w -> streams.out().println(w.format(pack.locale())));
            streams.out().println(PackReport.loaded(loaded));
            return ExitCodes.OK;
        } catch (PackLoadFailure e) {
            List<Diagnostic> all = new ArrayList<>(e.diagnostics());
            all.addAll(tableProblems(pack.location(), pack.source(), pack.locale()));
            all.sort(Diagnostic.READING_ORDER);
            PackReport.failed(e.pack(), all, streams.out(), pack.locale());
            return ExitCodes.PACK_ERRORS;
        }
    }

    /**
     * The problems of the test tables of a pack that does not load, against its codebook and scripts where
     * those can be read on their own: a code deleted from the codebook is named in the tables too. The
     * codebook's and the scripts' own problems are already among the pack's.
     */
    private static List<Diagnostic> tableProblems(PackLocation location, PackSource source, Locale locale) {
        try {
            source.list();
        } catch (java.nio.file.NoSuchFileException noPack) {
            // No pack there at all (a zip of something else): the pack's own diagnostic says so; its tables
            // reported as unreadable too would say it twice.
            return List.of();
        } catch (java.io.IOException unreadable) {
            // Reported by the pack's load, which read the same source a moment ago.
            return List.of();
        }
        Optional<Codebook> codebook = Optional.empty();
        Optional<ScriptLibrary> scripts = Optional.empty();
        Optional<Path> directory = source.directory();
        try {
            // A directory's files as they were always read (Codebook.load names non-UTF-8 text); an archive's or a
            // class path pack's through the source.
            codebook = directory.isPresent()
                    ? Optional.of(directory.get().resolve(RulePack.CODEBOOK_FILE)).filter(Files::exists)
                            .map(file -> Codebook.load(file, locale))
                    : location.read(source, RulePack.CODEBOOK_FILE)
                            .map(f -> Codebook.parse(f.name(), f.text(), locale));
        } catch (DiagnosticException | java.io.UncheckedIOException broken) {
            // reported with the pack's problems; the tables' codes stay unchecked
        }
        try {
            scripts = directory.isPresent()
                    ? Optional.of(directory.get().resolve(RulePack.SCRIPTS_FILE)).filter(Files::exists)
                            .map(file -> ScriptLibrary.load(file, locale))
                    : location.read(source, RulePack.SCRIPTS_FILE)
                            .map(f -> ScriptLibrary.parse(f.name(), f.text(), locale));
        } catch (DiagnosticException | java.io.UncheckedIOException broken) {
            // reported with the pack's problems; the tables' script ids stay unchecked
        }
        return CaseRunner.checkTables(source, codebook, scripts, locale);
    }

    /** The problems of the pack's test tables: reading them, and their codes and script ids against the pack. */
    private static List<Diagnostic> tableProblems(RulePack pack) {
        CaseRunner runner = CaseRunner.of(pack);
        try {
            return runner.check(runner.packTables());
        } catch (CaseTableException e) {
            return e.diagnostics();
        }
    }
}
