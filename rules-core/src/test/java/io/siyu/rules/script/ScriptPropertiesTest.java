package io.siyu.rules.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ScriptPropertiesTest {
    private static final ScriptLibrary GAOZI = TestLibraries.gaozi();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Any value, however it looks (braces, emoji, control characters), appears as it is and nowhere else.
     * Values are not blank as {@link String#isBlank()} sees it (the library's "no value"): jqwik's
     * {@code @NotBlank} lets through texts of only U+3000 or U+2000 spaces, which are blank.
     */
    @Property
    void valuesAreInsertedVerbatim(@ForAll("nonBlank") String nickname, @ForAll("nonBlank") String product) {
        RenderedScript offer = GAOZI.render("acne_strengthen", "c1", Map.of("nickname", nickname));
        assertThat(offer.text()).isEqualTo(nickname + "，闭口和痘痘最怕拖，越拖越难搞😣 你最近是哪里冒得最多呀？我帮你分析下原因～");

        RenderedScript both = GAOZI.render("acne_offer", "wx_10003", Map.of("nickname", nickname, "product", product));
        assertThat(both.text())
                .isEqualTo(nickname + "，你这种情况我很推荐" + product + "，我自己用了两周闭口就少了很多✨ 现在下单还送旅行装小样！")
                .contains(nickname, product);
    }

    @Provide
    Arbitrary<String> nonBlank() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(100).filter(s -> !s.isBlank());
    }

    /** Whatever the caller passes, a render either succeeds or explains itself with a ScriptRenderException. */
    @Property
    void renderFailsOnlyWithAScriptRenderException(@ForAll("scriptIds") String scriptId, @ForAll String customerId,
                                                   @ForAll("values") Map<String, String> values) {
        assertThatCode(() -> {
            try {
                GAOZI.render(scriptId, customerId, values);
            } catch (ScriptRenderException expected) {
                assertThat(expected.diagnostics()).isNotEmpty();
            }
        }).doesNotThrowAnyException();
    }

    /** Doubling the braces is all it takes to write any text literally. Fewer tries: each one parses a library. */
    @Property(tries = 300)
    void aTextWithEveryBraceDoubledRendersAsItself(@ForAll("nonBlank") String text) throws JsonProcessingException {
        String template = text.replace("{", "{{").replace("}", "}}");
        String json = "{ \"personas\": { \"p\": \"小丸子\" }, \"scripts\": [ { \"id\": \"s\", \"persona\": \"p\","
                + " \"channel\": \"group\", \"text\": " + JSON.writeValueAsString(template) + " } ] }";

        ScriptLibrary library = ScriptLibrary.parse("scripts.json", json, Locale.ENGLISH);

        assertThat(library.render("s", "c1", Map.of()).text()).isEqualTo(text);
    }

    @Property
    void theVariantOfACustomerNeverChanges(@ForAll String customerId) {
        String first = GAOZI.render("acne_offer", customerId, Map.of("nickname", "x")).variantId();
        assertThat(GAOZI.render("acne_offer", customerId, Map.of("nickname", "x")).variantId())
                .isEqualTo(first)
                .isIn("a", "b");
    }

    @Provide
    Arbitrary<String> scriptIds() {
        return Arbitraries.oneOf(Arbitraries.of(List.copyOf(GAOZI.ids())), Arbitraries.strings());
    }

    @Provide
    Arbitrary<Map<String, String>> values() {
        Arbitrary<String> names = Arbitraries.of("nickname", "product", "gift", "group", "persona", "other");
        Arbitrary<String> anyText = Arbitraries.oneOf(Arbitraries.strings(), Arbitraries.of("{product}", "{{", "}",
                "${x}", "😀".repeat(30), " ", ""));
        return Arbitraries.maps(names, anyText).ofMaxSize(6);
    }
}
