package io.siyu.rules.cli;

import io.siyu.rules.examples.ExamplePacks;
import io.siyu.rules.pack.PackSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PACK as given on the command line, from anywhere a library user can load one ({@link PackSource}): a
 * directory, a {@code .zip} or {@code .jar} file, or {@code classpath:LOCATION} — a pack folder on siyu's class
 * path, or by its name alone one of the bundled example packs ({@code classpath:gaozi}). Immutable.
 *
 * @param given what was on the command line
 */
record PackLocation(String given) {
    static final String CLASSPATH = "classpath:";

    PackLocation {
        Objects.requireNonNull(given, "given");
    }

    /** Whether the pack is on the class path rather than in the file system. */
    boolean onClasspath() {
        return given.startsWith(CLASSPATH);
    }

    /**
     * The directory or archive in the file system.
     *
     * @throws IllegalStateException for a class path pack
     */
    Path path() {
        if (onClasspath()) {
            throw new IllegalStateException(given + " is not in the file system");
        }
        return Path.of(given);
    }

    /** The directory, when the pack is one: its files are then read and named as they always were. */
    Optional<Path> directory() {
        return !onClasspath() && Files.isDirectory(path()) ? Optional.of(path()) : Optional.empty();
    }

    /** What the summary line of a failed pack names: the directory's or archive's name, or the classpath location. */
    String name() {
        if (onClasspath()) {
            return given;
        }
        Path file = path().toAbsolutePath().normalize().getFileName();
        return file == null ? given : file.toString();
    }

    /**
     * The pack as a source, checked to exist.
     *
     * @param spec   the command, for usage errors
     * @param option the option that gave the pack ({@code --pack}), or null for the PACK parameter
     * @return the source
     * @throws ParameterException when there is nothing at the location (no such file or directory, a file that is
     *                            neither a directory nor a .zip/.jar, no pack at a class path location): exit 2
     */
    PackSource source(CommandSpec spec, String option) {
        String prefix = option == null ? "" : option + " ";
        if (onClasspath()) {
            String location = given.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
            if (location.isEmpty() || location.contains("..") || location.contains("\\")) {
                throw UsageProblem.of(spec, "pack.classpath-missing", prefix, given, String.join(", ", examples()));
            }
            ClassLoader loader = PackLocation.class.getClassLoader();
            if (loader.getResource(location + "/pack.json") != null) {
                return PackSource.classpath(location, loader);
            }
            if (examples().contains(location)) {
                return ExamplePacks.source(location);
            }
            throw UsageProblem.of(spec, "pack.classpath-missing", prefix, given, String.join(", ", examples()));
        }
        Path path = path();
        if (!Files.exists(path)) {
            throw UsageProblem.of(spec, "pack.missing", prefix, path);
        }
        if (Files.isDirectory(path)) {
            return PackSource.directory(path);
        }
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && (file.endsWith(".zip") || file.endsWith(".jar"))) {
            return PackSource.zip(path);
        }
        throw UsageProblem.of(spec, "pack.not-a-directory", prefix, path);
    }

    /**
     * One file of the pack as text, for the commands that read a file of it on its own (funnel.json, pack.json,
     * codebook.json) without building the pack.
     *
     * @return the file's name as diagnostics give it (the path for a directory pack, as before; the name within
     *         the pack for an archive or class path pack, as the pack's own diagnostics) and its text; empty when
     *         the pack has no such file
     * @throws UncheckedIOException when the file cannot be read or is not UTF-8 (building the pack says where)
     */
    Optional<PackFile> read(PackSource source, String file) {
        Optional<Path> dir = source.directory();
        String name = dir.map(d -> d.resolve(file).toString()).orElse(file);
        try (InputStream in = source.open(file)) {
            byte[] bytes = in.readAllBytes();
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new PackFile(name, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("cannot read " + source.name() + ": " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name() + ": " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file of the pack read on its own.
     *
     * @param name what diagnostics call it
     * @param text its text, without a byte-order mark
     */
    record PackFile(String name, String text) {
    }

    /** The names of the bundled example packs, from the index shipped with them. */
    static Set<String> examples() {
        Set<String> names = new TreeSet<>();
        try (InputStream in = ExamplePacks.class.getClassLoader()
                .getResourceAsStream(ExamplePacks.RESOURCE_ROOT + ExamplePacks.INDEX)) {
            if (in == null) {
                return names;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#") && l.contains("/")) {
                    names.add(l.substring(0, l.indexOf('/')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of the example packs: " + e.getMessage(), e);
        }
        return names;
    }
}
