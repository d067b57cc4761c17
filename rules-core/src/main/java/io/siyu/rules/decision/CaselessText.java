package io.siyu.rules.decision;

/**
 * The keyword search of {@link Customer#asked}: a substring match that ignores case as
 * {@link String#regionMatches(boolean, int, String, int, int)} does, made fast for Chinese text.
 *
 * <p>{@code regionMatches} with {@code ignoreCase} takes two {@code char}s as equal when
 * {@code toLowerCase(toUpperCase(c))} is the same for both (it tries {@code c1 == c2}, then the upper cases,
 * then the lower cases of the upper cases; the last test implies the other two). So a text contains a keyword,
 * ignoring case, exactly when the text with every {@code char} mapped that way ({@linkplain #fold folded})
 * contains the keyword folded the same way — which {@link String#contains} answers with the JDK's intrinsic
 * search instead of a case-mapping table look-up for every character at every position (which was about a
 * third of a Gaozi decision's time). A text or keyword with a surrogate (the JDK then compares whole code
 * points) or a {@code char} whose mapping leaves the 16-bit range cannot be folded this way; those take the
 * original search ({@link #containsIgnoreCase}). Stateless.
 */
final class CaselessText {
    private CaselessText() {
    }

    /**
     * The folded form of {@code s}, or null when {@code s} holds a {@code char} that cannot be folded one for
     * one (see the class comment). Returns {@code s} itself when folding changes nothing (no allocation): the
     * case for Chinese keywords.
     */
    static String fold(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int f = fold(c);
            if (f < 0) {
                return null;
            }
            if (f != c) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, i, out, 0);
        for (; i < n; i++) {
            int f = fold(s.charAt(i));
            if (f < 0) {
                return null;
            }
            out[i] = (char) f;
        }
        return new String(out);
    }

    /** {@code toLowerCase(toUpperCase(c))}, or -1 for a surrogate or a mapping outside 16 bits. */
    static int fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        if (c >= 0x4E00 && c <= 0x9FFF || c >= 0x3000 && c <= 0x30FF) {
            return c; // CJK ideographs, CJK punctuation, kana: no case (CaselessTextTest checks every one)
        }
        if (Character.isSurrogate(c)) {
            return -1;
        }
        int upper = Character.toUpperCase((int) c);
        int folded = Character.toLowerCase(upper);
        return upper > 0xFFFF || folded > 0xFFFF ? -1 : folded;
    }

    /**
     * Whether {@code text} contains {@code keyword} ignoring case, position by position with
     * {@link String#regionMatches(boolean, int, String, int, int)}: the definition, for texts that cannot be
     * folded. An empty keyword matches nothing.
     */
    static boolean containsIgnoreCase(String text, String keyword) {
        if (keyword.isEmpty()) {
            return false;
        }
        int max = text.length() - keyword.length();
        for (int i = 0; i <= max; i++) {
            if (text.regionMatches(true, i, keyword, 0, keyword.length())) {
                return true;
            }
        }
        return false;
    }
}
