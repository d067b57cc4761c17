package io.siyu.rules.examples;

import io.siyu.rules.pack.PackSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The example rule packs that ship with this module — {@code gaozi} (skincare, the 高姿 playbook) and
 * {@code retail} (a neighbourhood store) — as directories that {@code RulePack.load} can read:
 * <pre>{@code
 * RulePack pack = RulePack.load(ExamplePacks.gaozi());
 * }</pre>
 *
 * <p>The packs are classpath resources under {@value #RESOURCE_ROOT}, so they work the same from the
 * source tree, from {@code target/classes} and from inside a jar. Because a directory inside a jar
 * cannot be listed, the files are named by the index resource {@code packs/index.txt} (one path per
 * line relative to {@code packs/}; {@code #} starts a comment). On first use, every indexed file is
 * copied into one fresh temporary directory, once per JVM (lazily and thread-safely, by the holder
 * idiom); every later call returns a directory inside that copy. The copy is deleted when the JVM exits.
 *
 * <p>The returned directories are shared by the whole JVM: read them, do not change them. To edit a
 * pack (say, in a test), copy it somewhere else first.
 *
 * <p>When you add a file to a pack, add its path to {@code packs/index.txt}; a test fails when the
 * index and the {@code packs/} directory disagree.
 */
public final class ExamplePacks {
    /** The classpath folder the packs are shipped in. */
    public static final String RESOURCE_ROOT = "io/siyu/rules/examples/packs/";
    /** The index resource inside {@link #RESOURCE_ROOT}. */
    public static final String INDEX = "index.txt";

    private ExamplePacks() {
    }

    /** The 高姿 skincare pack: questionnaire codebook, one-to-one playbook, 5 + 6 day group funnel. */
    public static Path gaozi() {
        return pack("gaozi");
    }

    /** The neighbourhood retail store pack: store types, group matrix, gifts, fission, VIP and group health. */
    public static Path retail() {
        return pack("retail");
    }

    /**
     * The directory of an example pack, by name ({@code "gaozi"}, {@code "retail"}).
     *
     * @throws IllegalArgumentException when there is no example pack of this name
     */
    public static Path pack(String name) {
        Objects.requireNonNull(name, "name");
        Extracted packs = Holder.PACKS;
        if (!packs.names().contains(name)) {
            throw new IllegalArgumentException("no example pack \"" + name + "\"; the example packs are "
                    + packs.names());
        }
        return packs.root().resolve(name);
    }

    /**
     * An example pack read straight from the class path (this module's jar, or its {@code target/classes}),
     * without the temporary copy of {@link #pack(String)}: what a host does with a pack it ships.
     *
     * @param name {@code "gaozi"} or {@code "retail"}
     * @return the pack's source, on the class loader of this class
     * @throws IllegalArgumentException when there is no example pack of this name
     */
    public static PackSource source(String name) {
        Objects.requireNonNull(name, "name");
        // From the index, not the extracted copy: nothing is written to disk for a pack read in place.
        Set<String> names = new TreeSet<>();
        readIndex().forEach(file -> names.add(file.substring(0, file.indexOf('/'))));
        if (!names.contains(name)) {
            throw new IllegalArgumentException("no example pack \"" + name + "\"; the example packs are " + names);
        }
        return PackSource.classpath(RESOURCE_ROOT + name, ExamplePacks.class.getClassLoader());
    }

    /** The names of the example packs, sorted. */
    public static Set<String> names() {
        return Holder.PACKS.names();
    }

    /** The files of the index, relative to {@code packs/}, in index order. */
    public static List<String> indexedFiles() {
        return Holder.PACKS.files();
    }

    /** Lazily extracts the packs on first access; the JVM guarantees this runs once. */
    private static final class Holder {
        static final Extracted PACKS = extract();
    }

    private record Extracted(Path root, Set<String> names, List<String> files) {
    }

    private static Extracted extract() {
        List<String> files = readIndex();
        try {
            Path root = Files.createTempDirectory("siyu-example-packs-");
            root.toFile().deleteOnExit();
            Set<String> names = new TreeSet<>();
            for (String file : files) {
                Path target = root.resolve(file).normalize();
                createDirectories(root, target.getParent());
                try (InputStream in = open(file)) {
                    Files.copy(in, target);
                }
                target.toFile().deleteOnExit();
                names.add(file.substring(0, file.indexOf('/')));
            }
            return new Extracted(root, Collections.unmodifiableSet(names), List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example packs to a temporary directory", e);
        }
    }

    /** Creates the directories from {@code root} down to {@code dir}, each marked for deletion on exit. */
    private static void createDirectories(Path root, Path dir) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(root, dir.getParent());
        Files.createDirectory(dir);
        // deleteOnExit runs in reverse order of registration: files (registered later) go first.
        dir.toFile().deleteOnExit();
    }

    private static List<String> readIndex() {
        List<String> files = new ArrayList<>();
        try (InputStream in = open(INDEX);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                if (file.startsWith("/") || file.contains("\\") || file.indexOf('/') <= 0
                        || List.of(file.split("/")).contains("..")) {
                    throw new IllegalStateException(RESOURCE_ROOT + INDEX + " line " + number
                            + ": expected a path like gaozi/pack.json, got \"" + file + "\"");
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_ROOT + INDEX, e);
        }
        return files;
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = ExamplePacks.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file);
        if (in == null) {
            throw new IOException("missing classpath resource " + RESOURCE_ROOT + file
                    + " (listed in " + INDEX + " but not shipped)");
        }
        return in;
    }
}
