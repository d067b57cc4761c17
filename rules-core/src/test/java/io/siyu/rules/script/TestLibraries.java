package io.siyu.rules.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The script library files the tests use, under {@code src/test/resources/script/}. */
final class TestLibraries {
    static final Path DIRECTORY = Path.of("src/test/resources/script");

    private TestLibraries() {
    }

    /** The realistic 高姿 library, spoken by 小丸子. */
    static ScriptLibrary gaozi() {
        return ScriptLibrary.load(DIRECTORY.resolve("gaozi-scripts.json"), Locale.ENGLISH);
    }

    /** The text of a test file. */
    static String read(String name) {
        try {
            return java.nio.file.Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
