package io.siyu.rules.cli;

import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
                PackReport.failed(pack.directory(), all, streams.out());
                return ExitCodes.PACK_ERRORS;
            }
            loaded.warnings().forEach(w -> streams.out().println(w.format()));
            streams.out().println(PackReport.loaded(loaded));
            return ExitCodes.OK;
        } catch (PackLoadFailure e) {
            PackReport.failed(e.directory(), e.diagnostics(), streams.out());
            return ExitCodes.PACK_ERRORS;
        }
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
