package io.siyu.rules.decision;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Customer → JSON → customer gives the customer back, and the same customer always gives the same text. */
class CustomerJsonProperties {
    private static final RulePack SKINCARE = RulePack.load(Path.of("src/test/resources/packs/skincare"),
            PackOptions.builder().locale(Locale.ENGLISH).build());
    private static final DecisionJson JSON = SKINCARE.json();

    @Property(tries = 1000)
    void aWrittenCustomerReadsBackEqualAsADocumentAndAsALine(@ForAll("customers") Customer customer) {
        String json = JSON.writeCustomer(customer);
        assertThat(json).doesNotContain("\n", "\r").startsWith("{\"id\":");
        assertThat(JSON.readCustomer(json)).isEqualTo(customer);
        assertThat(JSON.readCustomer("<stdin>", 7, json)).isEqualTo(customer);
        // Canonical: what was read back is written as the same text.
        assertThat(JSON.writeCustomer(JSON.readCustomer(json))).isEqualTo(json);
    }

    @Property(tries = 200)
    void equalCustomersBuiltInAnotherOrderGiveTheSameText(@ForAll("customers") Customer customer) {
        Customer.Builder b = Customer.builder(customer.getId()).tags(customer.getTags())
                .signals(customer.getSignals()).funnel(customer.getStage(), customer.getFunnelDay());
        customer.getMessages().forEach(b::message);
        List<Map.Entry<String, Object>> attributes = new ArrayList<>(customer.getAttributes().entrySet());
        java.util.Collections.reverse(attributes);
        attributes.forEach(a -> b.attribute(a.getKey(), a.getValue()));
        assertThat(JSON.writeCustomer(b.build())).isEqualTo(JSON.writeCustomer(customer));
    }

    @Example
    void theFormIsExactlyThisOneLine() {
        Customer c = Customer.builder("c001").tags(SKINCARE.codebook().decode("34DU1"))
                .message("这个多少钱？").message("say \"hi\"\n👍🏽").replied(true).silentHours(2)
                .attribute("city", "上海").attribute("spend", new BigDecimal("299.90")).attribute("vip", true)
                .funnel(Stage.SEEDING, 3).build();
        assertThat(JSON.writeCustomer(c)).isEqualTo("{\"id\":\"c001\",\"codes\":\"34DU1\","
                + "\"messages\":[\"这个多少钱？\",\"say \\\"hi\\\"\\n👍🏽\"],"
                + "\"signals\":{\"replied\":true,\"silentHours\":2,\"clickedLink\":false,\"purchasedBefore\":false,"
                + "\"touchesToday\":0},\"attributes\":{\"city\":\"上海\",\"spend\":299.90,\"vip\":true},"
                + "\"stage\":\"SEEDING\",\"funnelDay\":3}");
    }

    @Example
    void aCustomerWithNothingKnownHasNoCodesAndReadsBackWithoutACodebook() {
        Customer c = Customer.builder("c2").build();
        DecisionJson noCodebook = DecisionJson.of(null, Locale.ENGLISH);
        String json = noCodebook.writeCustomer(c);
        assertThat(json).doesNotContain("codes");
        assertThat(noCodebook.readCustomer(json)).isEqualTo(c);
    }

    @Example
    void otherNumbersAreWrittenAsNumbersAndReadBackAsBigDecimals() {
        Customer c = Customer.builder("c3").attribute("age", 31).attribute("score", 2.5)
                .attribute("big", Long.MAX_VALUE).build();
        Customer back = JSON.readCustomer(JSON.writeCustomer(c));
        assertThat(back.getAttributes()).containsEntry("age", new BigDecimal("31"))
                .containsEntry("score", new BigDecimal("2.5"))
                .containsEntry("big", new BigDecimal(Long.MAX_VALUE));
        assertThat(back.number("age")).isEqualTo(c.number("age"));
    }

    @Example
    void whatCouldNotBeReadBackIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> JSON.writeCustomer(Customer.builder("c4").attribute("born",
                java.time.LocalDate.of(1990, 1, 1)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"born\"")
                .hasMessageContaining("java.time.LocalDate");
        assertThatThrownBy(() -> JSON.writeCustomer(Customer.builder("c4").attribute("x", Double.NaN).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> JSON.writeCustomer(Customer.builder("c4").silentHours(1_000_001).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silentHours");
        assertThatThrownBy(() -> JSON.writeCustomer(Customer.builder("c4").touchesToday(10_001).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touchesToday");
        assertThatThrownBy(() -> JSON.writeCustomer(Customer.builder("c4").funnel(Stage.SEEDING, 10_001).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("funnelDay");
        assertThatThrownBy(() -> DecisionJson.of(null, Locale.ENGLISH).writeCustomer(Customer.builder("c4")
                .tags(SKINCARE.codebook().decode("3")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no codebook");
    }

    /** Texts with what JSON must escape, Chinese, full-width forms and emoji (incl. ZWJ sequences, skin tones). */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(15),
                Arbitraries.of("这个多少钱？", "王女士", "上海", "１２３", "👨‍👩‍👧", "👍🏽", "🇨🇳", "😀", "", " ", "\u2028",
                        "\"", "\\", "\n", "\t", "\u0000", "é", "e\u0301").list().ofMaxSize(4)
                        .map(parts -> String.join("", parts)));
    }

    @Provide
    Arbitrary<Customer> customers() {
        Codebook codebook = SKINCARE.codebook();
        Arbitrary<TagSet> tags = DecisionJsonProperties.tags(codebook);
        Arbitrary<Object> attributeValue = Arbitraries.oneOf(text().map(t -> (Object) t),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.bigDecimals().ofScale(2).map(d -> (Object) d),
                Arbitraries.of("0", "-1", "1e3", "1E+3", "2.10", "0.000001", "12345678901234567890")
                        .map(d -> (Object) new BigDecimal(d)));
        Arbitrary<Map<String, Object>> attributes = Arbitraries.maps(text(), attributeValue).ofMaxSize(4);
        Arbitrary<Customer.Signals> signals = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 10_000)).as(Customer.Signals::new);
        Arbitrary<Stage> stages = Arbitraries.of(Stage.values());
        Arbitrary<Integer> days = Arbitraries.integers().between(-1, 10_000);
        Arbitrary<String> ids = text().filter(t -> !t.isBlank());
        return Combinators.combine(ids, tags, text().list().ofMaxSize(4), signals, attributes, stages, days)
                .as((id, t, messages, s, attrs, stage, day) -> {
                    Customer.Builder b = Customer.builder(id).tags(t).signals(s).funnel(stage, day);
                    messages.forEach(b::message);
                    attrs.forEach(b::attribute);
                    return b.build();
                });
    }
}
