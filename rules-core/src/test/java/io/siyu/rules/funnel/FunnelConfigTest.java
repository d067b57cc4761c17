package io.siyu.rules.funnel;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class FunnelConfigTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = FunnelConfigTest.class.getResourceAsStream("/funnel/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentedExample() throws IOException {
        FunnelConfig config = FunnelConfig.parse("funnel.json", resource("funnel.json"), Locale.ENGLISH);

        assertThat(config).isEqualTo(new FunnelConfig(5, 6, List.of("concern", "skin"), 180, true, true, false,
                ZoneId.of("Asia/Shanghai"), 30));
        assertThat(config.lastConversionDay()).isEqualTo(11);
    }

    @Test
    void anEmptyObjectMeansTheGaoziDefaults() {
        FunnelConfig config = FunnelConfig.parse("funnel.json", "{}", Locale.ENGLISH);
        assertThat(config).isEqualTo(FunnelConfig.defaults());
        assertThat(config.seedingDays()).isEqualTo(5);
        assertThat(config.conversionDays()).isEqualTo(6);
        assertThat(config.groupCapacity()).isEqualTo(200);
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void reportsEveryProblemWithItsPositionAndPath() throws IOException {
        FunnelConfigException e = catchThrowableOfType(FunnelConfigException.class,
                () -> FunnelConfig.parse("gaozi/funnel.json", resource("funnel-errors.json"), Locale.ENGLISH));

        assertThat(e.diagnostics())
                .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::key, Diagnostic::path)
                .as("in reading order").containsExactly(
                        tuple("gaozi/funnel.json", 3, 26, "json.wrong-type", "stages.seeding.days"),
                        tuple("gaozi/funnel.json", 4, 29, "json.out-of-range", "stages.conversion.days"),
                        tuple("gaozi/funnel.json", 4, 32, "json.unknown-field", "stages.conversion.hours"),
                        tuple("gaozi/funnel.json", 6, 27, "funnel.duplicate-cohort-question", "cohortBy[1]"),
                        tuple("gaozi/funnel.json", 7, 20, "funnel.group-capacity-over-wechat-limit", "groupCapacity"),
                        tuple("gaozi/funnel.json", 8, 39, "json.wrong-type", "exit.nurtureAfterConversion"),
                        tuple("gaozi/funnel.json", 9, 15, "funnel.unknown-timezone", "timezone"),
                        tuple("gaozi/funnel.json", 10, 3, "json.unknown-field", "colour"));
        assertThat(e.getMessage()).startsWith("gaozi/funnel.json cannot be used: 8 problem(s) found.")
                .contains("gaozi/funnel.json:7:20: The group capacity is 600, but WeChat allows at most 500 members",
                        "gaozi/funnel.json:9:15: \"Asia/Beijing\" is not a timezone.");
    }

    @Test
    void theReentryPolicyIsNeverOrSomeDaysAfterLeaving() {
        assertThat(FunnelConfig.parse("funnel.json", "{\"reentry\": \"never\"}", Locale.ENGLISH).allowsReentry())
                .isFalse();
        assertThat(FunnelConfig.parse("funnel.json", "{\"reentry\": {\"afterDays\": 0}}", Locale.ENGLISH)
                .reentryAfterDays()).isZero();
        assertThat(FunnelConfig.defaults().reentryAfterDays()).as("back whenever added again").isZero();

        FunnelConfigException e = catchThrowableOfType(FunnelConfigException.class, () -> FunnelConfig.parse(
                "funnel.json", "{\n \"reentry\": \"sometimes\",\n \"exit\": {}\n}", Locale.ENGLISH));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("funnel.reentry-invalid");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.path()).isEqualTo("reentry");
            assertThat(d.message()).contains("\"never\"", "afterDays", "sometimes");
        });
        FunnelConfigException tooLong = catchThrowableOfType(FunnelConfigException.class, () -> FunnelConfig.parse(
                "funnel.json", "{\"reentry\": {\"afterDays\": -1, \"weeks\": 2}}", Locale.SIMPLIFIED_CHINESE));
        assertThat(tooLong.diagnostics()).extracting(Diagnostic::key, Diagnostic::path).containsExactlyInAnyOrder(
                tuple("json.out-of-range", "reentry.afterDays"), tuple("json.unknown-field", "reentry.weeks"));
        assertThat(catchThrowableOfType(FunnelConfigException.class, () -> FunnelConfig.parse("funnel.json",
                "{\"reentry\": 30}", Locale.SIMPLIFIED_CHINESE)).diagnostics()).singleElement()
                .extracting(Diagnostic::message).asString().contains("reentry", "never", "afterDays");
    }

    @Test
    void speaksChineseToChineseOperators() {
        FunnelConfigException e = catchThrowableOfType(FunnelConfigException.class,
                () -> FunnelConfig.parse("funnel.json", "{\"timezone\": \"Mars/Olympus\"}", Locale.SIMPLIFIED_CHINESE));
        assertThat(e.diagnostics()).singleElement()
                .extracting(Diagnostic::message).asString().contains("不是有效的时区");
    }

    @Test
    void malformedJsonIsOneDiagnosticAtTheSpot() {
        assertThatThrownBy(() -> FunnelConfig.parse("funnel.json", "{\n  \"groupCapacity\": 200\n  \"timezone\": 1\n}",
                Locale.ENGLISH))
                .isInstanceOfSatisfying(FunnelConfigException.class, e -> assertThat(e.diagnostics()).singleElement()
                        .satisfies(d -> {
                            assertThat(d.key()).isEqualTo("json.malformed");
                            assertThat(d.line()).isEqualTo(3);
                        }));
    }

    @Test
    void everyMessageKeyHasAChineseTranslation() throws IOException {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties chinese = new java.util.Properties();
        try (InputStream en = FunnelConfig.class.getResourceAsStream("messages.properties");
             InputStream zh = FunnelConfig.class.getResourceAsStream("messages_zh_CN.properties")) {
            english.load(new java.io.InputStreamReader(en, StandardCharsets.UTF_8));
            chinese.load(new java.io.InputStreamReader(zh, StandardCharsets.UTF_8));
        }
        assertThat(chinese.keySet()).isEqualTo(english.keySet());
    }
}
