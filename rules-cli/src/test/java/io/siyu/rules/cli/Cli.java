package io.siyu.rules.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs siyu for tests: in-process through {@link Siyu#run}, or as a separate {@code java} process. */
final class Cli {
    /** The complete Gaozi-style test pack. */
    static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    /** 10:00 in Shanghai: outside the pack's quiet hours (22:00–08:00). */
    static final String DAYTIME = "2026-11-23T10:00:00+08:00";

    private Cli() {
    }

    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code
     * @param out      standard output, decoded as UTF-8
     * @param err      standard error, decoded as UTF-8
     */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Runs siyu in-process with the standard backends. */
    static Result run(String stdin, String... args) {
        return run(Backends.standard(), stdin, args);
    }

    /** Runs siyu in-process with these backends. */
    static Result run(Backends backends, String stdin, String... args) {
        return run(backends, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs siyu in-process with these bytes on standard input (text in another encoding than UTF-8). */
    static Result run(byte[] stdin, String... args) {
        return run(Backends.standard(), stdin, args);
    }

    private static Result run(Backends backends, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Siyu.run(args, new ByteArrayInputStream(stdin), print(out), print(err), backends);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs siyu as a real program on a UTF-8 platform; see {@link #spawnWithEncoding}. */
    static Result spawn(String stdin, String... args) {
        return spawnWithEncoding("UTF-8", stdin, args);
    }

    /**
     * Runs siyu as a real program, {@code java -cp <this test's class path> io.siyu.rules.cli.Siyu}, with this
     * platform encoding and English as the default language.
     */
    static Result spawnWithEncoding(String platformEncoding, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=" + platformEncoding, "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), Siyu.class.getName()));
        command.addAll(List.of(args));
        try {
            Path errFile = Files.createTempFile("siyu-err", ".txt");
            try {
                Process p = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(2, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("siyu " + String.join(" ", args) + " did not finish in 2 minutes");
                }
                return new Result(p.exitValue(), out, Files.readString(errFile, StandardCharsets.UTF_8));
            } finally {
                Files.delete(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A copy of the skincare pack in {@code dir}, to break in a test. */
    static Path copyOfSkincare(Path dir) {
        return copy(SKINCARE, dir.resolve("skincare"));
    }

    /** A copy of a pack directory at {@code target}, to break in a test. */
    static Path copy(Path pack, Path target) {
        try (Stream<Path> files = Files.walk(pack)) {
            for (Path source : files.toList()) {
                Files.copy(source, target.resolve(pack.relativize(source).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the first occurrence of {@code find} in a file of a pack; fails when it is not there. */
    static void edit(Path pack, String file, String find, String replacement) {
        Path path = pack.resolve(file);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int at = text.indexOf(find);
            if (at < 0) {
                throw new AssertionError(file + " has no " + find);
            }
            Files.writeString(path, text.substring(0, at) + replacement + text.substring(at + find.length()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
