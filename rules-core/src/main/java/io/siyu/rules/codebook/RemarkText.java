package io.siyu.rules.codebook;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;

/**
 * The text rules of remarks, shared by reading and writing them: how staff's characters are read
 * (full-width and other compatibility forms, case), what separates words, how long a remark is and where
 * it may be cut.
 *
 * <p>Reading replaces each character by its Unicode NFKC form when that form is one character
 * ({@code ３} → {@code 3}, {@code Ｄ} → {@code D}, {@code ，} → {@code ,}, U+3000 → space), then, when
 * the codebook allows it, by its case folding. Both map one code point to one code point, so a position
 * in the read text is the same position in the remark as staff wrote it: messages can name it, and
 * show the character as it was typed.
 *
 * <p>Lengths are UTF-16 code units ({@link String#length()}): WeCom documents its remark limit as "20
 * characters" without naming the unit, and UTF-16 units are never fewer than code points or grapheme
 * clusters, so a remark that fits here fits whichever of them WeCom counts. Cuts fall between extended
 * grapheme clusters (UAX #29, from ICU4J: {@code java.text.BreakIterator} on Java 17 splits emoji ZWJ
 * sequences and flags), so a family emoji or a flag is kept whole or dropped whole.
 *
 * <p>Stateless; thread-safe.
 */
final class RemarkText {
    /** What splits a remark into words besides white space; see {@link Codebook#readRemark}. */
    static final String SEPARATORS = "-_|/,，、;；";

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private RemarkText() {
    }

    /**
     * A character as a remark is read: its NFKC form when that is one character (else itself), then its
     * case folding when {@code foldCase}.
     */
    static int reading(int codePoint, boolean foldCase) {
        if (codePoint < 0x80) {
            // ASCII, most of any remark's codes: NFKC keeps it, case folding only lowers A-Z. No ICU call.
            return foldCase && codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint;
        }
        int cp = codePoint;
        if (!NFKC.isInert(cp)) {
            String normal = NFKC.normalize(new String(Character.toChars(cp)));
            if (normal.codePointCount(0, normal.length()) == 1) {
                cp = normal.codePointAt(0);
            }
        }
        return foldCase ? UCharacter.foldCase(cp, UCharacter.FOLD_CASE_DEFAULT) : cp;
    }

    /** A text as a remark is read, character by character ({@link #reading(int, boolean)}): same code point count. */
    static String reading(String text, boolean foldCase) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int read = reading(cp, foldCase);
            if (read != cp && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(read);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** Whether a character (as read) separates words: white space or one of {@link #SEPARATORS}. */
    static boolean isSeparator(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || SEPARATORS.indexOf(codePoint) >= 0;
    }

    /** A word of a text and the 0-based code point where it starts. */
    record Word(String text, int position) {
    }

    /** The words of a text (as read), split at white space and at {@link #SEPARATORS}. */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int start = -1;
        int startPosition = 0;
        int position = 0;
        for (int i = 0; i < text.length(); position++) {
            int cp = text.codePointAt(i);
            if (isSeparator(cp)) {
                if (start >= 0) {
                    words.add(new Word(text.substring(start, i), startPosition));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
                startPosition = position;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(new Word(text.substring(start), startPosition));
        }
        return words;
    }

    /** The length of a remark or a part of one, in UTF-16 code units. */
    static int length(String text) {
        return text.length();
    }

    /**
     * The name as it goes into a remark: without separators (as read) at either end, then cut to at most
     * {@code room} UTF-16 units between two grapheme clusters, then again without separators at its end.
     * Whole grapheme clusters are dropped, never parts of one.
     */
    static String fit(String name, int room) {
        if (room <= 0) {
            return "";
        }
        List<int[]> clusters = clusters(name);
        int first = 0;
        int last = clusters.size(); // exclusive
        while (first < last && separatorCluster(name, clusters.get(first))) {
            first++;
        }
        while (last > first && separatorCluster(name, clusters.get(last - 1))) {
            last--;
        }
        if (first == last) {
            return "";
        }
        int start = clusters.get(first)[0];
        int end = start;
        int kept = first;
        while (kept < last && clusters.get(kept)[1] - start <= room) {
            end = clusters.get(kept)[1];
            kept++;
        }
        while (kept > first && separatorCluster(name, clusters.get(kept - 1))) {
            kept--;
            end = clusters.get(kept)[0];
        }
        return name.substring(start, end);
    }

    /** Whether a grapheme cluster begins with a separator: it goes, whole, where separators are dropped. */
    private static boolean separatorCluster(String text, int[] cluster) {
        return isSeparator(reading(text.codePointAt(cluster[0]), false));
    }

    /** The extended grapheme clusters of a text, as {@code [start, end)} UTF-16 index pairs. */
    static List<int[]> clusters(String text) {
        // A new instance per call: ICU break iterators are not thread-safe; the rule data behind them is shared.
        BreakIterator breaks = BreakIterator.getCharacterInstance(ULocale.ROOT);
        breaks.setText(text);
        List<int[]> clusters = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            clusters.add(new int[] {start, end});
        }
        return clusters;
    }
}
