package io.siyu.rules.cases;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader against a writer that follows RFC 4180: every field comes back, where it was written. */
class CsvPropertiesTest {
    private static final Messages MESSAGES = Messages.of(CaseTable.BUNDLE, Locale.ENGLISH);

    /** One field to write, quoted when it must be or when {@code quote} says so. */
    record Cell(String text, boolean quote) {
    }

    /** One record to write, after a comment line (1), a blank line (2) or nothing (0). */
    record Row(List<Cell> cells, int before) {
    }

    @Property(tries = 500)
    void everyFieldIsReadBackWithTheLineAndColumnItStartsAt(@ForAll("rows") List<Row> rows,
                                                           @ForAll boolean crlf, @ForAll boolean finalLineBreak) {
        Writer w = new Writer(crlf ? "\r\n" : "\n");
        List<Csv.Record> expected = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.before() == 1) {
                w.write("# a comment, with \"quotes\"" + w.eol);
            } else if (row.before() == 2) {
                w.write(w.eol);
            }
            int line = w.line;
            List<Csv.Field> fields = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                if (i > 0) {
                    w.write(",");
                }
                Cell cell = row.cells().get(i);
                boolean quoted = mustQuote(cell.text(), i) || cell.quote();
                // A quoted field's value starts after its quote; a plain one holds no full-width comma here.
                fields.add(new Csv.Field(cell.text(), w.line, w.column, quoted ? w.column + 1 : w.column, List.of()));
                w.write(quoted ? "\"" + cell.text().replace("\"", "\"\"").replace("\n", w.eol) + "\""
                        : cell.text());
            }
            expected.add(new Csv.Record(line, fields, false));
            if (r < rows.size() - 1 || finalLineBreak) {
                w.write(w.eol);
            }
        }
        List<Diagnostic> problems = new ArrayList<>();

        List<Csv.Record> records = Csv.parse("t.csv", w.text.toString(), problems, MESSAGES);

        assertThat(problems).isEmpty();
        assertThat(records).isEqualTo(expected);
    }

    @Property(tries = 500)
    void aSeparatorTypedAsAFullWidthCommaIsFoundWhereItIsAndSplitsTheRecordAsMeant(
            @ForAll("rows") List<Row> rows, @ForAll("picks") int pick) {
        Writer w = new Writer("\n");
        List<Integer> separators = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> record = new ArrayList<>();
            boolean previousQuoted = false;
            for (int i = 0; i < rows.get(r).cells().size(); i++) {
                Cell cell = rows.get(r).cells().get(i);
                boolean quoted = mustQuote(cell.text(), i) || cell.quote();
                if (i > 0) {
                    // Between two unquoted fields: a quote after a full-width comma is text, not a field's start.
                    if (!quoted && !previousQuoted) {
                        separators.add(w.text.length());
                    }
                    w.write(",");
                }
                previousQuoted = quoted;
                w.write(quoted ? "\"" + cell.text().replace("\"", "\"\"").replace("\n", "\n") + "\"" : cell.text());
                record.add(cell.text());
            }
            texts.add(record);
            w.write("\n");
        }
        Assume.that(!separators.isEmpty());
        int at = separators.get(pick % separators.size());
        StringBuilder typed = new StringBuilder(w.text);
        typed.setCharAt(at, Csv.WIDE_COMMA);
        int line = 1 + (int) typed.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = at - typed.lastIndexOf("\n", at - 1);

        List<Csv.Record> records = Csv.parse("t.csv", typed.toString(), new ArrayList<>(), MESSAGES);

        Csv.Record hit = records.stream().filter(r -> !r.wideCommas().isEmpty()).findFirst().orElseThrow();
        assertThat(hit.wideCommas()).containsExactly(new Csv.At(line, column));
        assertThat(hit.splitAtWideCommas()).extracting(Csv.Field::text)
                .containsExactlyElementsOf(texts.get(records.indexOf(hit)));
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Property(tries = 1000)
    void anyTextIsReadWithoutThrowingAndProblemsPointIntoIt(@ForAll("anyText") String text) {
        List<Diagnostic> problems = new ArrayList<>();

        List<Csv.Record> records = Csv.parse("t.csv", text, problems, MESSAGES);

        long lines = text.lines().count() + 1;
        assertThat(problems).allSatisfy(d -> {
            assertThat(d.line()).isBetween(1, (int) lines);
            assertThat(d.column()).isPositive();
        });
        if (records.stream().anyMatch(Csv.Record::broken)) {
            assertThat(problems).isNotEmpty();
        }
    }

    /** What a plain (unquoted) field cannot hold: the reader would split, trim or skip it. */
    private static boolean mustQuote(String text, int index) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || !text.strip().equals(text)
                || index == 0 && text.startsWith("#");
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("ab 中,\"#\n\t|;=").ofMaxLength(6);
        Arbitrary<Cell> cells = Combinators.combine(texts, Arbitraries.of(true, false)).as(Cell::new);
        // Two fields at least: a record of one empty field is a blank line, which the reader skips.
        Arbitrary<Row> rows = Combinators.combine(cells.list().ofMinSize(2).ofMaxSize(5), Arbitraries.integers()
                .between(0, 2)).as(Row::new);
        return rows.list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("a,\"#\n\r 中").ofMaxLength(30);
    }

    /** Writes text, keeping the line and (UTF-16) column the reader will count. */
    private static final class Writer {
        final String eol;
        final StringBuilder text = new StringBuilder();
        int line = 1;
        int column = 1;

        Writer(String eol) {
            this.eol = eol;
        }

        void write(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (c == '\r' || c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            text.append(s);
        }
    }
}
