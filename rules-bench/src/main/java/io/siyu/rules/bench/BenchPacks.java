package io.siyu.rules.bench;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the benchmarks get their rule pack from, and the one clock they decide at.
 *
 * <p>The pack is named by a string, used as the {@code pack} {@code @Param} of every benchmark: either
 * {@value #DEFAULT_PACK} — the class-path directory of the same name inside {@code benchmarks.jar}, a copy
 * of the skincare test pack —, {@value #GAOZI} (the Gaozi example pack from {@code rules-examples}), or a
 * directory on disk ({@code -p pack=/path/to/gaozi}), so another pack
 * can be measured without a rebuild.
 */
public final class BenchPacks {
    /** The default pack: the class-path directory {@code bench-pack/} (the skincare test pack). */
    public static final String DEFAULT_PACK = "bench-pack";
    /** The Gaozi example pack (140 rules), as {@code rules-examples} ships it on the class path. */
    public static final String GAOZI = "gaozi";
    private static final String GAOZI_ON_CLASS_PATH = "io/siyu/rules/examples/packs/gaozi";

    /** 10:00 in Shanghai on a Monday: outside the quiet hours, so messages are not all vetoed. */
    public static final Clock DAYTIME = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("UTC"));

    private BenchPacks() {
    }

    /**
     * A fresh temporary copy of a pack — of the directory {@code pack} when it is one on disk, else of the
     * class-path directory of that name — so that benchmarks never touch the original. Delete it with
     * {@link #delete}.
     */
    public static Path directory(String name) {
        String pack = GAOZI.equals(name) ? GAOZI_ON_CLASS_PATH : name;
        Path onDisk = Path.of(pack);
        URL url = BenchPacks.class.getClassLoader().getResource(pack + "/pack.json");
        if (url == null && !Files.isDirectory(onDisk)) {
            throw new IllegalArgumentException("no pack directory or class-path pack named " + pack);
        }
        try {
            Path target = Files.createTempDirectory("siyu-bench-pack");
            URI uri = url == null ? null : url.toURI();
            if (Files.isDirectory(onDisk)) {
                copyTree(onDisk, target);
            } else if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath("/" + pack), target);
                }
            } else {
                copyTree(Path.of(uri).getParent(), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a pack at {@link #DAYTIME} with the given compile mode. */
    public static RulePack load(Path directory, CompileMode mode) {
        return RulePack.load(directory, PackOptions.builder().clock(DAYTIME).compileMode(mode).build());
    }

    /** Copies a directory tree (from any file system) into {@code target}. */
    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Deletes a temporary pack copy made by {@link #directory}. */
    public static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
