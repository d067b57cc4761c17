package io.siyu.rules.diagnostic;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The judgement both the pack loader and the command line give people whose file is not UTF-8. */
class SavedEncodingTest {
    private static SavedEncoding guess(byte[] b) {
        return SavedEncoding.guess(b, 0, b.length);
    }

    @Test
    void chineseSavedByAChineseWindowsEditorIsGb18030() {
        assertThat(guess("rule \"问了价格\" 王女士".getBytes(Charset.forName("GBK")))).isEqualTo(SavedEncoding.GB18030);
        assertThat(guess("顾客说：多少钱".getBytes(Charset.forName("GB18030")))).isEqualTo(SavedEncoding.GB18030);
    }

    @Test
    void notepadsUnicodeIsUtf16WithOrWithoutAByteOrderMark() {
        assertThat(guess("规则 rule".getBytes(StandardCharsets.UTF_16))).isEqualTo(SavedEncoding.UTF_16);
        byte[] asciiLittleEndian = "rule \"x\" when then end".getBytes(StandardCharsets.UTF_16LE);
        assertThat(SavedEncoding.isUtf16(asciiLittleEndian, 0, asciiLittleEndian.length)).isTrue();
        // Valid UTF-8 all the same: the reason callers ask isUtf16 before trusting a successful decode.
        assertThat(new String(asciiLittleEndian, StandardCharsets.UTF_8)).hasSize(asciiLittleEndian.length);
    }

    @Test
    void textWithoutChineseOrZerosIsOther() {
        assertThat(guess("café crème".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(SavedEncoding.OTHER);
        byte[] utf8 = "问了价格".getBytes(StandardCharsets.UTF_8);
        assertThat(SavedEncoding.isUtf16(utf8, 0, utf8.length)).isFalse();
    }

    @Test
    void onlyTheGivenRangeIsJudged() {
        byte[] gbk = "问了价格".getBytes(Charset.forName("GBK"));
        byte[] framed = new byte[gbk.length + 4];
        System.arraycopy(gbk, 0, framed, 2, gbk.length);
        assertThat(SavedEncoding.guess(framed, 2, 2 + gbk.length)).isEqualTo(SavedEncoding.GB18030);
        assertThat(SavedEncoding.isUtf16(framed, 2, 2 + gbk.length)).isFalse();
        assertThat(SavedEncoding.isUtf16(framed, 0, framed.length)).isTrue(); // its four zero bytes are a third of it
        assertThatThrownBy(() -> SavedEncoding.guess(framed, 3, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
