package io.siyu.rules.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test packs, and copies of them for tests that change a pack. */
final class Packs {
    static final String SKINCARE = "src/test/resources/packs/skincare";
    static final String BROKEN = "src/test/resources/packs/broken";

    private Packs() {
    }

    /** Copies a pack directory (recursively) to {@code target} and returns {@code target}. */
    static Path copy(Path pack, Path target) {
        try (Stream<Path> files = Files.walk(pack)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(pack.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
