package io.siyu.rules.spring;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The starter's own sentences (property problems, the failure analyzer's advice, health and endpoint states), in
 * English ({@code messages.properties}) and Simplified Chinese ({@code messages_zh_CN.properties}).
 */
final class StarterMessages {
    private static final String BUNDLE = "io.siyu.rules.spring.messages";

    private StarterMessages() {
    }

    /** The sentence for {@code key} in {@code locale} (English for any language but Chinese). */
    static String format(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.getDefault() : locale,
                StarterMessages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale == null ? Locale.getDefault() : locale).format(args);
    }
}
