package io.siyu.rules.pack;

import io.siyu.rules.internal.files.PackFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;

/** What every {@link PackSource} of this package shares: file names, the file limit, listing a folder or archive. */
final class SourceFiles {
    /**
     * The most files a pack may have. A pack is a few dozen hand-edited files; a source with more is almost
     * certainly the wrong folder (a home directory, the root of an application jar), and listing it all
     * would only take time.
     */
    static final int MAX_FILES = 10_000;

    private SourceFiles() {
    }

    /**
     * Checks a pack-relative name: not empty, no leading or trailing {@code /}, no empty, {@code .} or
     * {@code ..} segment, no backslash or NUL.
     *
     * @throws IllegalArgumentException when the name is not valid
     */
    static String checkName(String file) {
        Objects.requireNonNull(file, "file");
        boolean valid = !file.isEmpty() && !file.startsWith("/") && !file.endsWith("/") && !file.contains("\\")
                && file.indexOf('\0') < 0;
        for (String segment : file.split("/", -1)) {
            valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
        }
        if (!valid) {
            throw new IllegalArgumentException("not a pack-relative file name (segments separated by /, no . or .."
                    + " segment, no backslash): \"" + file + "\"");
        }
        return file;
    }

    /** Whether a pack-relative name is left out of the pack: a segment starting with "." (.git, .DS_Store). */
    static boolean isHidden(String file) {
        return file.startsWith(".") || file.contains("/.");
    }

    /** The listed names, sorted and unmodifiable, or an IOException when there are too many. */
    static List<String> sorted(List<String> names, String source) throws IOException {
        if (names.size() > MAX_FILES) {
            throw tooMany(source);
        }
        Collections.sort(names);
        return Collections.unmodifiableList(names);
    }

    private static IOException tooMany(String source) {
        return new IOException(source + " has more than " + MAX_FILES + " files: it is not a rule pack folder");
    }

    /** Every file under a directory (not following links), hidden ones left out. */
    static List<String> walk(Path root, String source) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null,
                    Files.exists(root) ? "not a directory" : "no such directory");
        }
        List<String> names = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !isHidden(name)) {
                    names.add(name);
                    if (names.size() > MAX_FILES) {
                        throw tooMany(source);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sorted(names, source);
    }

    /** The files of an archive under {@code prefix} (empty, or ending in "/"), named relative to it. */
    static List<String> entries(Enumeration<? extends ZipEntry> entries, String prefix, String source)
            throws IOException {
        List<String> names = new ArrayList<>();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = e.getName();
            if (e.isDirectory() || !name.startsWith(prefix) || name.length() == prefix.length()) {
                continue;
            }
            String relative = name.substring(prefix.length());
            if (!isHidden(relative) && isValid(relative)) {
                names.add(relative);
                if (names.size() > MAX_FILES) {
                    throw tooMany(source);
                }
            }
        }
        return sorted(names, source);
    }

    /**
     * The bytes of a stream, but no more than one byte over the limit of a pack file: enough for
     * {@link PackFiles#read(InputStream, String, PackFiles.Kind, java.util.Locale, List)} to say the file is too
     * large, without reading a huge (or endless) stream into memory.
     */
    static byte[] readBounded(InputStream in) throws IOException {
        return in.readNBytes(PackFiles.MAX_BYTES + 1);
    }

    /** Whether an archive entry name can be a pack file (archives may hold "a//b" or "../x": never part of a pack). */
    private static boolean isValid(String name) {
        try {
            checkName(name);
            return true;
        } catch (IllegalArgumentException notAPackName) {
            return false;
        }
    }
}
