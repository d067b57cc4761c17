package io.siyu.rules.cli;

import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
            description = "Where to write the compiled pack: FILE.zip for a zip file (replaced if it is one), "
                    + "otherwise a folder (made if missing, with its parent folders; a compiled part already in it is "
                    + "replaced). An existing file that is not a zip is never overwritten (exit 2).")
    private Path output;

    @Spec
    private CommandSpec spec;

    CompileCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        // Both usage errors before anything is compiled: PACK first, then -o.
        PackSource source = pack.source();
        checkOutput();
        RulePack compiled;
        try {
            compiled = RulePack.compile(source, pack.options(), output);
        } catch (RulePackException e) {
            throw new PackLoadFailure(pack.location(), e);
        }
        compiled.warnings().forEach(w -> streams.out().println(w.format(pack.locale())));
        streams.out().println(PackReport.loaded(compiled) + "; compiled into " + output + " (" + size(output) + ")");
        return ExitCodes.OK;
    }

    /**
     * Refuses, before compiling, an output siyu cannot or must not write: an existing file that is not a zip (a
     * folder is meant, or the name is a typo), a file named .zip that is not one, a folder named .zip, a place under
     * a file, or without permission. Missing parent folders are made, as for a folder output.
     */
    private void checkOutput() {
        boolean zip = output.getFileName() != null && output.getFileName().toString().endsWith(".zip");
        if (Files.isDirectory(output)) {
            if (zip) {
                throw UsageProblem.of(spec, "compile.zip-is-a-folder", output);
            }
            if (!Files.isWritable(output)) {
                throw UsageProblem.of(spec, "compile.no-permission", output, output);
            }
            return;
        }
        if (Files.exists(output)) {
            if (!zip) {
                throw UsageProblem.of(spec, "compile.not-a-folder", output);
            }
            if (!isZip(output)) {
                throw UsageProblem.of(spec, "compile.not-a-zip", output);
            }
            if (!Files.isWritable(output)) {
                throw UsageProblem.of(spec, "compile.no-permission", output, output);
            }
        }
        Path existing = output.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw UsageProblem.of(spec, "compile.under-a-file", output, existing);
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw UsageProblem.of(spec, "compile.no-permission", output, existing);
        }
    }

    /** Whether a file is a pack zip (with a pack.json), which a compile may replace; an empty file counts too. */
    private static boolean isZip(Path file) {
        try {
            if (Files.size(file) == 0) {
                return true;
            }
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                return zip.getEntry("pack.json") != null;
            }
        } catch (java.io.IOException e) {
            return false; // not a zip at all
        }
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
