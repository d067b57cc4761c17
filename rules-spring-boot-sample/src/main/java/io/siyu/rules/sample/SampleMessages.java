package io.siyu.rules.sample;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The service's own words, in English ({@code messages.properties}) and Chinese ({@code messages_zh_CN}). */
final class SampleMessages {
    private SampleMessages() {
    }

    /** The message {@code key} in {@code locale}, its {@code {0}}... filled with {@code args}. */
    static String format(Locale locale, String key, Object... args) {
        // No fallback to the JVM's default language: a client that asked for English gets English.
        ResourceBundle bundle = ResourceBundle.getBundle("io.siyu.rules.sample.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
