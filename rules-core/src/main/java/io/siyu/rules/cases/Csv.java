package io.siyu.rules.cases;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks
 * and doubled quotes ({@code ""}). Lines starting with {@code #} are comments; blank lines are skipped.
 * Unquoted fields are trimmed; a leading byte-order mark is dropped. Every record keeps the line it starts
 * on and each field its column, so that a problem can be pointed at. One instance reads one text; not
 * thread-safe, and never shared (see {@link #parse}).
 */
final class Csv {
    /** One field and the 1-based column where it starts. */
    record Field(String text, int column) {
    }

    /**
     * One record and the 1-based line where it starts; {@code broken} when its quoting was wrong (already
     * reported), so that nothing more is said about it.
     */
    record Record(int line, List<Field> fields, boolean broken) {
    }

    private final String file;
    private final String text;
    private final List<Diagnostic> problems;
    private final Messages messages;
    private int pos;
    private int line = 1;
    private int column = 1;
    private boolean broken;

    private Csv(String file, String text, List<Diagnostic> problems, Messages messages) {
        this.file = file;
        this.text = text;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * The records of {@code text}, in order; blank lines and comments are left out. Problems (an unclosed
     * quote, text after a closing quote) go to {@code problems}, worded by {@code messages}, and mark their
     * record {@code broken}.
     */
    static List<Record> parse(String file, String text, List<Diagnostic> problems, Messages messages) {
        return new Csv(file, text.startsWith("\uFEFF") ? text.substring(1) : text, problems, messages).records();
    }

    private List<Record> records() {
        List<Record> records = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\r' || c == '\n') {
                newline();
            } else if (c == '#') {
                while (pos < text.length() && !atLineEnd()) {
                    advance();
                }
            } else {
                int start = line;
                broken = false;
                List<Field> fields = record();
                boolean blank = fields.size() == 1 && fields.get(0).text().isEmpty();
                if (!blank) {
                    records.add(new Record(start, List.copyOf(fields), broken));
                }
            }
        }
        return records;
    }

    private List<Field> record() {
        List<Field> fields = new ArrayList<>();
        while (true) {
            fields.add(pos < text.length() && text.charAt(pos) == '"' ? quoted() : plain());
            if (pos < text.length() && text.charAt(pos) == ',') {
                advance();
                continue;
            }
            if (pos < text.length()) {
                newline();
            }
            return fields;
        }
    }

    private Field plain() {
        int col = column;
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
            advance();
        }
        return new Field(text.substring(start, pos).strip(), col);
    }

    private Field quoted() {
        int startLine = line;
        int col = column;
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                broken = true;
                problems.add(Diagnostic.error(file, startLine, col, "cases.unclosed-quote",
                        messages.format("csv.unclosed-quote")));
                return new Field(value.toString(), col);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    advance();
                    advance();
                    continue;
                }
                advance();
                break;
            }
            if (atLineEnd()) {
                value.append('\n');
                newline();
            } else {
                value.append(c);
                advance();
            }
        }
        if (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
            broken = true;
            problems.add(Diagnostic.error(file, line, column, "cases.after-quote",
                    messages.format("csv.after-quote")));
            plain();
        }
        return new Field(value.toString(), col);
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || c == '\r';
    }

    private void advance() {
        pos++;
        column++;
    }

    /** Consumes one line break ({@code \n}, {@code \r\n} or {@code \r}). */
    private void newline() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        column = 1;
    }
}
