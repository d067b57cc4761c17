package io.siyu.rules.codebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The codebook files under {@code src/test/resources/codebook}. */
final class TestCodebooks {
    private TestCodebooks() {
    }

    /** A test resource file as a path. */
    static Path file(String name) {
        try {
            return Path.of(TestCodebooks.class.getResource("/codebook/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The realistic Gaozi skincare codebook, messages in {@code locale}, named {@code gaozi.json} as the
     * rule-pack loader names it (relative to the pack).
     */
    static Codebook gaozi(Locale locale) {
        try {
            return Codebook.parse("gaozi.json", Files.readString(file("gaozi.json")), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Gaozi codebook, messages in English. */
    static Codebook gaozi() {
        return gaozi(Locale.ENGLISH);
    }
}
