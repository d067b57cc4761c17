package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class CodebookEncodeTest {
    private final Codebook codebook = TestCodebooks.gaozi();

    @Test
    void aMistakeInTheAnswersNamesTheAnswersAndTheQuestionNotTheCodebookFile() {
        CodebookException e = org.assertj.core.api.Assertions.catchThrowableOfType(CodebookException.class,
                () -> codebook.encode(Map.of("skinType", "purple", "concern", "acne", "problems", List.of("acne"),
                        "colour", "red")));

        assertThat(e.diagnostics()).extracting(d -> d.file(), d -> d.path()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("<answers>", "answers.skinType"),
                org.assertj.core.groups.Tuple.tuple("<answers>", "answers.colour"));
        assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.format())
                .startsWith("<answers>:").doesNotContain(codebook.fileName() + ":"));
        assertThat(e.getMessage()).doesNotContain(codebook.fileName() + ":0:0");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CodebookException.class,
                () -> codebook.decode("9")).diagnostics()).extracting(d -> d.file()).containsOnly("<codes>");
    }

    @Test
    void encodesTheGaoziExample() {
        TagSet tags = codebook.encode(Map.of("skinType", "dry", "problems", List.of("acne"), "concern", "acne"));

        assertThat(tags.codes()).isEqualTo("23D");
        assertThat(tags.has("3")).isTrue();
        assertThat(tags.has("D")).isTrue();
        assertThat(tags.has("1")).isFalse();
        assertThat(tags.option("concern")).contains("acne");
        assertThat(codebook.describe(tags)).containsExactly("干性皮肤", "有痘痘困扰", "最想解决痘痘");
    }

    @Test
    void putsMultiAnswersInOptionOrderAndCollapsesDuplicates() {
        TagSet tags = codebook.encode(Map.of(
                "source", "xiaohongshu",
                "problems", List.of("sensitive", "acne", "sensitive", "blackheads"),
                "concern", "spots",
                "skinType", "oily"));

        assertThat(tags.codes()).isEqualTo("1347EY2");
        assertThat(tags.options("problems")).containsExactly("acne", "blackheads", "sensitive");
        assertThat(tags).isEqualTo(codebook.encode(Map.of(
                "skinType", "oily", "problems", Set.of("blackheads", "sensitive", "acne"),
                "concern", "spots", "source", "xiaohongshu")));
    }

    @Test
    void acceptsOneOptionAsTextForAMultiQuestionAndAOneElementListForASingleQuestion() {
        TagSet tags = codebook.encode(Map.of("skinType", List.of("dry"), "problems", "acne", "concern", "acne"));

        assertThat(tags.codes()).isEqualTo("23D");
    }

    @Test
    void optionalQuestionsMayBeLeftOutOrNull() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("skinType", "combination");
        answers.put("problems", List.of("closedComedones"));
        answers.put("concern", "closedComedones");
        answers.put("budget", null);

        assertThat(codebook.encode(answers).codes()).isEqualTo("86B");
    }

    @Test
    void reportsEveryProblemWithTheAnswerAndNothingPartial() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("skinType", List.of("oily", "dry"));
        answers.put("problems", List.of());
        answers.put("concern", "acnee");
        answers.put("budget", 300);
        answers.put("source", Arrays.asList("douyin", 7));
        answers.put("age", "25");

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.encode(answers));

        assertThat(e.diagnostics())
                .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::path, Diagnostic::message)
                .containsExactly(
                        tuple("<answers>", 0, 0, "answers.skinType",
                                "Question \"skinType\" takes one answer, but 2 different options were given: oily, dry."),
                        tuple("<answers>", 0, 0, "answers.problems",
                                "Question \"problems\" (您有哪些皮肤困扰？（可多选）) must be answered, "
                                        + "but the answers have nothing for it."),
                        tuple("<answers>", 0, 0, "answers.concern",
                                "Question \"concern\" has no option \"acnee\". "
                                        + "Its options are: acne, closedComedones, blackheads, spots."),
                        tuple("<answers>", 0, 0, "answers.budget",
                                "The answer to question \"budget\" must be an option id, or a list of option ids, "
                                        + "but it is a value of type Integer."),
                        tuple("<answers>", 0, 0, "answers.source[1]",
                                "Each answer to question \"source\" must be an option id (a text), but one is a value of type Integer."),
                        tuple("<answers>", 0, 0, "answers.age",
                                "The answers name question \"age\", which codebook gaozi-skincare does not have. "
                                        + "Its questions are: skinType, problems, concern, budget, source."));
        assertThat(e.diagnostics()).extracting(Diagnostic::key).containsExactly(
                "codebook.single-several", "codebook.missing-answer", "codebook.unknown-option",
                "codebook.answer-wrong-type", "codebook.answer-item-wrong-type", "codebook.unknown-question");
        assertThat(e.getMessage()).startsWith("The answers do not fit codebook gaozi-skincare: 6 problems.");
    }

    @Test
    void reportsAMissingRequiredAnswerInChinese() {
        Codebook chinese = TestCodebooks.gaozi(Locale.SIMPLIFIED_CHINESE);

        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> chinese.encode(Map.of("skinType", "dry", "problems", "acne")));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("answers.concern");
            assertThat(d.message()).isEqualTo("题目 \"concern\"（您最想解决的问题是？）必须回答，但答案中没有它。");
        });
    }

    @Test
    void describeRejectsTagsOfAnotherCodebook() {
        TagSet foreign = TagSet.of(List.of(new Tag("skinType", "dry", "2"), new Tag("concern", "acne", "Z")));

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.describe(foreign));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("tags[1]");
            assertThat(d.key()).isEqualTo("codebook.foreign-tag");
            assertThat(d.message()).isEqualTo("The tag for question \"concern\", option \"acne\" with code \"Z\" is not "
                    + "in codebook gaozi-skincare; it may come from another codebook or an older version.");
        });
    }

    @Test
    void describeGivesLabelsInCanonicalOrderEvenForAHandMadeTagSet() {
        TagSet handMade = TagSet.of(List.of(new Tag("concern", "acne", "D"), new Tag("skinType", "dry", "2")));

        assertThat(codebook.describe(handMade)).containsExactly("干性皮肤", "最想解决痘痘");
        assertThat(codebook.describe(TagSet.none())).isEmpty();
    }
}
