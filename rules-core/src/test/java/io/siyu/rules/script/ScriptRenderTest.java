package io.siyu.rules.script;

import io.siyu.rules.script.Script.Channel;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ScriptRenderTest {
    private static final ScriptLibrary GAOZI = TestLibraries.gaozi();

    @Test
    void fillsInTheCustomerAndThePersona() {
        RenderedScript welcome = GAOZI.render("welcome", "wx_10001", Map.of("nickname", "小红"));

        assertThat(welcome).isEqualTo(new RenderedScript("welcome", "",
                "小红你好呀～我是小丸子🌸，以后你的皮肤问题都可以来问我哦！先花1分钟填个小问卷，我帮你看看适合什么护理～",
                "小丸子", Channel.ONE_TO_ONE));
    }

    @Test
    void aGroupScriptKeepsLiteralBracesAndItsPersona() {
        RenderedScript seeding = GAOZI.render("group_seeding_day1", "group-42", Map.of());

        assertThat(seeding.text()).isEqualTo("姐妹们早上好☀️ 我是高姿皮肤管理师。今天聊聊闭口的成因：{划重点}——清洁过度反而会让屏障受损哦！");
        assertThat(seeding.persona()).isEqualTo("高姿皮肤管理师");
        assertThat(seeding.channel()).isEqualTo(Channel.GROUP);
    }

    @Test
    void aVariableMayStandBetweenLiteralBraces() {
        String json = """
                { "personas": { "p": "小丸子" },
                  "variables": { "nickname": {} },
                  "scripts": [ { "id": "s", "persona": "p", "channel": "group", "text": "{{{nickname}}}{{}}" } ] }
                """;

        ScriptLibrary library = ScriptLibrary.parse("scripts.json", json, Locale.ENGLISH);

        assertThat(library.render("s", "c1", Map.of("nickname", "小红")).text()).isEqualTo("{小红}{}");
    }

    @Test
    void valuesComeFromTheCallerThenTheScriptThenTheLibrary() {
        // welfare_gift has its own default gift; survey_reminder uses the library's.
        assertThat(GAOZI.render("welfare_gift", "c1", Map.of("nickname", "小红")).text())
                .isEqualTo("小红，送你一份见面礼：5元无门槛券🎉 已经放进你的账户啦～");
        assertThat(GAOZI.render("survey_reminder", "c1", Map.of("nickname", "小红")).text())
                .isEqualTo("小红，问卷还没填完哦～填完就能领旅行装小样🎁");
        assertThat(GAOZI.render("welfare_gift", "c1", Map.of("nickname", "小红", "gift", "面膜一片")).text())
                .isEqualTo("小红，送你一份见面礼：面膜一片🎉 已经放进你的账户啦～");
    }

    @Test
    void aNullOrBlankValueCountsAsNoValue() {
        Map<String, Object> values = new HashMap<>();
        values.put("nickname", "小红");
        values.put("gift", null);
        assertThat(GAOZI.render("survey_reminder", "c1", values).text()).endsWith("领旅行装小样🎁");

        values.put("gift", "  ");
        assertThat(GAOZI.render("survey_reminder", "c1", values).text()).endsWith("领旅行装小样🎁");
    }

    @Test
    void theCallerCannotChangeThePersona() {
        assertThat(GAOZI.render("welcome", "c1", Map.of("nickname", "小红", "persona", "机器人")).text())
                .contains("我是小丸子");
    }

    @Test
    void valuesThatAreNotTextAreWrittenPlainly() {
        assertThat(GAOZI.render("welfare_gift", "c1", Map.of("nickname", 42, "gift", new BigDecimal("1E+1"))).text())
                .isEqualTo("42，送你一份见面礼：10🎉 已经放进你的账户啦～");
    }

    @Test
    void aMissingValueFailsTheRenderAndNamesEveryMissingVariable() {
        String json = """
                {
                  "personas": { "xiaowanzi": "小丸子" },
                  "variables": { "nickname": {}, "product": {}, "city": {} },
                  "scripts": [
                    { "id": "offer", "persona": "xiaowanzi", "channel": "one_to_one",
                      "text": "{nickname}你好，{city}的{nickname}们都在买{product}" }
                  ]
                }
                """;
        ScriptLibrary library = ScriptLibrary.parse("scripts.json", json, Locale.ENGLISH);

        ScriptRenderException e = catchThrowableOfType(ScriptRenderException.class,
                () -> library.render("offer", "c1", Map.of("city", "上海")));

        assertThat(e.scriptId()).isEqualTo("offer");
        assertThat(e.diagnostics())
                .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::path,
                        Diagnostic::message)
                .containsExactly(
                        tuple("scripts.json", 6, 16, "scripts[0].text", "Script \"offer\" needs a value for the"
                                + " variable \"nickname\" here, but none was given and it has no default. Pass"
                                + " \"nickname\" with the customer's values, or give it a default under the script's"
                                + " \"defaults\" or under \"variables\"."),
                        tuple("scripts.json", 6, 50, "scripts[0].text", "Script \"offer\" needs a value for the"
                                + " variable \"product\" here, but none was given and it has no default. Pass"
                                + " \"product\" with the customer's values, or give it a default under the script's"
                                + " \"defaults\" or under \"variables\"."));
        assertThat(e.getMessage()).startsWith("Script \"offer\" cannot be rendered for this customer: 2 variables"
                + " have no value (nickname, product).");
    }

    @Test
    void aMissingValueIsReportedInChineseToo() {
        ScriptLibrary chinese = ScriptLibrary.load(TestLibraries.DIRECTORY.resolve("gaozi-scripts.json"),
                Locale.SIMPLIFIED_CHINESE);

        ScriptRenderException e = catchThrowableOfType(ScriptRenderException.class,
                () -> chinese.render("welcome", "c1", Map.of()));

        assertThat(e.getMessage()).startsWith("无法为这位客户生成话术 \"welcome\"：有 1 个变量没有值（nickname）。");
    }

    @Test
    void anUnknownScriptIdIsARenderError() {
        ScriptRenderException e = catchThrowableOfType(ScriptRenderException.class,
                () -> GAOZI.render("acne_ofer", "c1", Map.of()));

        assertThat(e.diagnostics()).singleElement().extracting(Diagnostic::file, Diagnostic::key, Diagnostic::message)
                .containsExactly(TestLibraries.DIRECTORY.resolve("gaozi-scripts.json").toString(),
                        "script.unknown-script", "There is no script with the id \"acne_ofer\" in the script"
                                + " library. Check the script id the rule chose.");
    }

    // ---------------------------------------------------------------- variants

    @Test
    void aCustomerAlwaysGetsTheSameVariantOnEveryRunAndJvm() {
        // Expected values computed independently (FNV-1a 64 + murmur3 fmix64, in another language): if this
        // test fails, customers in running A/B tests would switch variants.
        assertThat(StableHash.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
        Map<String, String> expected = Map.of("wx_10001", "b", "wx_10002", "b", "wx_10003", "a",
                "wx_10004", "b", "wx_10005", "b", "客户-王女士", "b");
        ScriptLibrary reloaded = TestLibraries.gaozi();

        expected.forEach((customer, variant) -> {
            assertThat(GAOZI.render("acne_offer", customer, Map.of("nickname", "小红")).variantId())
                    .as(customer).isEqualTo(variant);
            assertThat(reloaded.render("acne_offer", customer, Map.of("nickname", "小红")).variantId())
                    .as(customer).isEqualTo(variant);
        });
        assertThat(GAOZI.render("acne_offer", "wx_10003", Map.of("nickname", "小红")).text())
                .isEqualTo("小红，你这种情况我很推荐高姿祛痘精华，我自己用了两周闭口就少了很多✨ 现在下单还送旅行装小样！");
    }

    @Test
    void variantsSplitCustomersInProportionToTheirWeights() {
        long a = IntStream.range(0, 10_000)
                .mapToObj(i -> GAOZI.render("acne_offer", "customer-" + i, Map.of("nickname", "x")).variantId())
                .filter("a"::equals)
                .count();

        // Weights 70/30: a binomial(10000, 0.7) lies within 7000 ± 230 (5 standard deviations).
        assertThat(a).isBetween(6770L, 7230L);
    }

    @Test
    void rendersTheSameFromManyThreads() {
        List<String> texts = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> GAOZI.render("acne_offer", "customer-" + (i % 10), Map.of("nickname", "小红")).text())
                .distinct().toList();

        assertThat(texts).hasSize(2);
    }

    // ---------------------------------------------------------------- length, in code points

    @Test
    void lengthIsCountedInCodePointsNotChars() {
        String seventeenEmoji = "😀".repeat(17); // 34 chars, 17 code points; "收到" + 17 + "～" = 20 code points
        assertThat(GAOZI.render("short_reply", "c1", Map.of("nickname", seventeenEmoji)).text())
                .isEqualTo("收到" + seventeenEmoji + "～");

        ScriptRenderException e = catchThrowableOfType(ScriptRenderException.class,
                () -> GAOZI.render("short_reply", "c1", Map.of("nickname", "😀".repeat(18))));

        assertThat(e.diagnostics()).singleElement()
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path, Diagnostic::message)
                .containsExactly(94, 15, "scripts[9].text", "Script \"short_reply\" is 21 characters long for this"
                        + " customer, more than its maxLength of 20. Shorten the text, raise maxLength, or set"
                        + " \"truncate\": true.");
        assertThat(e.getMessage()).doesNotContain("😀");
    }

    @Test
    void truncationNeverSplitsAnEmoji() {
        // "📢 群福利：" is 6 code points; with 50 lipstick emoji the text is far over maxLength 40.
        RenderedScript notice = GAOZI.render("group_conversion_notice", "c1", Map.of("product", "💄".repeat(50)));

        assertThat(notice.text()).isEqualTo("📢 群福利：" + "💄".repeat(33) + "…");
        assertThat(notice.text().codePointCount(0, notice.text().length())).isEqualTo(40);
        // A split pair would leave a lone surrogate, which codePoints() returns as a code point of its own.
        assertThat(notice.text().codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE
                && cp <= Character.MAX_SURROGATE)).isTrue();
    }

    @Test
    void aTextThatFitsIsNotTruncated() {
        assertThat(GAOZI.render("group_conversion_notice", "c1", Map.of()).text())
                .isEqualTo("📢 群福利：高姿祛痘精华今晚8点限时特价，错过就没有啦！");
    }

    // ---------------------------------------------------------------- template injection

    @ParameterizedTest
    @ValueSource(strings = {"{product}", "{{product}}", "${product}", "@{product}", "{persona}", "{", "}}",
            "#{T(java.lang.Runtime)}", "%s%n", "\\{gift\\}", "'{0}'"})
    void aCustomersValueIsInsertedLiterallyNeverInterpreted(String nickname) {
        RenderedScript welfare = GAOZI.render("welfare_gift", "c1", Map.of("nickname", nickname));

        assertThat(welfare.text()).isEqualTo(nickname + "，送你一份见面礼：5元无门槛券🎉 已经放进你的账户啦～");
    }
}
