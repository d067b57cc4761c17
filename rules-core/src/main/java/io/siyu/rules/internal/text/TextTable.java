package io.siyu.rules.internal.text;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The one way the library lays out a plain-text table (the funnel report, the conversion report, rule statistics):
 * columns two spaces apart, each as wide as its widest cell <em>on a terminal</em>. Chinese characters, full-width
 * forms and most emoji take two columns there; counting {@code String.length()} instead put every column after a
 * Chinese cell out of line. Stateless and thread-safe.
 */
public final class TextTable {
    private TextTable() {
    }

    /**
     * Lays out rows of cells.
     *
     * @param rows         the rows, the header first; every row has the same number of cells; no cell is null or
     *                     holds a line break
     * @param rightAligned which columns (0-based) line up on the right (numbers); the others on the left
     * @return one line per row, each ending with {@code \n}, without trailing spaces
     */
    public static String format(List<? extends List<String>> rows, IntPredicate rightAligned) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - width(cell));
                line.append(i == 0 ? "" : "  ").append(rightAligned.test(i) ? pad + cell : cell + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * How many columns a text takes on a terminal: two for each East Asian wide or full-width character (Chinese,
     * Japanese, Korean, full-width forms such as {@code （１）}, most emoji), none for combining marks and
     * zero-width characters, one for every other character.
     *
     * @param text a text on one line; not null
     * @return its display width, at least 0
     */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += width(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** The East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth.txt, as terminals' wcwidth uses them). */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || cp == 0x2329 || cp == 0x232A
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE10 && cp <= 0xFE19)
                || (cp >= 0xFE30 && cp <= 0xFE6F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x2FFFD)
                || (cp >= 0x30000 && cp <= 0x3FFFD));
    }
}
