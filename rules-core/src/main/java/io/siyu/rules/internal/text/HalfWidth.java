package io.siyu.rules.internal.text;

import java.util.Optional;

/**
 * The ASCII character a person meant when a Chinese input method (or a copied web page) gave another:
 * {@code （}→{@code (}, {@code “}→{@code "}, {@code ，}→{@code ,}, {@code ：}→{@code :}, the ideographic
 * space U+3000 → a space, full-width letters and digits → ASCII (their Unicode NFKC form), and the keys
 * a Chinese input method maps differently ({@code ￥} for {@code $}, {@code 《》} for {@code <>},
 * {@code 【】} for {@code []}, {@code 、} for {@code ,}).
 *
 * <p>Every twin is one {@code char} for one {@code char}, so replacing a character by its twin keeps every
 * line and column of the text. Stateless and thread-safe.
 */
public final class HalfWidth {
    private static final int FULL_WIDTH_FIRST = 0xFF01;
    private static final int FULL_WIDTH_LAST = 0xFF5E;
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private HalfWidth() {
    }

    /**
     * The ASCII character that {@code c} stands in for, when it is one that an input method or a copied
     * document puts where ASCII was meant.
     *
     * @param c a character
     * @return its ASCII twin; empty for ASCII itself and for every other character (Chinese text, emoji,
     *         {@code —}, {@code …}, and {@code 。}, whose meaning depends on where it is: see
     *         {@link TypedText})
     */
    public static Optional<Character> twin(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
            return Optional.of((char) (c - FULL_WIDTH_OFFSET));
        }
        return Optional.ofNullable(switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008',
                 '\u2009', '\u200A', '\u202F', '\u205F' -> ' ';
            case '\u201C', '\u201D', '\u300C', '\u300D' -> '"';
            case '\u2018', '\u2019' -> '\'';
            case '\u3001' -> ',';
            case '\uFF61' -> '.';
            case '\uFFE5' -> '$';
            case '\u300A', '\u3008' -> '<';
            case '\u300B', '\u3009' -> '>';
            case '\u3010', '\u3016' -> '[';
            case '\u3011', '\u3017' -> ']';
            case '\u2013', '\u2212' -> '-';
            default -> null;
        });
    }

    /**
     * Whether {@code c} is a space other than the ASCII one (the ideographic space U+3000, a no-break
     * space copied from a web page, ...): a message names it, since it cannot be seen.
     *
     * @param c a character
     * @return whether its twin is a space
     */
    public static boolean isOtherSpace(char c) {
        return c != ' ' && twin(c).map(t -> t == ' ').orElse(false);
    }

    /**
     * Whether {@code c} is a double quote of any width ({@code "}, {@code ＂}, {@code “}, {@code ”},
     * {@code 「}, {@code 」}).
     *
     * @param c a character
     * @return whether it is or stands for {@code "}
     */
    static boolean isDoubleQuote(char c) {
        return c == '"' || twin(c).map(t -> t == '"').orElse(false);
    }

    /**
     * Whether {@code c} is a single quote of any width ({@code '}, {@code ＇}, {@code ‘}, {@code ’}).
     *
     * @param c a character
     * @return whether it is or stands for {@code '}
     */
    static boolean isSingleQuote(char c) {
        return c == '\'' || twin(c).map(t -> t == '\'').orElse(false);
    }
}
