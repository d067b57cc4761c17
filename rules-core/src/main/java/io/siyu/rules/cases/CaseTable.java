package io.siyu.rules.cases;

import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.files.PackFiles;
import io.siyu.rules.internal.i18n.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 * are comments. The format is documented in {@code docs/testkit.md}.
 *
 * <p>A table is read whole: every problem of the file (encoding, quoting, header, each field of each row)
 * is reported at once, as a {@link CaseTableException}, in English or Simplified Chinese. Run a table with
 * {@link CaseRunner}. Immutable and thread-safe.
 */
public final class CaseTable {
    /** The required header. */
    public static final String HEADER = "case,codes,messages,signals,attributes,action,script,intent";
    /** The optional last column. */
    public static final String CLOCK_COLUMN = "clock";

    /** The message bundle of this package. */
    static final String BUNDLE = "io.siyu.rules.cases.messages";

    private final String fileName;
    private final Path path;
    private final List<CaseRow> rows;
    /** Where each row's codes and script are written, in row order (for {@link CaseRunner#check}). */
    private final List<TableReader.Columns> columns;

    private CaseTable(String fileName, Path path, List<CaseRow> rows, List<TableReader.Columns> columns) {
        this.fileName = fileName;
        this.path = path;
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
    }

    /**
     * Reads a case table, with problems worded in the JVM's default locale.
     *
     * @param csv the file; not null
     * @return the table
     * @throws CaseTableException listing every problem in the file, each with file name, line and column;
     *                            also when the file does not exist, cannot be read, is larger than 4 MiB or
     *                            is not UTF-8
     * @throws NullPointerException when {@code csv} is null
     */
    public static CaseTable load(Path csv) {
        return load(csv, Locale.getDefault());
    }

    /**
     * Reads a case table as strict UTF-8 (a byte-order mark is dropped), as every file of a pack is read.
     *
     * @param csv    the file; not null. Problems name it by its file name ({@code cases.csv}), the
     *               exception's summary by the whole path
     * @param locale the language of the problems: English, or Simplified Chinese for {@code zh_CN}; not null
     * @return the table
     * @throws CaseTableException listing every problem in the file, each with file name, line and column;
     *                            also when the file does not exist, cannot be read, is larger than 4 MiB
     *                            ({@code 4 * 1024 * 1024} bytes) or is not UTF-8 (naming the line and column
     *                            of the first byte that is not, and saying so when it is GBK)
     * @throws NullPointerException when an argument is null
     */
    public static CaseTable load(Path csv, Locale locale) {
        Objects.requireNonNull(csv, "csv");
        Messages messages = Messages.of(BUNDLE, Objects.requireNonNull(locale, "locale"));
        String name = csv.getFileName() == null ? csv.toString() : csv.getFileName().toString();
        List<Diagnostic> problems = new ArrayList<>();
        Optional<String> text = PackFiles.read(csv, name, PackFiles.Kind.CASES, locale, problems);
        List<TableReader.Columns> columns = new ArrayList<>();
        List<CaseRow> rows = text.map(t -> TableReader.read(name, t, messages, problems, columns)).orElse(List.of());
        return table(name, csv.toString(), csv, rows, columns, problems, messages);
    }

    /**
     * Reads a case table from its text, for tables that are not files on disk (a pack on the class path,
     * in a zip or in a database).
     *
     * @param fileName the name problems give the table, e.g. {@code cases.csv}; not null
     * @param text     the whole table; a leading byte-order mark is dropped; not null
     * @param locale   the language of the problems: English, or Simplified Chinese for {@code zh_CN}; not null
     * @return the table, with no {@link #path()}
     * @throws CaseTableException listing every problem in the text, each with file name, line and column
     * @throws NullPointerException when an argument is null
     */
    public static CaseTable parse(String fileName, String text, Locale locale) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Messages messages = Messages.of(BUNDLE, Objects.requireNonNull(locale, "locale"));
        List<Diagnostic> problems = new ArrayList<>();
        List<TableReader.Columns> columns = new ArrayList<>();
        List<CaseRow> rows = TableReader.read(fileName, text, messages, problems, columns);
        return table(fileName, fileName, null, rows, columns, problems, messages);
    }

    private static CaseTable table(String name, String shownAs, Path path, List<CaseRow> rows,
                                   List<TableReader.Columns> columns, List<Diagnostic> problems, Messages messages) {
        if (!problems.isEmpty()) {
            problems.sort(Diagnostic.READING_ORDER);
            throw new CaseTableException(messages.format("table.failed", shownAs, problems.size()), problems);
        }
        return new CaseTable(name, path, rows, columns);
    }

    /** Where the codes and the script of row {@code index} are written. */
    TableReader.Columns columns(int index) {
        return columns.get(index);
    }

    /**
     * Applies signals written as in a table's {@code signals} column to {@code base}:
     * {@code replied;clickedLink;purchasedBefore;silentHours=48;touchesToday=3}, items separated by {@code ;}
     * and applied left to right; flags may also be written {@code replied=false}. Signals not named keep
     * their value in {@code base}.
     *
     * <p>Public so that code describing a customer in the same words as a table (the testkit's
     * {@code TestCustomer.signal("replied;silentHours=48")}) reads them exactly as a table does, with the
     * same messages.
     *
     * @param spec   the signals; empty for none; not null
     * @param base   the signals to start from, e.g. {@link Signals#NONE}; not null
     * @param locale the language of the error message; not null
     * @return the signals
     * @throws IllegalArgumentException when an item is not a known signal or its value cannot be read; the
     *                                  message names the item and what is expected
     * @throws NullPointerException     when an argument is null
     */
    public static Signals applySignals(String spec, Signals base, Locale locale) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(base, "base");
        return SignalSpec.apply(spec, base, Messages.of(BUNDLE, Objects.requireNonNull(locale, "locale")));
    }

    /**
     * The file the table was read from.
     *
     * @return the path given to {@link #load}; empty for a table {@linkplain #parse parsed} from text
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * The file name, as rows and problems show it.
     *
     * @return the last element of the loaded path, or the name given to {@link #parse}; e.g.
     *         {@code cases.csv}
     */
    public String fileName() {
        return fileName;
    }

    /**
     * The cases.
     *
     * @return the rows in file order; empty for a table with only a header; unmodifiable
     */
    public List<CaseRow> rows() {
        return rows;
    }

    /**
     * A short form for logs.
     *
     * @return e.g. {@code CaseTable[packs/gaozi/tests/cases.csv, 12 cases]}
     */
    @Override
    public String toString() {
        return "CaseTable[" + (path == null ? fileName : path) + ", " + rows.size() + " cases]";
    }
}
