package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodebookPropertiesTest {
    private static final Codebook CODEBOOK = TestCodebooks.gaozi();
    /**
     * Name characters that can never form a code of the Gaozi codebook (its codes are digits and capitals,
     * read ignoring case in remarks).
     */
    private static final String NAME_CHARACTERS = "王李张陈女士先生妈妈客户老afgkxz -_|/,，、";

    @Property
    void decodeReadsBackWhatEncodeWrote(@ForAll("answers") Map<String, Object> answers) {
        TagSet encoded = CODEBOOK.encode(answers);

        TagSet decoded = CODEBOOK.decode(encoded.codes());

        assertThat(decoded).isEqualTo(encoded);
        assertThat(decoded.codes()).isEqualTo(encoded.codes());
        assertThat(CODEBOOK.describe(decoded)).hasSize(encoded.size());
    }

    @Property
    void encodedCodesNeverExceedMaxCodesLength(@ForAll("answers") Map<String, Object> answers) {
        String codes = CODEBOOK.encode(answers).codes();

        assertThat(codes.codePointCount(0, codes.length())).isLessThanOrEqualTo(CODEBOOK.maxCodesLength());
    }

    @Property(tries = 2000)
    void decodeEitherReadsTheWholeStringOrThrowsACodebookException(@ForAll("codeStrings") String codes) {
        TagSet decoded;
        try {
            decoded = CODEBOOK.decode(codes);
        } catch (CodebookException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.path()).startsWith("codes["));
            return;
        }
        assertThat(decoded.codes()).isEqualTo(codes);
    }

    @Property
    void readRemarkReadsBackWhatWriteRemarkWrote(@ForAll("answers") Map<String, Object> answers,
                                                 @ForAll("names") String name) {
        TagSet tags = CODEBOOK.encode(answers);

        String remark = CODEBOOK.writeRemark(name, tags);

        assertThat(remark.length()).isLessThanOrEqualTo(CODEBOOK.remarkMaxLength());
        assertThat(remark).endsWith(tags.codes());
        assertThat(CODEBOOK.readRemark(remark)).isEqualTo(tags);
    }

    /** Valid answers: every required question answered, options as text or as lists with repeats. */
    @Provide
    Arbitrary<Map<String, Object>> answers() {
        List<Arbitrary<Object>> perQuestion = new ArrayList<>();
        for (Question question : CODEBOOK.questions()) {
            List<String> ids = question.options().stream().map(Option::id).toList();
            Arbitrary<Object> answer = question.type() == QuestionType.SINGLE
                    ? Arbitraries.oneOf(Arbitraries.of(ids), Arbitraries.of(ids).map(List::of))
                    : Arbitraries.oneOf(Arbitraries.of(ids),
                            Arbitraries.of(ids).list().ofMinSize(1).ofMaxSize(ids.size() + 2).map(l -> l));
            perQuestion.add(question.required() ? answer : answer.injectNull(0.3));
        }
        return Combinators.combine(perQuestion).as(values -> {
            Map<String, Object> answers = new HashMap<>();
            for (int q = 0; q < values.size(); q++) {
                answers.put(CODEBOOK.questions().get(q).id(), values.get(q));
            }
            return answers;
        });
    }

    /** Arbitrary Unicode, and strings of real codes mixed with a little junk (nearly valid, often valid). */
    @Provide
    Arbitrary<String> codeStrings() {
        List<String> pieces = new ArrayList<>(CODEBOOK.allCodes());
        pieces.addAll(List.of("Y", "x", " ", "😀", "王", "\u0000"));
        Arbitrary<String> nearlyValid = Arbitraries.of(pieces).list().ofMaxSize(8).map(l -> String.join("", l));
        Arbitrary<String> canonical = answers().map(a -> CODEBOOK.encode(a).codes());
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12), nearlyValid, canonical);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars(NAME_CHARACTERS.toCharArray()).ofMaxLength(30);
    }
}
