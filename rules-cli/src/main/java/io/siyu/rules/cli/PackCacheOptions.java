package io.siyu.rules.cli;

import io.siyu.rules.pack.PackOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --no-cache} and {@code --cache-dir}: whether a deciding command loads its pack through the compiled-pack
 * cache. On by default: compiling Gaozi from its files takes ≈ 4.6 s before the first decision, loading it from
 * the cache ≈ 1.3 s (BENCHMARKS.md, issue 16), and an entry is only used when the pack's files, the library and
 * Drools versions all match (the cache's key), so a changed pack is compiled again, never decided by stale rules.
 * A picocli mixin.
 */
final class PackCacheOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--no-cache", description = "Compile the pack from its files on this run instead of loading it "
            + "from the compiled-pack cache (and store nothing there).")
    private boolean off;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep compiled packs in DIR (made if missing, "
            + "readable by you only). Only folders siyu made there are ever removed. Default: "
            + "$XDG_CACHE_HOME/siyu-rules, else ~/.cache/siyu-rules.")
    private Path directory;

    /**
     * The cache directory to load the pack through, or empty with {@code --no-cache}.
     *
     * @throws ParameterException when both {@code --no-cache} and {@code --cache-dir} are given (a usage error)
     */
    Optional<Path> directory() {
        if (off && directory != null) {
            throw UsageProblem.of(spec, "cache.off-and-directory", directory);
        }
        if (off) {
            return Optional.empty();
        }
        if (directory != null && (directory.toString().isBlank() || Files.exists(directory)
                && !Files.isDirectory(directory))) {
            // "" would be the current folder; a file cannot hold entries.
            throw UsageProblem.of(spec, "cache.not-a-folder", directory);
        }
        return Optional.of(directory != null ? directory : PackOptions.defaultCacheDirectory());
    }
}
