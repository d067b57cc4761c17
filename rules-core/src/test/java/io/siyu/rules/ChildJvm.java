package io.siyu.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the integration tests (a {@code java} of this JDK) as a child process, output to files. */
final class ChildJvm {
    /** What a child run printed, and how it ended. */
    record Run(int exitCode, List<String> stdout, String stderr) {
    }

    private ChildJvm() {
    }

    /** This JDK's {@code java}, followed by {@code arguments}. */
    static List<String> java(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs the command with stdout and stderr in files of {@code tmp}, read as UTF-8.
     *
     * @throws AssertionError when it has not finished within 3 minutes (it is killed)
     */
    static Run run(Path tmp, List<String> command) throws IOException, InterruptedException {
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not finish within 3 minutes; stderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
