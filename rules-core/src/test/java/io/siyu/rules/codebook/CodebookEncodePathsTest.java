package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.diagnostic.Diagnostic;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Codebook#encode} has a fast path and a checked path ({@link Encoder}); they must never disagree.
 * Codebooks are generated, some with a multi question of more than 64 options (where a bit-mask fast path
 * would overflow), and answers are valid and invalid in every way the contract names.
 */
class CodebookEncodePathsTest {
    private static final Codebook GAOZI = TestCodebooks.gaozi();

    @Property(tries = 1000)
    void theFastPathGivesWhatTheCheckedPathGivesOrLeavesItToIt(@ForAll("cases") Case c) {
        Encoder encoder = c.codebook().encoder();

        Outcome checked = Outcome.of(() -> encoder.encodeChecked(c.answers()));
        TagSet fast = encoder.encodeFast(c.answers());
        Outcome encoded = Outcome.of(() -> c.codebook().encode(c.answers()));

        if (fast != null) {
            assertThat(Outcome.of(() -> fast)).isEqualTo(checked);
        }
        // The fast path may give up on valid answers only for a list answer to a big multi question.
        if (fast == null && checked.problems().isEmpty()) {
            assertThat(c.answersABigMultiQuestionWithAList()).as("fast path gave up on valid answers").isTrue();
        }
        // Whichever path answered, the public method gives the same tags, or the same errors, as the checked one.
        assertThat(encoded).isEqualTo(checked);

        String path = fast != null ? "fast" : checked.problems().isEmpty() ? "checked, valid" : "checked, invalid";
        Statistics.label("path").collect(path).coverage(check -> {
            check.check("fast").percentage(p -> p > 20);
            check.check("checked, invalid").percentage(p -> p > 10);
            check.check("checked, valid").percentage(p -> p > 1);
        });
        Statistics.label("valid list answer past option 64").collect(
                checked.problems().isEmpty() && c.choosesPastOption64()).coverage(check ->
                check.check(true).percentage(p -> p > 1));
    }

    @Test
    void encodesAMultiAnswerPast64OptionsInOptionOrder() {
        Codebook codebook = codebook(List.of(question(0, QuestionType.MULTI, true, 100)));

        TagSet tags = codebook.encode(Map.of("q0", List.of("o99", "o64", "o0", "o63", "o64")));

        assertThat(tags.options("q0")).containsExactly("o0", "o63", "o64", "o99");
        assertThat(tags.codes()).isEqualTo("A00A63A64A99");
    }

    // ---------------------------------------------------------------- what a path did

    /** The tags and codes a path gave, or the summary and problems of the exception it threw. */
    record Outcome(TagSet tags, String codes, String message, List<Diagnostic> problems) {
        static Outcome of(Supplier<TagSet> encode) {
            try {
                TagSet tags = encode.get();
                return new Outcome(tags, tags.codes(), null, List.of());
            } catch (CodebookException e) {
                assertThat(e.diagnostics()).isNotEmpty();
                return new Outcome(null, null, e.getMessage(), e.diagnostics());
            }
        }
    }

    // ---------------------------------------------------------------- generated codebooks and answers

    /** A codebook and answers to it; the answers may have any problem. */
    record Case(Codebook codebook, Map<String, Object> answers) {
        boolean answersABigMultiQuestionWithAList() {
            return codebook.questions().stream().anyMatch(q -> q.type() == QuestionType.MULTI
                    && q.options().size() > Encoder.FAST_MULTI_OPTIONS
                    && answers.get(q.id()) instanceof Collection<?> list && !list.isEmpty());
        }

