package io.siyu.rules.internal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;

/**
 * Localized message texts for one feature, read from UTF-8 {@code .properties} files next to the feature's
 * classes (English base, {@code _zh_CN} for Simplified Chinese). Texts use {@link MessageFormat} patterns,
 * so a literal apostrophe is written {@code ''}.
 *
 * <p>A locale falls back along the usual chain ({@code zh_CN} → {@code zh} → base) and never to the JVM's
 * default locale: a reader who asked for English gets English on a Chinese machine.
 *
 * <p>The files are read here rather than through {@code ResourceBundle.getBundle}: the only form of that
 * method that can turn off the default-locale fallback takes a {@link ResourceBundle.Control}, which throws
 * {@link UnsupportedOperationException} when called from a named module. Reading through
 * {@link Module#getResourceAsStream} finds the files both on the class path and on the module path, where
 * the packages holding them are not open to anyone.
 *
 * <p>Immutable and thread-safe. Each call of {@link #of} reads the files again (a few kilobytes); callers
 * keep the instance for as long as they use the locale.
 */
public final class Messages {
    /** Only computes the candidate locales and file names: never used to load a bundle. */
    private static final ResourceBundle.Control NAMES =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final Map<String, String> patterns;
    private final Locale locale;

    private Messages(String baseName, Map<String, String> patterns, Locale locale) {
        this.baseName = baseName;
        this.patterns = patterns;
        this.locale = locale;
    }

    /**
     * The messages of a bundle in a locale.
     *
     * @param baseName the bundle's base name, e.g. {@code io.siyu.rules.codebook.messages}; its files are
     *                 resources of this module
     * @param locale   the reader's locale; falls back to English for anything not translated
     * @throws MissingResourceException if the bundle has no file at all (a bug in the library, not in input)
     * @throws UncheckedIOException     if a file of the bundle cannot be read or is not UTF-8
     */
    public static Messages of(String baseName, Locale locale) {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(locale, "locale");
        List<Locale> candidates = NAMES.getCandidateLocales(baseName, locale);
        Map<String, String> patterns = new HashMap<>();
        boolean found = false;
        // Most general first, so that the more specific files override it key by key.
        for (int i = candidates.size() - 1; i >= 0; i--) {
            found |= read(NAMES.toResourceName(NAMES.toBundleName(baseName, candidates.get(i)), "properties"),
                    patterns);
        }
        if (!found) {
            throw new MissingResourceException("no message file for bundle " + baseName + " in locale " + locale,
                    baseName, "");
        }
        return new Messages(baseName, Map.copyOf(patterns), locale);
    }

    /** Adds the texts of one file, if it exists; says whether it did. */
    private static boolean read(String resource, Map<String, String> patterns) {
        // Module.getResourceAsStream, not the class loader's: in a named module, the loader would only find
        // resources in open packages; the module itself finds all of its own.
        try (InputStream in = Messages.class.getModule().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Properties properties = new Properties();
            // A decoder that reports malformed input: a file saved in another encoding fails loudly instead
            // of showing replacement characters to a reader.
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> patterns.put((String) key, (String) value));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message file " + resource, e);
        }
    }

    /** The locale the texts are in. */
    public Locale locale() {
        return locale;
    }

    /**
     * The text for {@code key} with its arguments filled in.
     *
     * @throws MissingResourceException if the bundle has no such key (a bug in the library, not in input)
     */
    public String format(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new MissingResourceException("no message " + key + " in bundle " + baseName, baseName, key);
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
