package io.siyu.rules.codebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * writeRemark cuts names between user-perceived characters (extended grapheme clusters) and counts the
 * WeCom limit in UTF-16 code units. The Gaozi test codebook's limit is 20; with the codes {@code 23D} the
 * name has 16 units of room.
 */
class CodebookRemarkWritingTest {
    private static final String FAMILY = "👨\u200D👩\u200D👧"; // 3 emoji joined by 2 ZWJ: 8 UTF-16 units, 1 cluster
    private static final String CHINA = "🇨🇳"; // 2 regional indicators: 4 units, 1 cluster
    private final Codebook codebook = TestCodebooks.gaozi();
    private final TagSet acne = codebook.decode("23D");

    @Test
    void aFamilyEmojiThatFitsIsKeptWhole() {
        String remark = codebook.writeRemark("一二三四五六七八" + FAMILY, acne);

        assertThat(remark).isEqualTo("一二三四五六七八" + FAMILY + " 23D");
        assertThat(remark.length()).isEqualTo(20);
        assertThat(codebook.readRemark(remark)).isEqualTo(acne);
    }

    @Test
    void aFamilyEmojiAtTheCutIsDroppedWhole() {
        // 10 + 8 = 18 units: the cut at 16 would fall inside the family, which goes whole.
        assertThat(codebook.writeRemark("一二三四五六七八九十" + FAMILY, acne)).isEqualTo("一二三四五六七八九十 23D");
        assertThat(codebook.writeRemark("一二三四五六七八九十" + FAMILY + "王", acne)).isEqualTo("一二三四五六七八九十 23D");
    }

    @Test
    void aFlagAtTheCutIsDroppedWholeAndOneThatFitsKept() {
        assertThat(codebook.writeRemark("一二三四五六七八九十一二三" + CHINA, acne)).isEqualTo("一二三四五六七八九十一二三 23D");
        assertThat(codebook.writeRemark("一二三四五六七八九十一二" + CHINA + "王", acne))
                .isEqualTo("一二三四五六七八九十一二" + CHINA + " 23D");
    }

    @Test
    void aLetterKeepsItsAccentsAndAnEmojiItsSkinTone() {
        String accented = "e\u0301\u0323"; // e with two combining marks: one cluster of 3 units
        String thumb = "👍🏽"; // emoji + skin tone modifier: one cluster of 4 units

        assertThat(codebook.writeRemark("一二三四五六七八九十一二三四" + accented, acne)).isEqualTo("一二三四五六七八九十一二三四 23D");
        assertThat(codebook.writeRemark("一二三四五六七八九十一" + accented, acne))
                .isEqualTo("一二三四五六七八九十一" + accented + " 23D");
        assertThat(codebook.writeRemark("一二三四五六七八九十一二三" + thumb, acne)).isEqualTo("一二三四五六七八九十一二三 23D");
    }

    @Test
    void theLimitCountsUtf16UnitsSoAnEmojiCountsTwice() {
        String remark = codebook.writeRemark("😀😀😀😀😀😀😀😀😀", acne); // 9 emoji, 18 units: 8 fit

        assertThat(remark).isEqualTo("😀😀😀😀😀😀😀😀 23D");
        assertThat(remark.length()).isEqualTo(codebook.remarkMaxLength());
    }

    @Test
    void aFullWidthOrLowerCaseWordThatWouldReadAsCodesIsRefusedInTheName() {
        CodebookException e = org.assertj.core.api.Assertions.catchThrowableOfType(CodebookException.class,
                () -> codebook.writeRemark("王女士 ２ｄ", acne));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("codebook.remark-name-reads-as-codes");
            assertThat(d.path()).isEqualTo("name[4]");
        });
    }
}
