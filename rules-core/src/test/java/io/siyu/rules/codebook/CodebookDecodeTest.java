package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class CodebookDecodeTest {
    private static final String AFTER_ACNE =
            "\"4\", \"6\", \"7\", \"D\", \"B\", \"C\", \"E\", \"L\", \"M\", \"H\", \"Y1\", \"Y2\", \"Y3\"";

    private final Codebook codebook = TestCodebooks.gaozi();

    @Test
    void decodesTheGaoziExample() {
        TagSet tags = codebook.decode("23D");

        assertThat(tags).isEqualTo(codebook.encode(
                Map.of("skinType", "dry", "problems", List.of("acne"), "concern", "acne")));
        assertThat(tags.codes()).isEqualTo("23D");
        assertThat(tags.tags()).containsExactly(
                new Tag("skinType", "dry", "2"), new Tag("problems", "acne", "3"), new Tag("concern", "acne", "D"));
    }

    @Test
    void decodesMultiCharacterCodesAndTheEmptyString() {
        assertThat(codebook.decode("1467CHY3").options("problems")).containsExactly("blackheads", "closedComedones",
                "sensitive");
        assertThat(codebook.decode("Y2").option("source")).contains("xiaohongshu");
        assertThat(codebook.decode("")).isEqualTo(TagSet.none());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            23X   | codes[2] | codebook.decode-unknown       | Character 3 is "X" (U+0058), which does not begin a code that may be written here. Codes that may be written here: %s.
            2Y9   | codes[2] | codebook.decode-unknown       | Character 3 is "9" (U+0039), which does not begin a code that may be written here. Codes that may be written here: "Y1", "Y2", "Y3".
            2Y    | codes[1] | codebook.decode-incomplete    | The codes end in the middle of a code: "Y" from character 2 is only the beginning of "Y1", "Y2", "Y3".
            233D  | codes[2] | codebook.decode-repeated      | Code "3" at character 3 was already written at character 2; write each code once.
            12D   | codes[1] | codebook.decode-single-twice  | Code "2" at character 2 and code "1" at character 1 both answer question "skinType", which takes one answer; keep one of them.
            D3    | codes[1] | codebook.decode-order         | Code "3" at character 2 must be written before code "D" (character 1); write codes in codebook order.
            2Y1D  | codes[3] | codebook.decode-order         | Code "D" at character 4 must be written before code "Y1" (character 2); write codes in codebook order.
            2Y1Y2 | codes[3] | codebook.decode-single-twice  | Code "Y2" at character 4 and code "Y1" at character 2 both answer question "source", which takes one answer; keep one of them.
            2Y1x  | codes[3] | codebook.decode-nothing-more  | Character 4 is "x" (U+0078), but nothing may be written after code "Y1": every later question is already answered.
            """)
    void namesThePositionAndWhatWasExpectedThere(String codes, String path, String key, String message) {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.decode(codes));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).as("the input, not the codebook file").isEqualTo("<codes>");
            assertThat(d.line()).isZero();
            assertThat(d.path()).isEqualTo(path);
            assertThat(d.key()).isEqualTo(key);
            assertThat(d.message()).isEqualTo(message.replace("%s", AFTER_ACNE));
        });
    }

    @Test
    void reportsEveryBadPlaceButARunOfUnknownCharactersOnce() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.decode("2xx3??D"));

        assertThat(e.diagnostics()).extracting(Diagnostic::path, Diagnostic::key).containsExactly(
                tuple("codes[1]", "codebook.decode-unknown"),
                tuple("codes[4]", "codebook.decode-unknown"));
        assertThat(e.getMessage()).startsWith("The codes cannot be read with codebook gaozi-skincare: 2 problems.");
    }

    @Test
    void countsPositionsInCharactersNotUtf16Units() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.decode("2😀😀3"));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("codes[1]");
            assertThat(d.message()).startsWith("Character 2 is \"😀\" (U+1F600), which does not begin a code");
        });
    }

    @Test
    void reportsInTheCodebooksLocale() {
        Codebook chinese = TestCodebooks.gaozi(Locale.SIMPLIFIED_CHINESE);

        CodebookException e = catchThrowableOfType(CodebookException.class, () -> chinese.decode("D3"));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("codes[1]");
            assertThat(d.message()).isEqualTo(
                    "第 2 个字符处的代码 \"3\" 应当写在代码 \"D\"（第 1 个字符）之前；请按密码本的顺序书写代码。");
        });
    }

    @Test
    void theSameTagSetDecodesEqualAndHashesEqual() {
        assertThat(codebook.decode("23D")).isEqualTo(codebook.decode("23D")).hasSameHashCodeAs(codebook.decode("23D"));
        assertThat(codebook.decode("23D")).isNotEqualTo(codebook.decode("23B"));
    }
}
