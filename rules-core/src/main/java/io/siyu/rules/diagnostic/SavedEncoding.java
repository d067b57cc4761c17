package io.siyu.rules.diagnostic;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * What text that is not UTF-8 was most likely saved as, so that an error can tell the person who saved it what to
 * change ("saved as GBK: save it as UTF-8"). Every file and input line siyu-rules reads is strict UTF-8; the pack
 * loader and the {@code siyu} command line name the encoding with the same judgement, made here.
 *
 * <p>A guess, not a detection: it only tells apart what Chinese editors produce when UTF-8 was not chosen. Stateless
 * and thread-safe.
 */
public enum SavedEncoding {
    /** UTF-16, which Windows Notepad calls "Unicode". */
    UTF_16,
    /** GB18030 or its subsets GBK and GB2312: the default of Chinese Windows editors and of Excel's CSV. */
    GB18030,
    /** Something else (Latin-1, a truncated file, binary data). */
    OTHER;

    private static final Charset GB18030_CHARSET = Charset.forName("GB18030");

    /**
     * Whether {@code bytes[from, to)} is UTF-16: it starts with UTF-16's byte-order mark, or at least a quarter of
     * its bytes are zero, which no text a person writes in UTF-8 has. Ask this even when the bytes decode as UTF-8:
     * ASCII text saved as UTF-16 is valid UTF-8 with a zero byte after every character.
     *
     * @param bytes the text's bytes; not null
     * @param from  the first byte, inclusive
     * @param to    the end, exclusive
     * @return whether the text looks like UTF-16
     * @throws NullPointerException      when {@code bytes} is null
     * @throws IndexOutOfBoundsException when {@code from}/{@code to} are not a range of {@code bytes}
     */
    public static boolean isUtf16(byte[] bytes, int from, int to) {
        Objects.checkFromToIndex(from, to, Objects.requireNonNull(bytes, "bytes").length);
        int length = to - from;
        if (length >= 2 && ((bytes[from] & 0xFF) == 0xFF && (bytes[from + 1] & 0xFF) == 0xFE
                || (bytes[from] & 0xFF) == 0xFE && (bytes[from + 1] & 0xFF) == 0xFF)) {
            return true;
        }
        int zeros = 0;
        for (int i = from; i < to; i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        return length >= 2 && zeros * 4 >= length;
    }

    /**
     * What {@code bytes[from, to)}, which are not valid UTF-8, were most likely saved as: {@link #UTF_16} when
     * {@link #isUtf16} says so, {@link #GB18030} when they are valid GB18030 holding at least one Chinese character
     * (then a Chinese editor's default almost certainly saved them), else {@link #OTHER}.
     *
     * @param bytes the text's bytes; not null
     * @param from  the first byte, inclusive
     * @param to    the end, exclusive
     * @return the likely encoding; never null
     * @throws NullPointerException      when {@code bytes} is null
     * @throws IndexOutOfBoundsException when {@code from}/{@code to} are not a range of {@code bytes}
     */
    public static SavedEncoding guess(byte[] bytes, int from, int to) {
        if (isUtf16(bytes, from, to)) {
            return UTF_16;
        }
        try {
            CharBuffer text = GB18030_CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
            return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? GB18030 : OTHER;
        } catch (CharacterCodingException notGb18030) {
            return OTHER;
        }
    }
}
