package io.siyu.rules.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A pack in a zip or jar file: {@link PackSource#zip(Path)}. Opens the archive for each listing and each file,
 * and closes it again, so that nothing stays open between loads and a replaced archive is read anew.
 * Immutable.
 */
final class ZipSource implements PackSource {
    private static final String MANIFEST = PackManifest.FILE;

    private final Path file;

    ZipSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public List<String> list() throws IOException {
        try (ZipFile zip = openZip()) {
            return SourceFiles.entries(zip.entries(), packFolder(zip), name());
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        SourceFiles.checkName(name);
        try (ZipFile zip = openZip()) {
            ZipEntry entry = zip.getEntry(packFolder(zip) + name);
            if (entry == null || entry.isDirectory()) {
                throw new NoSuchFileException(name, null, "not in " + file);
            }
            // Read whole (pack files are small, and PackFiles bounds them) so that the archive can be closed now.
            try (InputStream in = zip.getInputStream(entry)) {
                return new ByteArrayInputStream(SourceFiles.readBounded(in));
            }
        }
    }

    private ZipFile openZip() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, Files.exists(file) ? "not a file" : "no such file");
        }
        return new ZipFile(file.toFile());
    }

    /**
     * Where the pack is in the archive: "" when {@code pack.json} is at the root, else "name/" of the one
     * top-level folder holding a {@code pack.json}.
     *
     * @throws NoSuchFileException when there is no such folder, or more than one
     */
    private String packFolder(ZipFile zip) throws NoSuchFileException {
        if (zip.getEntry(MANIFEST) != null) {
            return "";
        }
        List<String> folders = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.equals(name.substring(0, slash + 1) + MANIFEST)) {
                folders.add(name.substring(0, slash + 1));
            }
        }
        if (folders.size() == 1) {
            return folders.get(0);
        }
        throw new NoSuchFileException(file.toString(), null, folders.isEmpty()
                ? "no " + MANIFEST + " at the top of the archive or of one folder in it"
                : "several folders with a " + MANIFEST + ": " + folders + "; keep one pack per archive");
    }

    @Override
    public String toString() {
        return "PackSource.zip(" + file + ")";
    }
}
