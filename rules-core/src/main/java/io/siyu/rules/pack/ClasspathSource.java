package io.siyu.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;

/**
 * A pack in a folder on the class path: {@link PackSource#classpath(String, ClassLoader)}.
 *
 * <p>The folder is found through its {@code pack.json} ({@link ClassLoader#getResource}: a folder has no
 * resource of its own in a jar built without directory entries). Its files are listed from what the URL of
 * {@code pack.json} points into — a directory ({@code file:}) or the entries of a jar ({@code jar:}, through
 * the {@link JarURLConnection} of the URL's own handler, which is how a Spring Boot fat jar's
 * {@code jar:nested:} URLs are served) — and read through URLs relative to it, so that every file comes from
 * the class path entry that holds {@code pack.json}, never from another one that happens to have a file of the
 * same name. Immutable.
 */
final class ClasspathSource implements PackSource {
    private static final String PREFIX = "classpath:";

    private final String folder;
    private final ClassLoader loader;

    ClasspathSource(String location, ClassLoader loader) {
        Objects.requireNonNull(location, "location");
        this.loader = Objects.requireNonNull(loader, "loader");
        String folder = location.strip();
        if (folder.startsWith(PREFIX)) {
            folder = folder.substring(PREFIX.length());
        }
        while (folder.startsWith("/")) {
            folder = folder.substring(1);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        if (folder.isEmpty()) {
            throw new IllegalArgumentException("a class path location names a folder, e.g. packs/gaozi; got \""
                    + location + "\"");
        }
        this.folder = SourceFiles.checkName(folder);
    }

    @Override
    public String name() {
        return PREFIX + folder;
    }

    @Override
    public List<String> list() throws IOException {
        URL manifest = manifest();
        switch (manifest.getProtocol()) {
            case "file":
                return SourceFiles.walk(path(manifest).getParent(), name());
            case "jar":
                URLConnection connection = manifest.openConnection();
                if (connection instanceof JarURLConnection jar) {
                    return jarEntries(jar);
                }
                break;
            default:
                break;
        }
        throw new IOException(name() + " is at " + manifest + ": the files of a pack can be listed in a directory"
                + " (file:) or a jar (jar:), not at a URL of this kind. Copy the pack to a directory or a zip file"
                + " and load it with PackSource.directory or PackSource.zip");
    }

    private List<String> jarEntries(JarURLConnection connection) throws IOException {
        String entry = connection.getEntryName();
        String prefix = entry.substring(0, entry.length() - PackManifest.FILE.length());
        JarFile jar = connection.getJarFile();
        try {
            return SourceFiles.entries(jar.entries(), prefix, name());
        } finally {
            // As Spring's resource resolver does: a cached JarFile is shared with the URL handler (and
            // closing it would break later reads), an uncached one is ours.
            if (!connection.getUseCaches()) {
                jar.close();
            }
        }
    }

    @Override
    public InputStream open(String file) throws IOException {
        SourceFiles.checkName(file);
        URL manifest = manifest();
        URL url;
        try {
            // The file's URL relative to pack.json's, through the same handler (nested jars included). The
            // name is percent-encoded so that a space, '#' or '%' in it stays part of the name.
            url = new URL(manifest, new java.net.URI(null, null, file, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a pack-relative file name: \"" + file + "\"", e);
        }
        if (url.getProtocol().equals("file")) {
            return Files.newInputStream(path(url));
        }
        try {
            return url.openStream();
        } catch (java.io.FileNotFoundException e) {
            NoSuchFileException missing = new NoSuchFileException(file, null, "not in " + name());
            missing.initCause(e);
            throw missing;
        }
    }

    /** The URL of the pack's pack.json. */
    private URL manifest() throws NoSuchFileException {
        URL url = loader.getResource(folder + "/" + PackManifest.FILE);
        if (url == null) {
            throw new NoSuchFileException(name(), null,
                    "the class path has no folder " + folder + " with a " + PackManifest.FILE);
        }
        return url;
    }

    private static Path path(URL fileUrl) throws IOException {
        try {
            return Path.of(fileUrl.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read " + fileUrl + " as a file", e);
        }
    }

    @Override
    public String toString() {
        return "PackSource.classpath(" + folder + ")";
    }
}
