package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Remarks as staff really type them: full-width forms, lower case, and specific reasons when they still fail. */
class CodebookRemarkReadingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final Codebook skincare = TestCodebooks.skincare(Locale.ENGLISH);
    private final Codebook gaozi = TestCodebooks.gaozi();

    /** A codebook with a retired code: {@code Y4} (微博) was removed from question {@code source}. */
    private static final String WITH_RETIRED = """
            {
              "id": "retired-test", "version": "2",
              "questions": [
                { "id": "concern", "text": "最想解决？", "type": "single",
                  "options": [ { "id": "acne", "code": "D", "label": "痘痘" }, { "id": "spots", "code": "E", "label": "痘印" } ] },
                { "id": "source", "text": "从哪里认识我们？", "type": "single", "required": false,
                  "options": [ { "id": "douyin", "code": "Y1", "label": "抖音" } ],
                  "retiredCodes": ["Y4"] }
              ]
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"王女士 ３ＤＵ１", "王女士 3du1", "王女士 ３ｄｕ１", "王女士　3DU1", "王女士／3dU1", "3du1－王女士",
            "王女士，３Ｄｕ１", "VIP｜3DU1"})
    void readsFullWidthAndLowerCaseCodesAsTheCodes(String remark) {
        TagSet tags = skincare.readRemark(remark);

        assertThat(tags).isEqualTo(skincare.decode("3DU1"));
        assertThat(tags.codes()).isEqualTo("3DU1");
    }

    @Test
    void decodeStaysExact() {
        assertThat(catchThrowableOfType(CodebookException.class, () -> skincare.decode("3du1"))).isNotNull();
        assertThat(catchThrowableOfType(CodebookException.class, () -> skincare.decode("３DU1"))).isNotNull();
    }

    @Test
    void ignoresCaseOnlyWhenNoTwoCodesDifferByCaseAlone() {
        assertThat(skincare.remarksIgnoreCase()).isTrue();
        Codebook caseMatters = TestCodebooks.parse(twoCodes("a", "A"), Locale.ENGLISH);
        Codebook prefixWhenFolded = TestCodebooks.parse(twoCodes("d", "D1"), Locale.ENGLISH);

        assertThat(caseMatters.remarksIgnoreCase()).isFalse();
        assertThat(caseMatters.readRemark("王 a").codes()).isEqualTo("a");
        assertThat(caseMatters.readRemark("王 A").codes()).isEqualTo("A");
        assertThat(prefixWhenFolded.remarksIgnoreCase()).isFalse();
        assertThat(prefixWhenFolded.readRemark("王 D1").codes()).isEqualTo("D1");
        assertThat(prefixWhenFolded.readRemark("王 d").codes()).isEqualTo("d");
        assertThat(catchThrowableOfType(CodebookException.class, () -> prefixWhenFolded.readRemark("王 d1")))
                .isNotNull();
    }

    private static String twoCodes(String first, String second) {
        return """
                { "id": "case", "version": "1", "questions": [ { "id": "q", "text": "?", "type": "multi", "options": [
                  { "id": "one", "code": "%s", "label": "一" }, { "id": "two", "code": "%s", "label": "二" } ] } ] }
                """.formatted(first, second);
    }

    @Test
    void anUnknownCodeIsNamedWithItsCharacterInTheRemarkAsTyped() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("王女士 ２３Ｘ"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple("remark[6]", "codebook.decode-unknown",
                        "Character 7 is \"Ｘ\" (U+FF38), which does not begin a code that may be written here. "
                                + "Codes that may be written here: \"4\", \"6\", \"7\", \"D\", \"B\", \"C\", \"E\", "
                                + "\"L\", \"M\", \"H\", \"Y1\", \"Y2\", \"Y3\"."));
        assertThat(e.getMessage()).doesNotContain("王");
        assertThat(zh(TestCodebooks.gaozi(ZH), "王女士 ２３Ｘ")).containsExactly(
                "第 7 个字符是 \"Ｘ\" (U+FF38)，它不是这里可以写的任何代码的开头。这里可以写的代码有：\"4\", \"6\", \"7\", \"D\", \"B\", \"C\", \"E\", "
                        + "\"L\", \"M\", \"H\", \"Y1\", \"Y2\", \"Y3\"。");
    }

    @Test
    void aPhoneNumberBesideBadCodesIsNotTakenForTheCodesAndTheWordTakenIsNamed() {
        // 13800138000 has codes of the test codebook (1, 3) in it, and fails five times; 3DQ fails once, at Q.
        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> skincare.readRemark("王小美 13800138000 3DQ"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key).containsExactly(
                tuple("remark[16]", "codebook.remark-codes-word"), tuple("remark[18]", "codebook.decode-unknown"));
        assertThat(e.diagnostics().get(0).message()).isEqualTo("No word of the remark reads as codes. 2 words "
                + "could be the codes; the word at characters 17 to 19, the closest to codes, was taken as them, and "
                + "the problems that follow are about it. If the codes are another word, correct that one.");
        assertThat(e.diagnostics().get(1).message()).startsWith("Character 19 is \"Q\"");
        assertThat(e.getMessage()).doesNotContain("13800138000").doesNotContain("王");
        assertThat(zh(TestCodebooks.skincare(ZH), "王小美 13800138000 3DQ").get(0))
                .startsWith("备注中没有一个词能读成代码。有 2 个词可能是代码；第 17 到第 19 个字符这个词最接近代码");
    }

    @Test
    void twoAnswersToASingleAnswerQuestion() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> skincare.readRemark("王女士 3DEU1"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple("remark[6]", "codebook.decode-single-twice",
                        "Code \"E\" at character 7 and code \"D\" at character 6 both answer question \"concern\", "
                                + "which takes one answer; keep one of them."));
        assertThat(zh(TestCodebooks.skincare(ZH), "王女士 3DEU1")).containsExactly(
                "第 7 个字符处的代码 \"E\" 和第 6 个字符处的代码 \"D\" 都在回答单选题 \"concern\"；只保留其中一个。");
    }

    @Test
    void aCodeRemovedFromTheCodebook() {
        Codebook codebook = TestCodebooks.parse(WITH_RETIRED, Locale.ENGLISH);

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.readRemark("王女士 DY4"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple("remark[5]", "codebook.decode-retired",
                        "Code \"Y4\" at character 6 was removed from codebook retired-test (it answered question "
                                + "\"source\"); delete it, or write the code of the customer's current answer."));
        assertThat(zh(TestCodebooks.parse(WITH_RETIRED, ZH), "王女士 DY4")).containsExactly(
                "第 6 个字符处的代码 \"Y4\" 已从密码本 retired-test 中停用（原属题目 \"source\"）；请删掉它，或改写成客户当前答案的代码。");
        assertThat(catchThrowableOfType(CodebookException.class, () -> codebook.decode("Dy4"))).isNotNull();
        assertThat(catchThrowableOfType(CodebookException.class, () -> codebook.decode("DY4")).diagnostics())
                .extracting(Diagnostic::path, Diagnostic::key).containsExactly(tuple("codes[1]", "codebook.decode-retired"));
        assertThat(codebook.question("source").orElseThrow().retiredCodes()).containsExactly("Y4");
    }

    @Test
    void aRetiredCodeAloneIsExplainedToo() {
        Codebook codebook = TestCodebooks.parse(WITH_RETIRED, Locale.ENGLISH);

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.readRemark("y4 王女士"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key)
                .containsExactly(tuple("remark[0]", "codebook.decode-retired"));
    }

    @Test
    void codesWrittenAgainstTheNameAreNamedByPosition() {
        CodebookException after = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("王女士23D"));
        CodebookException before = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("老客户 23d王女士"));

        assertThat(after.diagnostics()).extracting(Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple("remark[3]", "codebook.remark-codes-glued",
                        "The codes at characters 4 to 6 are written right against other text, so they are not a word "
                                + "of their own; put a space, or one of - _ | / , ， 、 ; ；, between them and the rest."));
        assertThat(before.diagnostics()).extracting(Diagnostic::path, Diagnostic::message)
                .containsExactly(tuple("remark[4]", "The codes at characters 5 to 7 are written right against other "
                        + "text, so they are not a word of their own; put a space, or one of - _ | / , ， 、 ; ；, "
                        + "between them and the rest."));
        assertThat(zh(TestCodebooks.gaozi(ZH), "王女士23D")).containsExactly(
                "第 4 到第 6 个字符的代码和其他文字连在一起，不是单独的一个词；请在它们和其余文字之间加一个空格或 - _ | / , ， 、 ; ； 之一。");
        assertThat(after.getMessage() + after.diagnostics()).doesNotContain("王");
    }

    @Test
    void aNameWithALetterOfACodeIsNotTakenForCodes() {
        // "D姐" holds a code but also a character no code has: it is a name, and never quoted.
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("D姐 老客户"));

        assertThat(e.diagnostics()).extracting(Diagnostic::key).containsExactly("codebook.remark-no-codes");
        assertThat(e.diagnostics().get(0).message()).doesNotContain("姐");
    }

    @Test
    void theWordThatLooksMostLikeCodesIsExplained() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("VIP 23DX 王"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key)
                .containsExactly(tuple("remark[7]", "codebook.decode-unknown"));
    }

    @Test
    void severalCodesWordsStillAnError() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> gaozi.readRemark("23d 王 １-E"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key)
                .containsExactly(tuple("remark[6]", "codebook.remark-several-codes"));
    }

    @Test
    void codesWithFullWidthOrCompatibilityCharactersDoNotLoad() {
        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> TestCodebooks.parse(twoCodes("Ｄ", "Y1"), Locale.ENGLISH));
        CodebookException zh = catchThrowableOfType(CodebookException.class,
                () -> TestCodebooks.parse(twoCodes("Ｄ", "Y1"), ZH));

        assertThat(e.diagnostics()).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path, Diagnostic::key,
                        Diagnostic::message)
                .containsExactly(tuple(2, 26, "questions[0].options[0].code", "codebook.code-compatibility-character",
                        "Code \"Ｄ\" has the full-width or compatibility character \"Ｄ\" (U+FF24) at position 1; write "
                                + "\"D\" (U+0044) instead. Remarks are read with such characters replaced, so this code "
                                + "could never be read back."));
        assertThat(zh.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "代码 \"Ｄ\" 的第 1 个字符 \"Ｄ\" (U+FF24) 是全角或兼容形式的字符；请改写成 \"D\" (U+0044)。"
                        + "读取备注时这类字符会被换成标准形式，所以这个代码永远无法被读回。");
    }

    @Test
    void aRetiredCodeStaysReserved() {
        String clash = WITH_RETIRED.replace("\"code\": \"Y1\"", "\"code\": \"Y4\"");

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> TestCodebooks.parse(clash,
                Locale.ENGLISH));

        assertThat(e.diagnostics()).extracting(Diagnostic::line, Diagnostic::path, Diagnostic::key, Diagnostic::message)
                .containsExactly(tuple(8, "questions[1].retiredCodes[0]", "codebook.retired-code-clash",
                        "Code \"Y4\" clashes with code \"Y4\" of question \"source\" (line 7, at "
                                + "questions[1].options[0].code): one of them is retired (retiredCodes), and a retired "
                                + "code stays reserved so that old remarks can still be explained, so the two must "
                                + "differ and neither may be the beginning of the other. Choose another code, or "
                                + "delete the old one from retiredCodes."));
    }

    /** The messages of reading a remark that fails, with a codebook loaded in Chinese. */
    private static List<String> zh(Codebook chinese, String remark) {
        return catchThrowableOfType(CodebookException.class, () -> chinese.readRemark(remark)).diagnostics().stream()
                .map(Diagnostic::message).toList();
    }
}
