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
    /** The full-width comma a Chinese input method types for {@code ,}. */
    static final char WIDE_COMMA = '\uFF0C';

    /**
     * One field.
     *
     * @param text        its value (an unquoted field without the spaces around it)
     * @param line        the 1-based line where it starts
     * @param column      the 1-based column where it starts (its quote, for a quoted field)
     * @param valueColumn the 1-based column of the value's first character
     * @param wideCommas  where the full-width commas ({@code ，}) of an unquoted field are: where the field would
     *                    be split if they were meant as separators
     */
    record Field(String text, int line, int column, int valueColumn, List<At> wideCommas) {
    }

    /** A 1-based line and column. */
    record At(int line, int column) {
    }

    /**
     * One record and the 1-based line where it starts; {@code broken} when its quoting was wrong (already
     * reported), so that nothing more is said about it.
     */
    record Record(int line, List<Field> fields, boolean broken) {
        /** Where the full-width commas in the record's unquoted fields are, in order. */
        List<At> wideCommas() {
            return fields.stream().flatMap(f -> f.wideCommas().stream()).toList();
        }

        /** The fields as they would be if every full-width comma in an unquoted field were a {@code ,}. */
        List<Field> splitAtWideCommas() {
            return splitAtWideCommas(wideCommas());
        }

        /** The fields as they would be if these full-width commas (of {@link #wideCommas()}) were a {@code ,}. */
        List<Field> splitAtWideCommas(List<At> separators) {
            List<Field> out = new ArrayList<>();
            for (Field f : fields) {
                List<At> here = f.wideCommas().stream().filter(separators::contains).toList();
                if (here.isEmpty()) {
                    out.add(f);
                    continue;
                }
                // An unquoted field: its value starts at valueColumn; split it where the commas are.
                int from = f.valueColumn();
                String rest = f.text();
                int offset = 0;
                for (At comma : here) {
                    int cut = comma.column() - from - offset;
                    String part = rest.substring(0, cut);
                    out.add(new Field(part.strip(), f.line(), from + offset, from + offset + leading(part), List.of()));
                    rest = rest.substring(cut + 1);
                    offset += cut + 1;
                }
                out.add(new Field(rest.strip(), f.line(), from + offset, from + offset + leading(rest), List.of()));
            }
            return out;
        }

        private static int leading(String s) {
            int n = 0;
            while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
                n++;
            }
            return n;
        }
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
        List<At> wideCommas = new ArrayList<>();
        while (pos < text.length() && text.charAt(pos) != ',' && !atLineEnd()) {
            if (text.charAt(pos) == WIDE_COMMA) {
                wideCommas.add(new At(line, column));
            }
            advance();
        }
        String raw = text.substring(start, pos);
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        String value = raw.strip();
        // Columns of the commas, counted from the stripped value's first character.
        int valueColumn = col + lead;
        return new Field(value, line, col, valueColumn, List.copyOf(wideCommas));
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
                return new Field(value.toString(), startLine, col, col + 1, List.of());
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
        return new Field(value.toString(), startLine, col, col + 1, List.of());
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
