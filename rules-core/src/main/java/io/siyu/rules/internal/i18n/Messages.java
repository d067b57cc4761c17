package io.siyu.rules.internal.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Localized message texts for one feature, read from a resource bundle (English base,
 * {@code _zh_CN} for Simplified Chinese). Texts use {@link MessageFormat} patterns, so a literal
 * apostrophe is written {@code ''}.
 *
 * <p>Immutable and thread-safe; {@link ResourceBundle} caches the bundles.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The messages of a bundle in a locale.
     *
     * @param baseName the bundle's base name, e.g. {@code io.siyu.rules.codebook.messages}
     * @param locale   the reader's locale; falls back to English for anything not translated
     */
    public static Messages of(String baseName, Locale locale) {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
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
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
