package io.siyu.rules.decision;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.script.RenderedScript;
import io.siyu.rules.script.Script;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Decision → JSON → decision gives the decision back: for decisions a real pack makes, and for any decision. */
class DecisionJsonProperties {
    private static final RulePack SKINCARE = RulePack.load(Path.of("src/test/resources/packs/skincare"),
            PackOptions.builder().locale(Locale.ENGLISH)
                    .clock(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC)).build());
    private static final DecisionJson JSON = SKINCARE.json();

    private static void roundTrips(Decision decision) {
        String json = JSON.write(decision);
        assertThat(json).doesNotContain("\n", "\r").startsWith("{\"id\":");
        assertThat(JSON.readDecision(json)).isEqualTo(decision);
        // Written again, the same bytes: the form is canonical.
        assertThat(JSON.write(JSON.readDecision(json))).isEqualTo(json);
    }

    @Property(tries = 300)
    void decisionsOfARealPackRoundTrip(@ForAll("customers") Customer customer) {
        roundTrips(SKINCARE.decide(customer));
    }

    @Property(tries = 1000)
    void anyDecisionRoundTrips(@ForAll("decisions") Decision decision) {
        roundTrips(decision);
    }

    @Example
    void theCliFormatKeepsItsFieldsInTheirOrderAndAddsTheNewOnesAtTheEnd() {
        Decision d = SKINCARE.decide(Customer.builder("c1").tags(SKINCARE.codebook().decode("34DU1"))
                .message("这个多少钱？").attribute("nickname", "小美").build());
        String json = JSON.write(d);
        List<String> order = List.of("\"id\":", "\"action\":", "\"script\":", "\"variant\":", "\"text\":",
                "\"intent\":", "\"score\":", "\"reasons\":", "\"firedRules\":", "\"vetoes\":", "\"losing\":",
                "\"packId\":", "\"packVersion\":", "\"winner\":", "\"persona\":", "\"channel\":", "\"failure\":");
        int at = -1;
        for (String field : order) {
            int next = json.indexOf(field, at + 1);
            assertThat(next).as(field + " after the previous field in " + json).isGreaterThan(at);
            at = next;
        }
        assertThat(json).contains("\"action\":\"OFFER_PRODUCT\"", "\"intent\":\"HOT\"", "\"channel\":\"one_to_one\"",
                "\"failure\":null");
    }

    @Example
    void aDecisionLineOfSiyuDecideReadsBackTooAndProblemsNameTheirPath() {
        Decision d = SKINCARE.decide(Customer.builder("c1").build());
        String line = "{\"line\":7," + JSON.write(d).substring(1);
        assertThat(JSON.readDecision(line)).isEqualTo(d);

        JsonInputException e = catchThrowableOfType(JsonInputException.class, () -> JSON.readDecision("""
                {"id": "c1", "action": "NONE", "intent": "LUKEWARM", "score": "high",
                 "packId": "p", "packVersion": "1", "channel": "fax"}
                """));
        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactlyInAnyOrder(
                "<decision>:1:42: \"LUKEWARM\" is not an intent level. Write one of: COLD, WARM, HOT. (at intent)",
                e.diagnostics().stream().filter(x -> x.path().equals("score")).findFirst().orElseThrow().format(),
                "<decision>:2:48: \"fax\" is not a channel. Write one of: one_to_one, group. (at channel)");
        assertThat(e.diagnostics()).filteredOn(x -> x.path().equals("score")).singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(1));
    }

    // ---------------------------------------------------------------- arbitraries

    /** Any answers to a codebook's questions (each answered or not), as the tags they decode to. */
    static Arbitrary<TagSet> tags(Codebook codebook) {
        List<Arbitrary<Optional<String>>> answers = new ArrayList<>();
        for (Question q : codebook.questions()) {
            answers.add(Arbitraries.of(q.options()).map(o -> o.code()).optional());
        }
        return Combinators.combine(answers).as(codes -> codes.stream().flatMap(Optional::stream)
                .reduce("", String::concat)).map(codebook::decode);
    }

    @Provide
    Arbitrary<Customer> customers() {
        Codebook codebook = SKINCARE.codebook();
        Arbitrary<TagSet> tags = tags(codebook);
        Arbitrary<List<String>> messages = Arbitraries.of("多少钱", "怎么买", "在吗", "谢谢", "loop", "随便看看")
                .list().ofMaxSize(3);
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12), tags,
                messages, Arbitraries.integers().between(0, 100), Arbitraries.of(true, false),
                Arbitraries.of("小美", "阿珍", "")).as((id, t, ms, silent, replied, nickname) -> {
            Customer.Builder b = Customer.builder(id).tags(t).silentHours(silent).replied(replied);
            ms.forEach(b::message);
            if (!nickname.isEmpty()) {
                b.attribute("nickname", nickname);
            }
            return b.build();
        });
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("痘闭口多少钱\"\\{}\n\t😀 ").ofMaxLength(12));
    }

    private static Arbitrary<Proposal> proposals() {
        return Combinators.combine(text(), Arbitraries.oneOf(Arbitraries.just(""), text()), Arbitraries.integers(),
                text(), text(), Arbitraries.integers().between(0, 50)).as(Proposal::new);
    }

    @Provide
    Arbitrary<Decision> decisions() {
        Arbitrary<List<Evidence>> evidence = Combinators.combine(Arbitraries.integers(), text(), text())
                .as(Evidence::new).list().ofMaxSize(4);
        Arbitrary<List<Veto>> vetoes = Combinators.combine(proposals(), text(), text()).as(Veto::new).list()
                .ofMaxSize(3);
        Arbitrary<Optional<Proposal>> winner = proposals().optional();
        Arbitrary<Optional<String[]>> rendered = Combinators.combine(Arbitraries.oneOf(Arbitraries.just(""), text()),
                text(), text(), Arbitraries.of(Script.Channel.values()).map(Script.Channel::id))
                .as((variant, body, persona, channel) -> new String[] {variant, body, persona, channel}).optional();
        // Ids, not a builder: a builder is mutable, and jqwik may hand the same generated value to several tries.
        Arbitrary<List<String>> ids = text().list().ofSize(3);
        return Combinators.combine(ids, Arbitraries.of(IntentLevel.values()), Arbitraries.integers(), evidence,
                        proposals().list().ofMaxSize(3), vetoes, text().list().ofMaxSize(5), winner)
                .flatAs((id, level, score, ev, losing, vetoed, fired, win) -> Combinators.combine(rendered,
                        text().optional(), moments().optional(), holdouts().optional()).as((script, failure, at, held) -> {
                    Decision.Builder b = Decision.builder(id.get(0), id.get(1), id.get(2));
                    b.intent(level, score, ev).losing(losing).vetoed(vetoed).firedRules(fired);
                    win.ifPresent(w -> {
                        b.winner(w);
                        script.ifPresent(s -> b.script(new RenderedScript(w.getScriptId(), s[0], s[1], s[2],
                                Script.Channel.fromId(s[3]).orElseThrow())));
                    });
                    at.ifPresent(b::decidedAt);
                    // A held-out customer: the would-be winner (or none) and its variant.
                    held.ifPresent(h -> b.holdout(h.winner().orElse(null), h.variant()));
                    failure.ifPresent(b::failure);
                    return b.build();
                }));
    }

    /** What {@code Decision.Builder.holdout} is given. */
    private record Held(Optional<Proposal> winner, String variant) {
    }

    private static Arbitrary<Held> holdouts() {
        return Combinators.combine(proposals().optional(), Arbitraries.oneOf(Arbitraries.just(""), text())).as(Held::new);
    }

    private static Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli)
                .flatMap(i -> Arbitraries.integers().between(0, 999_999).map(i::plusNanos));
    }

    @Example
    void aFailedDecisionKeepsItsReason() {
        roundTrips(Decision.failed("c1", "p", "1", "rules/intent.drl:17:0: rule \"x\" loops"));
        assertThat(JSON.readDecision(JSON.write(Decision.failed("c1", "p", "1", "why"))).failure()).contains("why");
    }
}
