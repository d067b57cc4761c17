package io.siyu.rules.cli;

import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code siyu compile PACK -o FILE}: compiles a pack ahead of time, for applications that start fast. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Examples:",
        "  siyu compile packs/gaozi -o gaozi.zip",
        "  siyu compile packs/gaozi -o target/classes/packs/gaozi     (a folder: load it with PackSource.classpath)",
        "",
        "An application loads the result like the pack itself (RulePack.load with PackSource.zip, directory or "
                + "classpath) and skips compiling: it needs no Drools compiler, MVEL or Java compiler then. The "
                + "compiled part is only used by the same siyu-rules version, with the same files and allowed "
                + "classes; otherwise the pack is compiled from its files again, with a warning."},
        description = {
        "Checks a rule pack as 'siyu check' does and compiles its rules ahead of time (Drools' executable model): "
                + "writes the pack's files and a siyu-compiled/ folder with the compiled rules to FILE (a zip when "
                + "its name ends with .zip, else a folder). Prints the pack's warnings and a one-line summary; "
                + "writes nothing when the pack has errors."})
final class CompileCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    private PackArguments pack;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write the compiled pack: FILE.zip for a zip file, otherwise a folder (made if "
                    + "missing; a compiled part already in it is replaced).")
    private Path output;

    CompileCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        RulePack compiled;
        try {
            compiled = RulePack.compile(pack.source(), pack.options(), output);
        } catch (RulePackException e) {
            throw new PackLoadFailure(pack.location(), e);
        }
        compiled.warnings().forEach(w -> streams.out().println(w.format(pack.locale())));
        streams.out().println(PackReport.loaded(compiled) + "; compiled into " + output + " (" + size(output) + ")");
        return ExitCodes.OK;
    }

    private static String size(Path output) {
        try {
            long bytes;
            if (Files.isDirectory(output)) {
                try (var files = Files.walk(output)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }
            } else {
                bytes = Files.size(output);
            }
            return bytes < 10_240 ? bytes + " bytes" : (bytes + 512) / 1024 + " KiB";
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }
}
