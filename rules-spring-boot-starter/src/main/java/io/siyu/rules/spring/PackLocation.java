package io.siyu.rules.spring;

import io.siyu.rules.pack.PackSource;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads {@code siyu.rules.pack}: {@code classpath:folder}, {@code file:path} or a bare path. A path to a regular
 * file, or one ending in {@code .zip} or {@code .jar}, is a zip source; any other path is a directory source.
 */
final class PackLocation {
    static final String CLASSPATH = "classpath:";
    static final String FILE = "file:";

    private PackLocation() {
    }

    /** The source at a location that {@link #problem} accepts. */
    static PackSource source(String location, ClassLoader loader) {
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH)) {
            return PackSource.classpath(trimmed.substring(CLASSPATH.length()), loader);
        }
        Path path = path(trimmed);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) || name.endsWith(".zip") || name.endsWith(".jar")) {
            return PackSource.zip(path);
        }
        return PackSource.directory(path);
    }

    /** Whether the location is on the file system (a directory or a zip), not on the class path. */
    static boolean isFileSystem(String location) {
        return !location.trim().startsWith(CLASSPATH);
    }

    /**
     * What is wrong with a location, in {@code locale}; null when it can be read. Only its form is checked:
     * whether a pack is there is what loading it finds out, with a diagnostic.
     */
    static String problem(String location, Locale locale) {
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH)) {
            try {
                PackSource.classpath(trimmed.substring(CLASSPATH.length()), PackLocation.class.getClassLoader());
                return null;
            } catch (IllegalArgumentException e) {
                return StarterMessages.format(locale, "property.pack-classpath", location, e.getMessage());
            }
        }
        int colon = trimmed.indexOf(':');
        // "C:\\packs" is a Windows path, not a prefix: a prefix has at least two letters.
        if (!trimmed.startsWith(FILE) && colon > 1 && trimmed.substring(0, colon).chars().allMatch(Character::isLetter)) {
            return StarterMessages.format(locale, "property.pack-prefix", location, trimmed.substring(0, colon + 1));
        }
        try {
            path(trimmed);
            return null;
        } catch (InvalidPathException e) {
            return StarterMessages.format(locale, "property.pack-path", location, e.getMessage());
        }
    }

    private static Path path(String location) {
        String raw = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
        // file:///srv/x (a URL) and file:/srv/x (Spring's resource form) name the same path.
        if (raw.startsWith("//")) {
            raw = raw.substring(2);
        }
        if (raw.isBlank()) {
            throw new InvalidPathException(location, "no path after the prefix");
        }
        return Path.of(raw);
    }
}
