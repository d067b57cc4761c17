package io.siyu.rules.cases;

import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.text.HalfWidth;
import io.siyu.rules.internal.text.TypedText;

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
 *
 * <p>Characters a Chinese input method types in place of ASCII are reported one by one, each at its line
 * and column with the character to type instead, and the row is then read as meant: in the header and in the
 * columns that hold names and values ({@code codes}, {@code signals}, {@code action}, {@code script},
 * {@code intent}, {@code clock}), every such character; in {@code attributes}, a full-width {@code ；} or
 * {@code ＝}; in {@code messages}, a full-width {@code ｜}; and a full-width comma {@code ，} that stands
 * where a field separator is missing (the row has too few fields, and exactly enough when those commas
 * separate). The case name, the messages and the attribute values are the author's text and stay as written.
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
    /** The columns whose every character is a name or a value: an input method's full-width one is a mistake. */
    private static final List<Integer> STRICT = List.of(CODES, SIGNALS, ACTION, SCRIPT, INTENT, CLOCK);
    /** More full-width commas than this in one row are text, not missing separators (and not worth trying). */
    private static final int MAX_WIDE_COMMAS = 12;

    /**
     * Where a row's referencing values are written: the 1-based columns of the first character of its
     * {@code codes} and {@code script} values.
     *
     * @param codes  the column of the codes' first character
     * @param script the column of the script id's first character
     */
    record Columns(int codes, int script) {
    }

    private TableReader() {
    }

    /**
     * The rows of {@code text}, in order; empty when the header is wrong. Problems go to {@code problems};
     * for each row, where its codes and script are written goes to {@code columns}.
     */
    static List<CaseRow> read(String file, String text, Messages messages, List<Diagnostic> problems,
                              List<Columns> columns) {
        List<Csv.Record> records = Csv.parse(file, text, problems, messages);
        List<CaseRow> rows = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(Diagnostic.error(file, 1, 1, "cases.no-header",
                    messages.format("file.empty", CaseTable.HEADER)));
        } else if (header(file, records.get(0), messages, problems)) {
            int count = records.get(0).fields().size() + records.get(0).wideCommas().size();
            for (Csv.Record record : records.subList(1, records.size())) {
                if (record.broken()) {
                    continue;
                }
                RowReader reader = new RowReader(file, record, count, messages, problems);
                reader.read().ifPresent(row -> {
                    rows.add(row);
                    columns.add(reader.columns());
                });
            }
        }
        return rows;
    }

    /**
     * The fields of a record as meant: split at full-width commas when that gives exactly {@code count}
     * fields where the commas alone do not (each such comma reported), otherwise as read.
     */
    private static List<Csv.Field> fields(String file, Csv.Record record, int count, Messages messages,
                                          List<Diagnostic> problems) {
        int missing = count - record.fields().size();
        List<Csv.At> commas = record.wideCommas();
        if (missing <= 0 || commas.size() < missing || commas.size() > MAX_WIDE_COMMAS) {
            return record.fields();
        }
        // Which of the commas separate: those that make the name and value columns read best (a comma in a
        // message, "不需要，别发了", is the customer's text).
        List<Csv.At> separators = null;
        int bestScore = -1;
        for (List<Csv.At> choice : choices(commas, missing)) {
            int score = plausible(record.splitAtWideCommas(choice));
            if (score > bestScore) {
                bestScore = score;
                separators = choice;
            }
        }
        List<Csv.Field> split = record.splitAtWideCommas(separators);
        for (Csv.At comma : separators) {
            problems.add(Diagnostic.error(file, comma.line(), comma.column(), "cases.full-width",
                    TypedText.explainFullWidth(Csv.WIDE_COMMA, ',', messages.locale())));
        }
        return split;
    }

    /** Every way of choosing {@code k} of the commas, in order. */
    private static List<List<Csv.At>> choices(List<Csv.At> commas, int k) {
        List<List<Csv.At>> out = new ArrayList<>();
        choose(commas, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void choose(List<Csv.At> commas, int k, int from, List<Csv.At> chosen, List<List<Csv.At>> out) {
        if (chosen.size() == k) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i < commas.size(); i++) {
            chosen.add(commas.get(i));
            choose(commas, k, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** How many of the name and value columns of these fields look like what they hold. */
    private static int plausible(List<Csv.Field> fields) {
        int score = 0;
        for (int i = 0; i < fields.size(); i++) {
            String v = halfWidthText(fields.get(i).text());
            boolean looksRight = switch (i) {
                case CODES -> v.matches("[A-Za-z0-9]*");
                case SIGNALS -> v.matches("[A-Za-z0-9=;\\s]*");
                case ATTRIBUTES -> v.isEmpty() || v.contains("=");
                case ACTION -> ACTION_NAME.matcher(v).matches();
                case SCRIPT -> v.matches("[\\w.\\-]*");
                case INTENT -> v.matches("|COLD|WARM|HOT");
                case CLOCK -> v.isEmpty() || v.matches("\\d{4}-.*");
                default -> false;
            };
            score += looksRight ? 1 : 0;
        }
        return score;
    }

    private static String halfWidthText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x80 ? c : HalfWidth.twin(c).orElse(c));
        }
        return out.toString();
    }

    /**
     * A field's value with every full-width character that {@code wanted} accepts replaced by its twin, each
     * reported at its column.
     */
    private static String halfWidth(String file, int line, Csv.Field field, java.util.function.IntPredicate wanted,
                                    Messages messages, List<Diagnostic> problems) {
        String text = field.text();
        StringBuilder meant = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Optional<Character> twin = c < 0x80 ? Optional.empty() : HalfWidth.twin(c);
            if (twin.isPresent() && wanted.test(twin.get())) {
                problems.add(Diagnostic.error(file, field.line(), field.valueColumn() + i, "cases.full-width",
                        TypedText.explainFullWidth(c, twin.get(), messages.locale())));
                if (meant == null) {
                    meant = new StringBuilder(text);
                }
                meant.setCharAt(i, twin.get());
            }
        }
        return meant == null ? text : meant.toString().strip();
    }

    /** Whether the header is right; when not, a problem at its first wrong column. */
    private static boolean header(String file, Csv.Record record, Messages messages, List<Diagnostic> problems) {
        int before = problems.size();
        List<Csv.Field> split = record.splitAtWideCommas();
        boolean wide = !record.wideCommas().isEmpty() && (split.size() == COLUMNS.size()
                || split.size() == COLUMNS.size() + 1);
        List<Csv.Field> fields = wide ? fields(file, record, split.size(), messages, problems) : record.fields();
        List<String> names = new ArrayList<>();
        for (Csv.Field f : fields) {
            names.add(halfWidth(file, record.line(), f, c -> true, messages, problems));
        }
        if (problems.size() > before) {
            // Read as meant; the characters typed with the input method are the header's problems.
            Csv.Record meant = new Csv.Record(record.line(), fields, false);
            return exactHeader(names) || header(file, meant, names, messages, problems);
        }
        return header(file, record, names, messages, problems);
    }

    private static boolean exactHeader(List<String> names) {
        return names.equals(COLUMNS) || names.size() == COLUMNS.size() + 1
                && names.subList(0, COLUMNS.size()).equals(COLUMNS) && names.get(COLUMNS.size()).equals(CaseTable.CLOCK_COLUMN);
    }

    private static boolean header(String file, Csv.Record header, List<String> names, Messages messages,
                                  List<Diagnostic> problems) {
        boolean exact = exactHeader(names);
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
        private List<Csv.Field> fields;
        private final List<String> values = new ArrayList<>();
        private boolean ok = true;

        RowReader(String file, Csv.Record record, int columns, Messages messages, List<Diagnostic> problems) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.messages = messages;
            this.problems = problems;
        }

        Columns columns() {
            return new Columns(fields.get(CODES).valueColumn(), fields.get(SCRIPT).valueColumn());
        }

        Optional<CaseRow> read() {
            int before = problems.size();
            fields = fields(file, record, columns, messages, problems);
            List<Csv.Field> f = fields;
            if (f.size() != columns) {
                Csv.Field last = f.get(Math.min(f.size(), columns) - 1);
                at(last.line(), last.column(),
                        messages.format("row.columns", String.valueOf(f.size()), String.valueOf(columns)));
                return Optional.empty();
            }
            for (int i = 0; i < f.size(); i++) {
                java.util.function.IntPredicate wanted = STRICT.contains(i) ? c -> true
                        : i == ATTRIBUTES ? c -> c == ';' || c == '='
                        : i == MESSAGES ? c -> c == '|'
                        : c -> false;
                values.add(halfWidth(file, record.line(), f.get(i), wanted, messages, problems));
            }
            ok = problems.size() == before;
            String name = values.get(CASE);
            if (name.isBlank()) {
                problem(CASE, messages.format("case.no-name"));
            }
            String codes = values.get(CODES);
            List<String> texts = Arrays.stream(values.get(MESSAGES).split("\\|")).map(String::strip)
                    .filter(m -> !m.isEmpty()).toList();
            String signals = values.get(SIGNALS);
            try {
                SignalSpec.apply(signals, Signals.NONE, messages);
            } catch (IllegalArgumentException e) {
                problem(SIGNALS, e.getMessage());
            }
            Map<String, String> attributes = attributes(ATTRIBUTES);
            String action = values.get(ACTION);
            if (action.isEmpty()) {
                problem(ACTION, messages.format("action.missing"));
            } else if (!ACTION_NAME.matcher(action).matches()) {
                problem(ACTION, messages.format("action.not-a-name", action));
            }
            Optional<String> script = optional(values.get(SCRIPT));
            Optional<IntentLevel> intent = optional(values.get(INTENT)).flatMap(level -> intent(INTENT, level));
            Optional<OffsetDateTime> clock = f.size() > CLOCK
                    ? optional(values.get(CLOCK)).flatMap(t -> clock(CLOCK, t))
                    : Optional.empty();
            return ok ? Optional.of(new CaseRow(file, record.line(), name, codes, texts, signals, attributes,
                    action, script, intent, clock)) : Optional.empty();
        }

        private Map<String, String> attributes(int index) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String raw : values.get(index).split(";")) {
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
            at(fields.get(index).line(), fields.get(index).column(), messages.format("column", column, message));
        }

        /** A problem at a field: on the line the field starts on, which is later than the record's after a quoted line break. */
        private void at(int line, int column, String message) {
            ok = false;
            problems.add(Diagnostic.error(file, line, column, "cases.bad-row", message));
        }
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
