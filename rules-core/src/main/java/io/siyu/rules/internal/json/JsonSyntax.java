package io.siyu.rules.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.siyu.rules.internal.i18n.Messages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON file that cannot be parsed, in the reader's language and at the place to
 * fix: Jackson's common complaints (a missing comma or colon, a comma too many, a name or text without
 * double quotes, single quotes, a bracket never closed or closed by the wrong one, a leading zero, a bad
 * escape, a tab inside a text, an unclosed comment) each become a sentence of our own, placed where the
 * person has to type (the start of an unquoted word, the bracket that is never closed) rather than where
 * the parser stopped. Jackson's English only appears, as a short tail, for a complaint not recognised
 * here. Stateless.
 */
final class JsonSyntax {
    private static final int MAX_TAIL = 100;
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.)' \\(code");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern START_MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern WRONG_CLOSE = Pattern.compile(
            "^Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at .*?line: (\\d+), column: (\\d+)");
    private static final Pattern BAD_ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");

    /**
     * Where to report a syntax error and what to say.
     *
     * @param line    1-based line
     * @param column  1-based column
     * @param message the sentence, in the reader's language
     */
    record Problem(int line, int column, String message) {
    }

    private JsonSyntax() {
    }

    static Problem explain(JsonProcessingException e, String text, Messages messages) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        char found = charAt(text, line, column);
        Matcher m;
        if (original.contains("was expecting a colon to separate field name and value")) {
            return problem(messages, line, column, "expect-colon");
        }
        if (original.contains("was expecting comma to separate")) {
            return problem(messages, line, column, "expect-comma", shown(text, line, column));
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return found == ',' ? problem(messages, line, column, "extra-comma")
                    : found == '\'' ? problem(messages, line, column, "single-quote")
                    : problem(messages, line, column, "unquoted-key",
                            JsonReader.excerpt(word(text, line, column)));
        }
        if (UNEXPECTED_CHARACTER.matcher(original).find()
                && (original.contains("expected a valid value") || original.contains("expected a value"))) {
            return found == ',' ? problem(messages, line, column, "extra-comma")
                    : found == '\'' ? problem(messages, line, column, "single-quote")
                    : problem(messages, line, column, "expected-value", String.valueOf(found));
        }
        if ((m = UNRECOGNIZED_TOKEN.matcher(original)).find()) {
            // The person looks for the word's start. Jackson 2.20 placed the error after the word, 2.21 at its
            // start: take whichever of the two places the word is written at.
            String token = m.group(1);
            int start = startsAt(text, line, column, token) ? column : Math.max(1, column - token.length());
            return problem(messages, line, start, "unquoted-value", JsonReader.excerpt(token));
        }
        if ((m = WRONG_CLOSE.matcher(original)).find()) {
            String opened = "Object".equals(m.group(3)) ? "{" : "[";
            return problem(messages, line, column, "wrong-close", m.group(1), opened, m.group(4), m.group(5),
                    m.group(2));
        }
        if (original.contains("expected close marker for")) {
            Matcher start = START_MARKER.matcher(original);
            boolean object = original.contains("close marker for Object");
            int[] suspect = unclosedByIndentation(text);
            if (suspect != null) {
                return problem(messages, suspect[0], suspect[1], text.charAt(suspect[2]) == '{' ? "unclosed-object"
                        : "unclosed-array");
            }
            if (start.find()) {
                return problem(messages, Integer.parseInt(start.group(1)), Integer.parseInt(start.group(2)),
                        object ? "unclosed-object" : "unclosed-array");
            }
            return problem(messages, line, column, object ? "unclosed-object" : "unclosed-array");
        }
        if (original.contains("Leading zeroes not allowed")) {
            int start = column;
            while (start > 1 && Character.isDigit(charAt(text, line, start - 1))) {
                start--;
            }
            return problem(messages, line, start, "leading-zero");
        }
        if ((m = BAD_ESCAPE.matcher(original)).find()) {
            return problem(messages, line, Math.max(1, column - 1), "bad-escape", m.group(1));
        }
        if (original.contains("CTRL-CHAR")) {
            return problem(messages, line, column, "control-char");
        }
        if (original.contains("end-of-input in a comment")) {
            int[] open = lastCommentStart(text, line, column);
            return problem(messages, open[0], open[1], "unclosed-comment");
        }
        if (original.contains("in numeric value")) {
            return problem(messages, line, column, "bad-number");
        }
        return problem(messages, line, column, "other", tail(original));
    }

    private static Problem problem(Messages messages, int line, int column, String what, Object... args) {
        return new Problem(line, column, messages.format("json.malformed", messages.format("json.syntax." + what, args)));
    }

    /** Jackson's first line without its "(start marker at [Source: ...])" parts, shortened. */
    private static String tail(String original) {
        String first = original.lines().findFirst().orElse("").replaceAll("\\s*\\((?:start marker|for \\w+ starting) at .*$", "");
        return first.length() <= MAX_TAIL ? first : first.substring(0, MAX_TAIL) + "…";
    }

    /**
     * The bracket a person most likely left open when the file ends with one open: Jackson names the
     * outermost bracket still open, but the mistake is usually further in ({@code "intent": { "hot": 60}
     * with the {@code }} missing, where the next line's {@code }} closes it instead of the document). The
     * first {@code {} or {@code [} whose closing bracket is on a later line that is indented less than the
     * line it opens on, as {@code {line, column, offset}}; null when there is none.
     */
    private static int[] unclosedByIndentation(String text) {
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '{' || c == '[') {
                open.push(i);
            } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                int opener = open.pop();
                int openLine = text.lastIndexOf('\n', opener) + 1;
                int closeLine = text.lastIndexOf('\n', i) + 1;
                if (closeLine > opener && indent(text, closeLine) < indent(text, openLine)) {
                    return position(text, opener);
                }
            }
        }
        return null;
    }

    private static int indent(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i - lineStart;
    }

    private static int[] position(String text, int offset) {
        int line = 1;
        int lineBegin = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineBegin = i + 1;
            }
        }
        return new int[] {line, offset - lineBegin + 1, offset};
    }

    /** What is at a 1-based line and column, as a person reads it: a quoted name whole, else the word or character. */
    private static String shown(String text, int line, int column) {
        if (charAt(text, line, column) == '"') {
            int start = lineStart(text, line) + column - 1;
            int end = text.indexOf('"', start + 1);
            int newline = text.indexOf('\n', start);
            if (end > start && (newline < 0 || end < newline)) {
                return text.substring(start, end + 1);
            }
        }
        return word(text, line, column);
    }

    /** The character at a 1-based line and column, or {@code 0} when there is none. */
    /** Whether {@code token} is written at a 1-based line and column. */
    private static boolean startsAt(String text, int line, int column, String token) {
        int start = lineStart(text, line);
        return start >= 0 && column >= 1 && text.startsWith(token, start + column - 1);
    }

    static char charAt(String text, int line, int column) {
        int start = lineStart(text, line);
        int i = start + column - 1;
        return start < 0 || column < 1 || i >= text.length() ? '\0' : text.charAt(i);
    }

    /** The word (letters, digits, {@code _}, {@code -}, {@code $}) at a 1-based line and column. */
    private static String word(String text, int line, int column) {
        int start = lineStart(text, line);
        if (start < 0 || column < 1) {
            return "";
        }
        int i = start + column - 1;
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_-$".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end > i ? text.substring(i, end) : String.valueOf(charAt(text, line, column));
    }

    /** Where the last {@code /*} before a 1-based line and column is, as {@code {line, column}}. */
    private static int[] lastCommentStart(String text, int line, int column) {
        int start = lineStart(text, line);
        int end = start < 0 ? text.length() : Math.min(text.length(), start + Math.max(column - 1, 0));
        int open = text.lastIndexOf("/*", end);
        if (open < 0) {
            return new int[] {line, column};
        }
        int l = 1;
        int lineBegin = 0;
        for (int i = 0; i < open; i++) {
            if (text.charAt(i) == '\n') {
                l++;
                lineBegin = i + 1;
            }
        }
        return new int[] {l, open - lineBegin + 1};
    }

    private static int lineStart(String text, int line) {
        if (line < 1) {
            return -1;
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                return -1;
            }
            start = newline + 1;
        }
        return start;
    }
}
