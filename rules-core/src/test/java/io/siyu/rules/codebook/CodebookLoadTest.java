package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class CodebookLoadTest {

    @Test
    void loadsTheGaoziCodebook() {
        Codebook codebook = TestCodebooks.gaozi();

        assertThat(codebook.id()).isEqualTo("gaozi-skincare");
        assertThat(codebook.version()).isEqualTo("2024.3");
        assertThat(codebook.questions()).extracting(Question::id)
                .containsExactly("skinType", "problems", "concern", "budget", "source");
        Question concern = codebook.question("concern").orElseThrow();
        assertThat(concern.text()).isEqualTo("您最想解决的问题是？");
        assertThat(concern.type()).isEqualTo(QuestionType.SINGLE);
        assertThat(concern.required()).isTrue();
        assertThat(concern.option("acne")).contains(new Option("acne", "D", "最想解决痘痘"));
        assertThat(codebook.question("problems").orElseThrow().type()).isEqualTo(QuestionType.MULTI);
        assertThat(codebook.question("budget").orElseThrow().required()).isFalse();
        assertThat(codebook.question("age")).isEmpty();
        assertThat(codebook.allCodes()).containsExactly(
                "1", "2", "8", "3", "4", "6", "7", "D", "B", "C", "E", "L", "M", "H", "Y1", "Y2", "Y3");
        assertThat(codebook.remarkMaxLength()).isEqualTo(20);
    }

    @Test
    void maxCodesLengthCountsTheLongestSingleCodeAndEveryMultiCode() {
        // skinType 1 + problems 3467 (4) + concern 1 + budget 1 + source Y1 (2)
        assertThat(TestCodebooks.gaozi().maxCodesLength()).isEqualTo(9);
    }

    @Test
    void remarkLimitDefaultsToTheWeComLimitOf20() {
        Codebook codebook = Codebook.parse("codebook.json", """
                {"id": "x", "version": "1", "questions": [
                  {"id": "q", "text": "?", "type": "multi", "options": [{"id": "a", "code": "A", "label": "a"}]}
                ]}""", Locale.ENGLISH);

        assertThat(codebook.remarkMaxLength()).isEqualTo(20);
        assertThat(codebook.fileName()).isEqualTo("codebook.json");
        assertThat(codebook.question("q").orElseThrow().required()).isTrue();
    }

    @Test
    void reportsEveryStructuralProblemWithPositionAndPath() {
        CodebookException e = loadFailure("broken-structure.json", Locale.ENGLISH);

        assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.file()).endsWith("broken-structure.json"));
        assertThat(e.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(
                        tuple(1, 1, "version", "json.missing-field",
                                "The field \"version\" is missing: add it at the top level (inside the outermost { … })."),
                        tuple(3, 3, "owner", "json.unknown-field",
                                "Unknown field \"owner\". The fields allowed here are: id, version, remark, questions."),
                        tuple(5, 5, "questions[0].text", "json.missing-field",
                                "The field \"text\" is missing from questions[0]."),
                        tuple(7, 15, "questions[0].type", "codebook.bad-type",
                                "The question type \"triple\" is not known; write \"single\" (one answer) or \"multi\" (several answers)."),
                        tuple(8, 19, "questions[0].required", "json.wrong-type",
                                "questions[0].required must be true or false, but it is a text."),
                        tuple(10, 55, "questions[0].options[0].color", "json.unknown-field",
                                "Unknown field \"color\". The fields allowed here are: id, code, label."),
                        tuple(11, 9, "questions[0].options[1].code", "json.missing-field",
                                "The field \"code\" is missing from questions[0].options[1]."),
                        tuple(18, 18, "questions[1].options", "codebook.no-options",
                                "Question \"concern\" has no options; add at least one option to its \"options\"."));
        assertThat(e.getMessage()).startsWith(e.diagnostics().get(0).file() + ": the codebook has 8 problems.");
    }

    @Test
    void reportsDuplicateIdsDuplicateCodesPrefixCodesAndBadCharacters() {
        CodebookException e = loadFailure("broken-codes.json", Locale.ENGLISH);

        assertThat(e.diagnostics())
                .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(
                        tuple(11, 17, "questions[0].options[1].id", "codebook.duplicate-option",
                                "Option id \"oily\" is already used by another option of question \"skinType\" (line 10); "
                                        + "give each option its own id."),
                        tuple(12, 34, "questions[0].options[2].code", "codebook.duplicate-code",
                                "Code \"1\" is already the code of option \"oily\" of question \"skinType\" "
                                        + "(line 10, at questions[0].options[0].code); every option needs a different code."),
                        tuple(16, 13, "questions[1].id", "codebook.duplicate-question",
                                "Question id \"skinType\" is already used by another question (line 6); "
                                        + "give each question its own id."),
                        tuple(21, 35, "questions[1].options[1].code", "codebook.code-prefix",
                                "Code \"D\" clashes with code \"D1\" of option \"acne\" of question \"skinType\" "
                                        + "(line 20, at questions[1].options[0].code): \"D\" is the beginning of \"D1\", "
                                        + "so codes written together could not be read back one way only. "
                                        + "Change one of the two codes."),
                        tuple(22, 34, "questions[1].options[2].code", "codebook.bad-code-character",
                                "Code \"E F\" has the character \" \" (U+0020) at position 2; a code may contain only "
                                        + "letters and digits (no spaces, separators or punctuation)."),
                        tuple(23, 34, "questions[1].options[3].code", "codebook.bad-code-character",
                                "Code \"P-1\" has the character \"-\" (U+002D) at position 2; a code may contain only "
                                        + "letters and digits (no spaces, separators or punctuation)."));
    }

    @Test
    void prefixClashIsFoundWhicheverCodeComesFirst() {
        CodebookException e = parseFailure("""
                {"id": "x", "version": "1", "questions": [
                  {"id": "q", "text": "?", "type": "multi", "options": [
                    {"id": "a", "code": "A", "label": "a"},
                    {"id": "b", "code": "AB", "label": "b"}]}
                ]}""");

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.code-prefix");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(25);
            assertThat(d.path()).isEqualTo("questions[0].options[1].code");
            assertThat(d.message()).startsWith("Code \"AB\" clashes with code \"A\" of option \"a\" of question \"q\" "
                    + "(line 3, at questions[0].options[0].code): \"A\" is the beginning of \"AB\"");
        });
    }

    @Test
    void rejectsACodebookWhoseCodesCannotFitInTheRemark() {
        CodebookException e = loadFailure("too-long.json", Locale.ENGLISH);

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.codes-too-long");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(28);
            assertThat(d.path()).isEqualTo("remark.maxLength");
            assertThat(d.message()).isEqualTo("The longest codes string this codebook can produce has 6 characters, "
                    + "but a remark may have only 4 (remark.maxLength). Shorten some codes, or raise "
                    + "remark.maxLength if your system allows longer remarks.");
        });
    }

    @Test
    void reportsInChineseForAChineseLocale() {
        CodebookException e = loadFailure("too-long.json", Locale.SIMPLIFIED_CHINESE);

        assertThat(e.diagnostics()).singleElement().extracting(Diagnostic::message).isEqualTo(
                "此密码本能生成的最长代码串有 6 个字符，但备注最多只能有 4 个字符（remark.maxLength）。"
                        + "请缩短部分代码；如果系统允许更长的备注，也可以调大 remark.maxLength。");
        assertThat(e.getMessage()).contains("密码本有 1 个问题");
    }

    @Test
    void reportsMalformedJsonWhereTheParserGaveUp() {
        CodebookException e = loadFailure("malformed.json", Locale.ENGLISH);

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("json.malformed");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(3);
            assertThat(d.path()).isEmpty();
            assertThat(d.message()).isEqualTo("This is not valid JSON here: a comma (,) is missing before \"questions\".");
        });
    }

    @Test
    void reportsEmptyQuestionListAndMissingTopLevelFieldsUnderThePackRelativeName() {
        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> Codebook.parse("gaozi/codebook.json", "{\"questions\": []}", Locale.ENGLISH));

        assertThat(e.diagnostics())
                .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::path,
                        Diagnostic::message)
                .containsExactly(
                        tuple("gaozi/codebook.json", 1, 1, "id", "The field \"id\" is missing: add it at the top level (inside the outermost { … })."),
                        tuple("gaozi/codebook.json", 1, 1, "version",
                                "The field \"version\" is missing: add it at the top level (inside the outermost { … })."),
                        tuple("gaozi/codebook.json", 1, 15, "questions",
                                "The codebook has no questions; add at least one question to \"questions\"."));
    }

    @Test
    void aMissingFileIsACodebookExceptionThatKeepsTheCause() {
        Path missing = Path.of("no-such-dir", "codebook.json");

        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> Codebook.load(missing, Locale.ENGLISH));

        assertThat(e.getCause()).isInstanceOf(NoSuchFileException.class);
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(missing.toString());
            assertThat(d.key()).isEqualTo("codebook.unreadable");
            assertThat(d.line()).isZero();
            assertThat(d.message()).startsWith("The codebook file cannot be read (NoSuchFileException: ")
                    .endsWith("Check that it exists, that it may be read, and that it is saved as UTF-8.");
        });
    }

    @Test
    void loadWithoutLocaleUsesTheDefaultLocale() {
        assertThat(Codebook.load(TestCodebooks.file("gaozi.json")).locale()).isEqualTo(Locale.getDefault());
    }

    private static CodebookException loadFailure(String name, Locale locale) {
        return catchThrowableOfType(CodebookException.class, () -> Codebook.load(TestCodebooks.file(name), locale));
    }

    private static CodebookException parseFailure(String json) {
        return catchThrowableOfType(CodebookException.class, () -> Codebook.parse("codebook.json", json, Locale.ENGLISH));
    }
}
