package io.siyu.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the files of a rule pack are: a directory, a folder on the class path (inside a jar, also inside a
 * Spring Boot fat jar), a zip or jar file, or file contents held in memory. {@link RulePack#load(PackSource)}
 * reads a pack from any of them the same way, and its diagnostics name every file relative to the source
 * ({@code rules/intent.drl}), whatever the source.
 * <pre>{@code
 * RulePack.load(PackSource.classpath("packs/gaozi"));                 // shipped inside the application's jar
 * RulePack.load(PackSource.directory(Path.of("/etc/crm/packs/gaozi"))); // edited in place, can be watched
 * RulePack.load(PackSource.zip(Path.of("gaozi-1.4.zip")));            // uploaded as one file
 * RulePack.load(PackSource.files(Map.of("pack.json", "...", "rules/intent.drl", "...")));   // from a database
 * }</pre>
 *
 * <p><b>Names.</b> A file is named by its path relative to the pack: segments separated by {@code /}, no
 * leading {@code /}, no {@code .} or {@code ..} segment, no backslash ({@code pack.json},
 * {@code rules/intent.drl}, {@code tests/cases.csv}). Files and folders whose name starts with {@code .}
 * ({@code .git}, {@code .DS_Store}) are not part of a pack and are never listed.
 *
 * <p><b>Reading.</b> A source hands out bytes; the rule pack decodes every file itself (strict UTF-8, a
 * byte-order mark dropped, at most 4 MiB), so that a file reads the same from every source. A source is read
 * each time a pack is loaded from it — {@code LiveRulePack.reload()} reads it again — and keeps nothing open
 * in between.
 *
 * <p>The sources made by this interface's factories are immutable and thread-safe: several threads may load
 * from one source at once. An implementation of one's own (say, a pack kept in a database) must be
 * thread-safe too and follow the contract of {@link #list()} and {@link #open(String)}.
 */
public interface PackSource {
    /**
     * The pack in a directory of the default file system: the source that a {@link LiveRulePack} can watch
     * for edits. The directory is not checked here: a missing one makes loading fail with a diagnostic.
     *
     * @param directory the pack directory (the folder with {@code pack.json}); relative paths are resolved
     *                  against the working directory when the pack is read
     * @return the source; {@link #name()} is {@code directory.toString()}
     * @throws NullPointerException when {@code directory} is null
     */
    static PackSource directory(Path directory) {
        return new DirectorySource(directory);
    }

    /**
     * The pack in a folder on the class path, as the thread's context class loader sees it (the class loader
     * of this library when the thread has none) at the time of this call. Works for a folder in a directory
     * of the class path, in a jar, and in the nested jars of a Spring Boot fat jar
     * ({@code jar:nested:…/!BOOT-INF/classes/!/…}, {@code jar:file:…!/BOOT-INF/lib/x.jar!/…}): the folder is
     * found through its {@code pack.json}, and the files beside it are listed from the jar's entries (through
     * its {@link java.net.JarURLConnection}), never through a file system. When several class path entries
     * hold the folder, the first one the class loader finds is the pack, as for
     * {@link ClassLoader#getResource}.
     *
     * @param location the folder, e.g. {@code packs/gaozi}; a leading {@code classpath:} or {@code /} and a
     *                 trailing {@code /} are ignored
     * @return the source; {@link #name()} is {@code classpath:} followed by the folder
     * @throws NullPointerException     when {@code location} is null
     * @throws IllegalArgumentException when {@code location} names no folder (blank) or is not a valid name
     *                                  (see the class comment: no {@code ..}, no backslash, ...)
     */
    static PackSource classpath(String location) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return classpath(location, context != null ? context : PackSource.class.getClassLoader());
    }

    /**
     * The pack in a folder on the class path of {@code loader}; see {@link #classpath(String)}.
     *
     * @param location the folder, e.g. {@code packs/gaozi}; a leading {@code classpath:} or {@code /} and a
     *                 trailing {@code /} are ignored
     * @param loader   the class loader whose resources hold the pack
     * @return the source; {@link #name()} is {@code classpath:} followed by the folder
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code location} names no folder (blank) or is not a valid name
     */
    static PackSource classpath(String location, ClassLoader loader) {
        return new ClasspathSource(location, loader);
    }

    /**
     * The pack in a zip (or jar) file: at the root of the archive, or — when the root has no {@code pack.json}
     * — in the one folder of the archive whose {@code pack.json} is at its top (so that zipping the pack's
     * folder, {@code gaozi/pack.json}, {@code gaozi/rules/…}, works as well as zipping its contents). The
     * archive is opened each time the pack is read and closed again. File names in the archive must be UTF-8
     * (what Java, Windows' built-in zip since 2019, and macOS write).
     *
     * @param file the archive
     * @return the source; {@link #name()} is {@code file.toString()}
     * @throws NullPointerException when {@code file} is null
     */
    static PackSource zip(Path file) {
        return new ZipSource(file);
    }

    /**
     * A pack held in memory: file names mapped to their contents (for a pack kept in a database, or made
     * in a test). The map is copied; its order does not matter.
     *
     * @param files pack-relative file names ({@code pack.json}, {@code rules/intent.drl}) to their text
     * @return the source; {@link #name()} is {@code (in-memory files)}
     * @throws NullPointerException     when {@code files}, a name or a text is null
     * @throws IllegalArgumentException when a name is not a valid pack-relative name (see the class comment),
     *                                  or one name is also the folder of another ({@code rules} and
     *                                  {@code rules/a.drl})
     */
    static PackSource files(Map<String, String> files) {
        return new InMemorySource(files);
    }

    /**
     * How messages and logs name this source: the directory or archive path as given, {@code classpath:}
     * and the folder, or {@code (in-memory files)}.
     *
     * @return the name; not blank
     */
    String name();

    /**
     * The directory on the default file system that holds the pack's files as they are edited: what a
     * {@link LiveRulePack} watches.
     *
     * @return the directory of a {@link #directory(Path)} source; empty for every other source (a class path
     *         folder is never watched, even when it is a directory: edit the sources, not the build output)
     */
    default Optional<Path> directory() {
        return Optional.empty();
    }

    /**
     * Every file of the pack, read now.
     *
     * @return pack-relative names (see the class comment) in ascending {@link String} order, without folders
     *         and without names starting with {@code .}; a new, unmodifiable list
     * @throws NoSuchFileException when there is no pack at the source at all (a missing directory or archive,
     *                             a class path folder without {@code pack.json}); its message names what is
     *                             missing
     * @throws IOException         when the source cannot be listed (an unreadable directory, a broken
     *                             archive, a class path entry of a kind that cannot be listed, more than
     *                             10,000 files)
     */
    List<String> list() throws IOException;

    /**
     * Opens one file of the pack for reading. The caller closes the stream.
     *
     * @param file a pack-relative name, as {@link #list()} gives them
     * @return the file's bytes as stored (not decoded)
     * @throws NoSuchFileException      when the pack has no such file
     * @throws IOException              when the file cannot be read
     * @throws NullPointerException     when {@code file} is null
     * @throws IllegalArgumentException when {@code file} is not a valid pack-relative name
     */
    InputStream open(String file) throws IOException;
}
