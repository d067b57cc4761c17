package io.siyu.rules.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The command line's own messages (usage errors, input lines that are not UTF-8, ...), in English and Chinese:
 * {@code io/siyu/rules/cli/messages.properties} and {@code messages_zh_CN.properties}. Stateless and thread-safe.
 */
final class CliMessages {
    private static final String BUNDLE = "io.siyu.rules.cli.messages";
    // No fallback to the JVM's default locale: English is asked for as English, whatever this computer's language.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private CliMessages() {
    }

    /** The message {@code key} in English, {@code {0}}… filled with {@code args}. */
    static String format(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }

    /** The message {@code key} in {@code locale} (Chinese for any zh locale, English otherwise). */
    static String format(Locale locale, String key, Object... args) {
        Locale l = isChinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        String pattern = ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, l).format(args);
    }

    static boolean isChinese(Locale locale) {
        return Objects.requireNonNull(locale, "locale").getLanguage().equals("zh");
    }

    /**
     * The locale asked for on a command line ({@code --locale zh_CN} or {@code --locale=zh_CN}), or the JVM's: for
     * messages given before or without the parsed options (usage errors).
     */
    static Locale localeOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.startsWith("--locale=") ? a.substring("--locale=".length())
                    : a.equals("--locale") && i + 1 < args.size() ? args.get(i + 1) : null;
            if (value != null) {
                try {
                    return new LocaleConverter().convert(value);
                } catch (RuntimeException unsupported) {
                    return Locale.getDefault();
                }
            }
        }
        return Locale.getDefault();
    }
}
