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

    /**
     * The codebook of the test pack {@code packs/skincare} (codes {@code 1}–{@code 6}, {@code A}–{@code G},
     * {@code U1}–{@code U3}, {@code Y1}–{@code Y3}), whose remarks read like {@code 王女士 3DU1}.
     */
    static Codebook skincare(Locale locale) {
        try {
            Path file = Path.of(TestCodebooks.class.getResource("/packs/skincare/codebook.json").toURI());
            return Codebook.parse("codebook.json", Files.readString(file), locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A codebook from its JSON text, named {@code codebook.json}, messages in {@code locale}. */
    static Codebook parse(String json, Locale locale) {
        return Codebook.parse("codebook.json", json, locale);
    }

    /** The Gaozi codebook, messages in English. */
    static Codebook gaozi() {
        return gaozi(Locale.ENGLISH);
    }
}
