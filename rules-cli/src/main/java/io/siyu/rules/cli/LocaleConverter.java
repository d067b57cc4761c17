package io.siyu.rules.cli;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;

/**
 * Reads {@code --locale}: {@code en} or {@code zh_CN} (also written {@code zh-CN}, {@code zh} or
 * {@code zh-Hans}), the two languages the library's messages are written in.
 */
final class LocaleConverter implements ITypeConverter<Locale> {
    @Override
    public Locale convert(String value) {
        String v = value.trim().replace('-', '_').toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.startsWith("en_")) {
            return Locale.ENGLISH;
        }
        if (v.equals("zh") || v.equals("zh_cn") || v.equals("zh_hans") || v.equals("zh_hans_cn")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        throw new UsageProblem.BadValue("locale.unsupported", value);
    }
}