        boolean choosesPastOption64() {
            return codebook.questions().stream().anyMatch(q -> answers.get(q.id()) instanceof Collection<?> list
                    && list.stream().anyMatch(item -> item instanceof CharSequence id
                    && q.option(id.toString()).map(o -> q.options().indexOf(o) >= 64).orElse(false)));
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(codebook.id()).append(" [");
            for (Question q : codebook.questions()) {
                out.append(q.id()).append(' ').append(q.type()).append(q.required() ? " required " : " optional ")
                        .append(q.options().size()).append(" options; ");
            }
            return out.append("] answers ").append(answers).toString();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Codebook> codebooks = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(GAOZI)),
                Tuple.of(4, generatedCodebooks()));
        return Combinators.combine(codebooks, Arbitraries.of(true, false)).flatAs((codebook, valid) ->
                answers(codebook, valid).map(answers -> new Case(codebook, answers)));
    }

    /** 1 to 5 questions; option ids {@code o0, o1, ...}, codes a letter per question and two digits. */
    private static Arbitrary<Codebook> generatedCodebooks() {
        Arbitrary<Integer> optionCounts = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 6)),
                Tuple.of(1, Arbitraries.of(63, 64, 65)),
                Tuple.of(2, Arbitraries.integers().between(66, 100)));
        Arbitrary<Tuple.Tuple3<QuestionType, Boolean, Integer>> shapes = Combinators.combine(
                Arbitraries.of(QuestionType.class), Arbitraries.of(true, false), optionCounts).as(Tuple::of);
        return shapes.list().ofMinSize(1).ofMaxSize(5).map(list -> codebook(IntStream.range(0, list.size())
                .mapToObj(q -> question(q, list.get(q).get1(), list.get(q).get2(), list.get(q).get3()))
                .toList()));
    }

    private static Question question(int q, QuestionType type, boolean required, int options) {
        List<Option> list = IntStream.range(0, options)
                .mapToObj(k -> new Option("o" + k, String.format(Locale.ROOT, "%c%02d", 'A' + q, k), "label " + k))
                .toList();
        return new Question("q" + q, "question " + q, type, required, list);
    }

    /**
     * Built directly rather than parsed: a 100-option multi question's codes are far longer than any
     * remark, which the parser rejects, and encoding does not care.
     */
    private static Codebook codebook(List<Question> questions) {
        return new Codebook("generated.json", Locale.ENGLISH, "generated", "1", questions, 150);
    }

    /** How an answer can be missing. */
    private enum Missing { NO_KEY, NULL_VALUE }

    /**
     * For each question, an answer of some kind or none, and sometimes keys that are no question; or,
     * when {@code valid}, answers the codebook accepts (in every form it accepts).
     */
    private static Arbitrary<Map<String, Object>> answers(Codebook codebook, boolean valid) {
        List<Arbitrary<Object>> perQuestion = new ArrayList<>();
        for (Question question : codebook.questions()) {
            perQuestion.add(valid ? validAnswer(question) : answer(question));
        }
        Arbitrary<List<Object>> extraKeys = valid ? Arbitraries.just(List.of()) : Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(List.of())),
                Tuple.of(1, Arbitraries.of("age", "Q0", "q9", "").map(List::<Object>of)),
                Tuple.of(1, Arbitraries.just(List.of(7))));
        return Combinators.combine(Combinators.combine(perQuestion).as(l -> l), extraKeys,
                Arbitraries.of(true, false)).as((values, extra, linked) -> {
            Map<String, Object> answers = linked ? new LinkedHashMap<>() : new HashMap<>();
            for (int q = 0; q < values.size(); q++) {
                Object value = values.get(q);
                if (value != Missing.NO_KEY) {
                    answers.put(codebook.questions().get(q).id(), value == Missing.NULL_VALUE ? null : value);
                }
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<Object, Object> raw = (Map) answers; // a caller's raw map may hold any key
            extra.forEach(key -> raw.put(key, "o0"));
            return answers;
        });
    }

    /** A valid answer to one question: an option id as text, a list of them, or none if it is optional. */
    private static Arbitrary<Object> validAnswer(Question question) {
        Arbitrary<String> id = Arbitraries.of(question.options().stream().map(Option::id).toList());
        Arbitrary<Object> given = Arbitraries.frequencyOf(
                Tuple.of(3, id.map(o -> o)),
                Tuple.of(1, id.map(StringBuilder::new)),
                Tuple.of(4, validList(question, id)));
        return question.required() ? given : Arbitraries.frequencyOf(Tuple.of(4, given),
                Tuple.of(1, Arbitraries.<Object>of(Missing.NO_KEY, Missing.NULL_VALUE, List.of())));
    }

    /** A list answer the question accepts: any options of a multi question with repeats, one twice for a single one. */
    private static Arbitrary<Object> validList(Question question, Arbitrary<String> id) {
        return question.type() == QuestionType.MULTI
                ? id.list().ofMinSize(1).ofMaxSize(Math.min(question.options().size() + 2, 12)).map(l -> l)
                : id.map(o -> List.of(o, o));
    }

    /** An answer to one question, or how it is missing; any of the problems the contract names. */
    private static Arbitrary<Object> answer(Question question) {
        List<String> ids = question.options().stream().map(Option::id).toList();
        Arbitrary<String> id = Arbitraries.of(ids);
        Arbitrary<String> unknownId = Arbitraries.of("nope", "O0", "o" + ids.size(), "");
        Arbitrary<Object> validList = validList(question, id);
        Arbitrary<Object> someList = Arbitraries.oneOf(
                id.list().ofMinSize(1).ofMaxSize(4).map(l -> l),
                id.set().ofMinSize(1).ofMaxSize(Math.min(4, ids.size())).map(LinkedHashSet::new));
        Arbitrary<Object> badItems = Combinators.combine(id, Arbitraries.<Object>of(7, "nope", true).injectNull(0.3))
                .as((o, bad) -> Arrays.asList(o, bad));
        return Arbitraries.frequencyOf(
                Tuple.of(4, id.map(o -> o)),
                Tuple.of(4, validList),
                Tuple.of(2, someList),
                Tuple.of(1, id.map(StringBuilder::new)),
                Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(1, unknownId.map(o -> o)),
                Tuple.of(1, badItems),
                Tuple.of(1, Arbitraries.<Object>of(42, 4.2, Boolean.TRUE, Map.of("o0", 1))),
                Tuple.of(2, Arbitraries.<Object>of(Missing.NO_KEY, Missing.NULL_VALUE)));
    }
}
