package io.siyu.rules.diagnostic;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler-style line, with the words it adds in the reader's language. */
class DiagnosticFormatTest {
    private final Diagnostic warning = new Diagnostic("funnel.json", 4, 15, Diagnostic.Severity.WARNING, "k",
            "timezone", "时区不一致。");

    @Test
    void englishByDefault() {
        assertThat(warning.format()).isEqualTo("funnel.json:4:15: warning: 时区不一致。 (at timezone)")
                .isEqualTo(warning.format(Locale.ENGLISH)).isEqualTo(warning.format(Locale.GERMANY));
    }

    @Test
    void chineseForAnyChineseLocale() {
        String zh = "funnel.json:4:15: 警告：时区不一致。（位置：timezone）";
        assertThat(warning.format(Locale.SIMPLIFIED_CHINESE)).isEqualTo(zh);
        assertThat(warning.format(Locale.TRADITIONAL_CHINESE)).isEqualTo(zh);
        assertThat(Diagnostic.error("a.drl", 1, 2, "k", "错。").format(Locale.CHINESE)).isEqualTo("a.drl:1:2: 错。");
    }
}
