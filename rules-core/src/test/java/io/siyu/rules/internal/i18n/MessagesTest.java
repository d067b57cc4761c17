package io.siyu.rules.internal.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.MissingResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Message files are read by the library itself (so that they are found in a named module too): the
 * locale chain, key-by-key fallback and MessageFormat patterns must behave as ResourceBundle's did.
 * That the JVM's default locale is never used is shown by ModulePathIT, whose JVM defaults to Chinese.
 */
class MessagesTest {
    private static final String FIXTURE = "io.siyu.rules.internal.i18n.fixture";

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "fr-FR", "zh", "und"})
    void everyLocaleWithoutATranslationReadsTheEnglishBase(String tag) {
        Messages messages = Messages.of(FIXTURE, Locale.forLanguageTag(tag));

        assertThat(messages.format("greeting", "Lin")).isEqualTo("Hello, Lin!");
        assertThat(messages.locale()).isEqualTo(Locale.forLanguageTag(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh-Hans-CN"})
    void simplifiedChineseReadsTheTranslation(String tag) {
        assertThat(Messages.of(FIXTURE, Locale.forLanguageTag(tag)).format("greeting", "小美")).isEqualTo("你好，小美！");
    }

    @Test
    void aKeyMissingFromTheTranslationFallsBackToEnglishOnItsOwn() {
        Messages chinese = Messages.of(FIXTURE, Locale.SIMPLIFIED_CHINESE);

        assertThat(chinese.format("only-in-base")).isEqualTo("Not translated yet.");
        assertThat(chinese.format("plain")).isEqualTo("没问题。");
    }

    @Test
    void patternsAreMessageFormatsInTheReadersLocale() {
        assertThat(Messages.of(FIXTURE, Locale.ENGLISH).format("count", 1234)).isEqualTo("It's 1,234 problem(s).");
        assertThat(Messages.of(FIXTURE, Locale.SIMPLIFIED_CHINESE).format("count", 3)).isEqualTo("共 3 个问题。");
        assertThat(Messages.of(FIXTURE, Locale.ENGLISH).format("plain")).as("no arguments: '' is still one quote")
                .isEqualTo("It's fine.");
    }

    @Test
    void theLibrarysOwnBundlesAreFound() {
        assertThat(Messages.of("io.siyu.rules.pack.messages", Locale.SIMPLIFIED_CHINESE)
                .format("pack.not-a-directory", "x")).isEqualTo("x 不是规则包目录。");
        assertThat(Messages.of("io.siyu.rules.internal.json.messages", Locale.ENGLISH).format("json.empty"))
                .isNotBlank();
    }

    @Test
    void anUnknownKeyOrBundleIsAMissingResource() {
        Messages messages = Messages.of(FIXTURE, Locale.ENGLISH);
        assertThatThrownBy(() -> messages.format("no.such.key"))
                .isInstanceOfSatisfying(MissingResourceException.class,
                        e -> assertThat(e.getKey()).isEqualTo("no.such.key"))
                .hasMessageContaining(FIXTURE);
        assertThatThrownBy(() -> Messages.of("io.siyu.rules.internal.i18n.nothing", Locale.ENGLISH))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("io.siyu.rules.internal.i18n.nothing");
    }

    @Test
    void aFileThatIsNotUtf8FailsLoudly() {
        assertThatThrownBy(() -> Messages.of("io.siyu.rules.internal.i18n.latin1", Locale.ENGLISH))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("io/siyu/rules/internal/i18n/latin1.properties");
    }
}
