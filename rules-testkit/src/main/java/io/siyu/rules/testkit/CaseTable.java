package io.siyu.rules.testkit;

import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table of rule cases that operations staff keep next to a pack: a UTF-8 CSV file, one case per row.
 * <pre>
 * # case,codes,messages,signals,attributes,action,script,intent
 * case,codes,messages,signals,attributes,action,script,intent
 * 痘痘急需问价,34DU1,多少钱,,,OFFER_PRODUCT,acne.offer,HOT
 * 沉默两天,3DU2,,silentHours=48,nickname=小美,STOP_GENTLY,acne.light,COLD
 * "问价又犹豫, 两条消息",3DU3,在吗|多少钱,replied,,STOP_GENTLY,,
 * </pre>
 * The header is exactly {@value #HEADER}, optionally followed by {@code ,clock}. {@code messages} are
 * separated by {@code |}, {@code signals} and {@code attributes} by {@code ;}; an empty {@code script}
 * or {@code intent} is not checked; {@code clock} is an ISO date-time with offset
 * ({@code 2026-11-23T23:30:00+08:00}). Fields follow RFC 4180 quoting; lines starting with {@code #}
 * are comments. Immutable.
 */
public final class CaseTable {
    /** The required header. */
    public static final String HEADER = "case,codes,messages,signals,attributes,action,script,intent";
    /** The optional last column. */
    public static final String CLOCK_COLUMN = "clock";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));
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

    private final Path path;
    private final List<CaseRow> rows;

    private CaseTable(Path path, List<CaseRow> rows) {
        this.path = path;
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads a case table.
     *
     * @throws CaseTableException listing every problem in the file, each with file, line and column
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static CaseTable load(Path csv) {
        Objects.requireNonNull(csv, "csv");
        String file = csv.getFileName().toString();
        List<Diagnostic> problems = new ArrayList<>();
        String text = read(csv, file, problems);
        List<CaseRow> rows = new ArrayList<>();
        if (text != null) {
            List<Csv.Record> records = Csv.parse(file, text, problems);
            if (records.isEmpty()) {
                problems.add(Diagnostic.error(file, 1, 1, "cases.no-header",
                        "the file is empty; the first line must be " + HEADER));
            } else if (header(file, records.get(0), problems)) {
                int columns = records.get(0).fields().size();
                for (Csv.Record record : records.subList(1, records.size())) {
                    if (record.broken()) {
                        continue;
                    }
                    new RowReader(file, record, columns, problems).read().ifPresent(rows::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseTableException("case table " + csv + " has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }
        return new CaseTable(csv, rows);
    }

    private static String read(Path csv, String file, List<Diagnostic> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(csv);
        } catch (IOException e) {
            problems.add(Diagnostic.error(file, 0, 0, "cases.unreadable", "cannot read the file: " + e));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Diagnostic.error(file, 0, 0, "cases.not-utf8",
                    "the file is not UTF-8; save it as \"CSV UTF-8\""));
            return null;
        }
    }

    private static boolean header(String file, Csv.Record header, List<Diagnostic> problems) {
        List<String> names = header.fields().stream().map(Csv.Field::text).toList();
        boolean exact = names.equals(COLUMNS)
                || names.size() == COLUMNS.size() + 1 && names.subList(0, COLUMNS.size()).equals(COLUMNS)
                && names.get(COLUMNS.size()).equals(CLOCK_COLUMN);
        if (!exact) {
            int bad = 0;
            while (bad < Math.min(names.size(), COLUMNS.size()) && names.get(bad).equals(COLUMNS.get(bad))) {
                bad++;
            }
            int column = bad < header.fields().size() ? header.fields().get(bad).column() : 1;
            problems.add(Diagnostic.error(file, header.line(), column, "cases.bad-header",
                    "the header must be exactly " + HEADER + " (optionally followed by ," + CLOCK_COLUMN
                            + "), but it is " + String.join(",", names)));
        }
        return exact;
    }

    /** Reads one row, adding a diagnostic for every field that cannot be read. */
    private static final class RowReader {
        private final String file;
        private final Csv.Record record;
        private final int columns;
        private final List<Diagnostic> problems;
        private boolean ok = true;

        RowReader(String file, Csv.Record record, int columns, List<Diagnostic> problems) {
            this.file = file;
            this.record = record;
            this.columns = columns;
            this.problems = problems;
        }

        Optional<CaseRow> read() {
            List<Csv.Field> f = record.fields();
            if (f.size() != columns) {
                at(f.get(Math.min(f.size(), columns) - 1).column(), "the row has " + f.size() + " columns but the "
                        + "header has " + columns + "; put a field with a comma in double quotes");
                return Optional.empty();
            }
            String name = f.get(CASE).text();
            if (name.isBlank()) {
                problem(CASE, "the case needs a name");
            }
            String codes = f.get(CODES).text();
            List<String> messages = Arrays.stream(f.get(MESSAGES).text().split("\\|")).map(String::strip)
                    .filter(m -> !m.isEmpty()).toList();
            String signals = f.get(SIGNALS).text();
            try {
                SignalSpec.apply(signals, Signals.NONE);
            } catch (IllegalArgumentException e) {
                problem(SIGNALS, e.getMessage());
            }
            Map<String, String> attributes = attributes(ATTRIBUTES);
            String action = f.get(ACTION).text();
            if (action.isEmpty()) {
                problem(ACTION, "the expected action is missing (write NONE when nothing should be done)");
            } else if (!ACTION_NAME.matcher(action).matches()) {
                problem(ACTION, "\"" + action + "\" is not an action name; actions are written in UPPER_SNAKE_CASE, "
                        + "e.g. OFFER_PRODUCT");
            }
            Optional<String> script = optional(f.get(SCRIPT).text());
            Optional<IntentLevel> intent = optional(f.get(INTENT).text()).flatMap(level -> intent(INTENT, level));
            Optional<OffsetDateTime> clock = f.size() > CLOCK
                    ? optional(f.get(CLOCK).text()).flatMap(t -> clock(CLOCK, t))
                    : Optional.empty();
            return ok ? Optional.of(new CaseRow(file, record.line(), name, codes, messages, signals, attributes,
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
                    problem(index, "attribute \"" + item + "\" must be written name=value, e.g. nickname=小美");
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
                problem(index, "\"" + level + "\" is not an intent level; write COLD, WARM or HOT, or leave it empty");
                return Optional.empty();
            }
        }

        private Optional<OffsetDateTime> clock(int index, String time) {
            try {
                return Optional.of(OffsetDateTime.parse(time));
            } catch (DateTimeParseException e) {
                problem(index, "\"" + time + "\" is not a date-time with offset, e.g. 2026-11-23T23:30:00+08:00");
                return Optional.empty();
            }
        }

        /** A problem with the field at {@code index}, naming its column. */
        private void problem(int index, String message) {
            String column = index < COLUMNS.size() ? COLUMNS.get(index) : CLOCK_COLUMN;
            at(record.fields().get(index).column(), "column " + column + ": " + message);
        }

        private void at(int column, String message) {
            ok = false;
            problems.add(Diagnostic.error(file, record.line(), column, "cases.bad-row", message));
        }
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The file the table was read from. */
    public Path path() {
        return path;
    }

    /** The file name, as rows and messages show it. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /** The cases, in file order. */
    public List<CaseRow> rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "CaseTable[" + path + ", " + rows.size() + " cases]";
    }
}
