package io.siyu.rules.script;

import io.siyu.rules.internal.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw text of a JSON file, used to turn an offset inside a string value (after JSON escapes such
 * as {@code \n} or a unicode escape were decoded) back into the column where it is written, so
 * that a problem with one variable is reported at that variable, not at the start of the text.
 */
final class SourceText {
    private final String raw;
    private final int[] lineStarts;

    SourceText(String raw) {
        this.raw = raw;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The 1-based column of the character at {@code offset} in the decoded text of {@code string}.
     * Falls back to the column of the value itself when its position does not point at a quote.
     */
    int columnOf(JsonValue string, int offset) {
        int line = string.line();
        if (line < 1 || line > lineStarts.length || string.column() < 1) {
            return string.column();
        }
        int lineStart = lineStarts[line - 1];
        int quote = lineStart + string.column() - 1;
        if (quote >= raw.length() || raw.charAt(quote) != '"') {
            return string.column();
        }
        int i = quote + 1;
        for (int decoded = 0; decoded < offset && i < raw.length(); decoded++) {
            if (raw.charAt(i) == '\\') {
                // A unicode escape (backslash, u, four hex digits) is six raw chars for one decoded char;
                // every other escape (backslash-n, backslash-quote ...) is two raw chars for one.
                i += i + 1 < raw.length() && raw.charAt(i + 1) == 'u' ? 6 : 2;
            } else {
                i++;
            }
        }
        return i - lineStart + 1;
    }
}
