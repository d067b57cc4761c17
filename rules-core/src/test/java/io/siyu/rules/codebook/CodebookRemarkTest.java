package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CodebookRemarkTest {
    private final Codebook codebook = TestCodebooks.gaozi();
    private final TagSet acne = codebook.decode("23D");

    @ParameterizedTest
    @ValueSource(strings = {"王女士 23D", "23D-王", "23D", "  23D  ", "王女士，23D", "王_23D", "23D|老客户", "VIP/23D",
            "王　23D", "王女士 、23D；"})
    void findsTheCodesInARemark(String remark) {
        assertThat(codebook.readRemark(remark)).isEqualTo(acne);
    }

    @Test
    void aRemarkWithoutACodesWordIsAnErrorThatDoesNotQuoteTheRemark() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.readRemark("王女士 老客户"));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.remark-no-codes");
            assertThat(d.path()).isEqualTo("remark");
            assertThat(d.message()).isEqualTo("None of the words of the remark (7 characters) is a codes string. "
                    + "Write the codes as one word, apart from the name with a space or one of - _ | / , ， 、 ; ；.");
        });
        assertThat(e.getMessage()).doesNotContain("王");
    }

    @Test
    void severalCodesWordsAreAnErrorNamingWhereTheyStart() {
        CodebookException e = catchThrowableOfType(CodebookException.class, () -> codebook.readRemark("23D 王 1-E"));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.remark-several-codes");
            assertThat(d.path()).isEqualTo("remark[6]");
            assertThat(d.message()).isEqualTo("3 words of the remark read as codes (at characters 1, 7, 9); keep only "
                    + "one, so that it is clear which codes are the customer's tags.");
        });
    }

    @Test
    void writesNameThenCodes() {
        assertThat(codebook.writeRemark("王女士", acne)).isEqualTo("王女士 23D");
        assertThat(codebook.writeRemark("  王女士 ", acne)).isEqualTo("王女士 23D");
        assertThat(codebook.writeRemark("", acne)).isEqualTo("23D");
        assertThat(codebook.writeRemark(" - ", acne)).isEqualTo("23D");
    }

    @Test
    void shortensTheNameNeverTheCodes() {
        TagSet longest = codebook.encode(Map.of("skinType", "combination",
                "problems", List.of("acne", "blackheads", "closedComedones", "sensitive"),
                "concern", "spots", "budget", "high", "source", "store"));
        assertThat(longest.codes()).isEqualTo("83467EHY3");

        String remark = codebook.writeRemark("欧阳娜娜的妈妈-杭州西湖区老客户", longest);

        assertThat(remark).isEqualTo("欧阳娜娜的妈妈-杭州 83467EHY3");
        assertThat(remark.codePointCount(0, remark.length())).isEqualTo(20);
        assertThat(codebook.readRemark(remark)).isEqualTo(longest);
    }

    @Test
    void dropsSeparatorsLeftAtTheEndOfAShortenedName() {
        TagSet longest = codebook.decode("83467EHY3");

        // 10 characters are left for the name and the name is cut right after a separator.
        assertThat(codebook.writeRemark("欧阳娜娜的妈妈妈妈  杭州", longest)).isEqualTo("欧阳娜娜的妈妈妈妈 83467EHY3");
        assertThat(codebook.writeRemark("欧阳娜娜的妈妈妈妈-杭州", longest)).isEqualTo("欧阳娜娜的妈妈妈妈 83467EHY3");
    }

    @Test
    void refusesANameWithAWordThatReadsAsCodes() {
        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> codebook.writeRemark("王女士 2", acne));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.remark-name-reads-as-codes");
            assertThat(d.path()).isEqualTo("name[4]");
            assertThat(d.message()).isEqualTo("The word at character 5 of the name would read as codes, so the remark "
                    + "could not be read back; change the name in the remark.");
        });
    }

    @Test
    void refusesTagsThatAreNotThisCodebooks() {
        TagSet outOfOrder = TagSet.of(List.of(new Tag("concern", "acne", "D"), new Tag("skinType", "dry", "2")));

        CodebookException e = catchThrowableOfType(CodebookException.class,
                () -> codebook.writeRemark("王女士", outOfOrder));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.foreign-tags");
            assertThat(d.path()).isEqualTo("tags");
            assertThat(d.message()).isEqualTo("The tags \"D2\" are not a valid set of tags of codebook gaozi-skincare; "
                    + "make them with this codebook's encode or decode.");
        });
    }
}
