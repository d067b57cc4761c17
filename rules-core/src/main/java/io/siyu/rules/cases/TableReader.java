package io.siyu.rules.cases;

import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the header and the rows of a case table's text into {@link CaseRow}s, adding a diagnostic for every
 * field that cannot be read (and reading on, so that all of them are reported at once). Stateless.
 */
final class TableReader {
    private static final List<String> COLUMNS = List.of(CaseTable.HEADER.split(","));
    private static final int CASE = 0;
    private static final int CODES = 1;
    private static final int MESSAGES = 2;
    private static final int SIGNALS = 3;
    private static final int ATTRIBUTES = 4;
    private static final int ACTION = 5;
    private static final int SCRIPT = 6;
    private static final int INTENT = 7;
    private static final int CLOCK = 8;
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private TableReader() {
    }

    /** The rows of {@code text}, in order; empty when the header is wrong. Problems go to {@code problems}. */
    static List<CaseRow> read(String file, String text, Messages messages, List<Diagnostic> problems) {
        List<Csv.Record> records = Csv.parse(file, text, problems, messages);
        List<CaseRow> rows = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(Diagnostic.error(file, 1, 1, "cases.no-header",
                    messages.format("file.empty", CaseTable.HEADER)));
        } else if (header(file, records.get(0), messages, problems)) {
            int columns = records.get(0).fields().size();
            for (Csv.Record record : records.subList(1, records.size())) {
                if (record.broken()) {
                    continue;
                }
                new RowReader(file, record, columns, messages, problems).read().ifPresent(rows::add);
            }
        }
        return rows;
    }

    /** Whether the header is right; when not, a problem at its first wrong column. */
    private static boolean header(String file, Csv.Record header, Messages messages, List<Diagnostic> problems) {
        List<String> names = header.fields().stream().map(Csv.Field::text).toList();
        boolean exact = names.equals(COLUMNS)
                || names.size() == COLUMNS.size() + 1 && names.subList(0, COLUMNS.size()).equals(COLUMNS)
                && names.get(COLUMNS.size()).equals(CaseTable.CLOCK_COLUMN);
        if (!exact) {
            int bad = 0;
            while (bad < Math.min(names.size(), COLUMNS.size()) && names.get(bad).equals(COLUMNS.get(bad))) {
                bad++;
            }
            int column = bad < header.fields().size() ? header.fields().get(bad).column() : 1;
            problems.add(Diagnostic.error(file, header.line(), column, "cases.bad-header",
                    messages.format("header.wrong", CaseTable.HEADER, CaseTable.CLOCK_COLUMN,
                            String.join(",", names))));
        }
        return exact;
    }

    /** Reads one row, adding a diagnostic for every field that cannot be read. Used once. */
    private static final class RowReader {
        private final String file;
        private final Csv.Record record;
        private final int columns;
        private final Messages messages;
        private final List<Diagnostic> problems;
        private boolean ok = true;

        RowReader(String file, Csv.Record record, int columns, Messages messages, List<Diagnostic> problems) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.messages = messages;
            this.problems = problems;
        }

        Optional<CaseRow> read() {
            List<Csv.Field> f = record.fields();
            if (f.size() != columns) {
                at(f.get(Math.min(f.size(), columns) - 1).column(),
                        messages.format("row.columns", String.valueOf(f.size()), String.valueOf(columns)));
                return Optional.empty();
            }
            String name = f.get(CASE).text();
            if (name.isBlank()) {
                problem(CASE, messages.format("case.no-name"));
            }
            String codes = f.get(CODES).text();
            List<String> texts = Arrays.stream(f.get(MESSAGES).text().split("\\|")).map(String::strip)
                    .filter(m -> !m.isEmpty()).toList();
            String signals = f.get(SIGNALS).text();
            try {
                SignalSpec.apply(signals, Signals.NONE, messages);
            } catch (IllegalArgumentException e) {
                problem(SIGNALS, e.getMessage());
            }
            Map<String, String> attributes = attributes(ATTRIBUTES);
            String action = f.get(ACTION).text();
            if (action.isEmpty()) {
                problem(ACTION, messages.format("action.missing"));
            } else if (!ACTION_NAME.matcher(action).matches()) {
                problem(ACTION, messages.format("action.not-a-name", action));
            }
            Optional<String> script = optional(f.get(SCRIPT).text());
            Optional<IntentLevel> intent = optional(f.get(INTENT).text()).flatMap(level -> intent(INTENT, level));
            Optional<OffsetDateTime> clock = f.size() > CLOCK
                    ? optional(f.get(CLOCK).text()).flatMap(t -> clock(CLOCK, t))
                    : Optional.empty();
            return ok ? Optional.of(new CaseRow(file, record.line(), name, codes, texts, signals, attributes,
                    action, script, intent, clock)) : Optional.empty();
        }

        private Map<String, String> attributes(int index) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String raw : record.fields().get(index).text().split(";")) {
                String item = raw.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    problem(index, messages.format("attribute.not-a-pair", item));
                } else {
                    attributes.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
                }
            }
            return attributes;
        }

        private Optional<IntentLevel> intent(int index, String level) {
            try {
                return Optional.of(IntentLevel.valueOf(level));
            } catch (IllegalArgumentException e) {
                problem(index, messages.format("intent.unknown", level));
                return Optional.empty();
            }
        }

        private Optional<OffsetDateTime> clock(int index, String time) {
            try {
                return Optional.of(OffsetDateTime.parse(time));
            } catch (DateTimeParseException e) {
                problem(index, messages.format("clock.unreadable", time));
                return Optional.empty();
            }
        }

        /** A problem with the field at {@code index}, naming its column. */
        private void problem(int index, String message) {
            String column = index < COLUMNS.size() ? COLUMNS.get(index) : CaseTable.CLOCK_COLUMN;
            at(record.fields().get(index).column(), messages.format("column", column, message));
        }

        private void at(int column, String message) {
            ok = false;
            problems.add(Diagnostic.error(file, record.line(), column, "cases.bad-row", message));
        }
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
