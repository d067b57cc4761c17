package io.siyu.rules.mistakes;

import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.text.TypedText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Over the example packs (Gaozi, retail) and the test packs: replacing any one ASCII punctuation character
 * outside texts and comments by its full-width twin ({@code (} → {@code （}, {@code "} → {@code ＂}, ...) — what
 * a Chinese input method does when it is left in Chinese punctuation — gives one diagnostic, at exactly that
 * line and column, and nothing else.
 *
 * <p>Where the character may be is found here by a reader of the test's own, independent of the library's:
 * in rule and JSON files, outside texts in quotes (their quotes included) and comments; in test tables, the
 * separators between unquoted fields and the punctuation of the columns that hold names and values.
 *
 * <p>Two properties share the places. The first checks every place (about 18,000 in these packs, in a few
 * seconds: jqwik enumerates them all while they are fewer than its tries) for what the library reads before any
 * parser: the reader of typed text ({@link TypedText}) finds exactly that character and gives back the file as
 * it was — so everything after it (the JSON reader, Drools) reads the unchanged, clean file — and a test table
 * ({@link CaseTable#parse}) reports exactly that character. The second, with a few tries, proves the whole
 * claim end to end: a real {@code siyu check} of the changed pack (a Drools build each, about half a second)
 * gives that one diagnostic and nothing else.
 */
class FullWidthPropertiesTest {
    private static final List<Path> PACKS = List.of(Path.of("../rules-examples/packs/gaozi"),
            Path.of("../rules-examples/packs/retail"), Path.of("src/test/resources/packs/skincare"),
            Path.of("src/test/resources/packs/mini"), MistakesCorpusTest.CORPUS.resolve("base"));
    /** Columns of a test table whose every character is a name or a value (codes, signals, action, script, intent, clock). */
    private static final List<Integer> STRICT_COLUMNS = List.of(1, 3, 5, 6, 7, 8);
    private static final int ATTRIBUTES = 4;
    private static final int MESSAGES = 2;

    /** Every place, computed once: the packs are read, not generated. */
    private static final List<Place> PLACES = findPlaces();

    /**
     * One ASCII punctuation character that may be typed full-width.
     *
     * @param pack   the pack directory
     * @param file   the file, relative to the pack
     * @param offset its index in the file's text
     * @param line   its 1-based line
     * @param column its 1-based column
     */
    record Place(Path pack, String file, int offset, int line, int column) {
        String text() {
            return read(pack.resolve(file));
        }

        String typed() {
            StringBuilder s = new StringBuilder(text());
            s.setCharAt(offset, (char) (s.charAt(offset) + 0xFEE0));
            return s.toString();
        }

        char original() {
            return text().charAt(offset);
        }

        @Override
        public String toString() {
            return pack.getFileName() + "/" + file + ":" + line + ":" + column + " '" + original() + "'";
        }
    }

    @Provide
    Arbitrary<Place> places() {
        return Arbitraries.of(PLACES);
    }

    @Property(tries = 20_000)
    void theCharacterIsFoundAloneAtItsPlaceAndTheFileIsReadAsItWas(@ForAll("places") Place place) {
        String typed = place.typed();
        if (place.file().endsWith(".csv")) {
            CaseTableException e = catchThrowableOfType(CaseTableException.class,
                    () -> CaseTable.parse(Path.of(place.file()).getFileName().toString(), typed, Locale.ENGLISH));
            assertThat(e).as("%s must be reported", place).isNotNull();
            assertThat(e.diagnostics()).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(place.line(), place.column(),
                            "cases.full-width"));
            return;
        }
        TypedText scan = TypedText.scan(typed, place.file().endsWith(".drl") ? TypedText.Syntax.DRL
                : TypedText.Syntax.JSON);
        assertThat(scan.findings()).as("%s", place).containsExactly(new TypedText.Finding(place.line(),
                place.column(), TypedText.Kind.FULL_WIDTH, typed.charAt(place.offset()), place.original()));
        assertThat(scan.text()).isEqualTo(place.text());
    }

    @Property(tries = 12)
    void aRealCheckOfThePackGivesThatOneDiagnosticAndNothingElse(@ForAll("places") Place place) throws IOException {
        Path pack = Files.createTempDirectory("typed-");
        try {
            copy(place.pack(), pack);
            Files.writeString(pack.resolve(place.file()), place.typed(), StandardCharsets.UTF_8);
            String shown = place.file().endsWith(".csv") ? Path.of(place.file()).getFileName().toString()
                    : place.file();

            // The skincare pack's own warning (city.tip's "city" has no default) is there before any typing.
            assertThat(MistakesCorpusTest.check(pack, Locale.ENGLISH)).as("%s", place)
                    .filteredOn(line -> !line.contains("Script \"city.tip\" uses the variable \"city\""))
                    .singleElement().asString()
                    .startsWith(shown + ":" + place.line() + ":" + place.column() + ": Full-width character "
                            + (char) (place.original() + 0xFEE0) + " ");
        } finally {
            delete(pack);
        }
    }

    // ---------------------------------------------------------------- where the places are

    private static List<Place> findPlaces() {
        List<Place> out = new ArrayList<>();
        for (Path pack : PACKS) {
            try (Stream<Path> files = Files.walk(pack)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = pack.relativize(f).toString().replace('\\', '/');
                    String text = read(f);
                    if (name.endsWith(".drl")) {
                        code(pack, name, text, true, out);
                    } else if (name.endsWith(".json") && !name.contains("/")) {
                        code(pack, name, text, false, out);
                    } else if (name.startsWith("tests/") && name.endsWith(".csv")) {
                        table(pack, name, text, out);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(out).as("places in the packs").hasSizeGreaterThan(1000);
        return List.copyOf(out);
    }

    private static boolean punctuation(char c) {
        return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /** Rule and JSON files: punctuation outside texts (their quotes count as outside) and outside comments. */
    private static void code(Path pack, String file, String text, boolean drl, List<Place> out) {
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end + 2;
            } else if (c == '"' || drl && c == '\'') {
                out.add(new Place(pack, file, i, line, i - lineStart + 1));
                int k = i + 1;
                while (text.charAt(k) != c) {
                    k += text.charAt(k) == '\\' ? 2 : 1;
                }
                out.add(new Place(pack, file, k, line, k - lineStart + 1));
                i = k + 1;
            } else {
                if (punctuation(c)) {
                    out.add(new Place(pack, file, i, line, i - lineStart + 1));
                }
                i++;
            }
        }
    }

    /**
     * Test tables: the separators between two unquoted fields, the punctuation of the name and value columns,
     * the separators of the attributes ({@code ;}, {@code =}) and of the messages ({@code |}).
     */
    private static void table(Path pack, String file, String text, List<Place> out) {
        int lineStart = 0;
        int line = 0;
        boolean header = true;
        for (String row : text.split("\n", -1)) {
            line++;
            int start = lineStart;
            lineStart += row.length() + 1;
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            List<int[]> fields = new ArrayList<>(); // {start, end, quoted}
            int i = 0;
            while (i <= row.length()) {
                int from = i;
                boolean quoted = i < row.length() && row.charAt(i) == '"';
                if (quoted) {
                    i++;
                    while (!(row.charAt(i) == '"' && (i + 1 >= row.length() || row.charAt(i + 1) != '"'))) {
                        i += row.charAt(i) == '"' ? 2 : 1;
                    }
                    i++;
                } else {
                    while (i < row.length() && row.charAt(i) != ',') {
                        i++;
                    }
                }
                fields.add(new int[] {from, i, quoted ? 1 : 0});
                i++;
            }
            for (int f = 0; f < fields.size(); f++) {
                int[] field = fields.get(f);
                if (f > 0 && field[2] == 0 && fields.get(f - 1)[2] == 0) {
                    out.add(new Place(pack, file, start + field[0] - 1, line, field[0]));
                }
                if (header || field[2] == 1) {
                    continue;
                }
                for (int k = field[0]; k < field[1]; k++) {
                    char c = row.charAt(k);
                    boolean wanted = STRICT_COLUMNS.contains(f) && punctuation(c)
                            || f == ATTRIBUTES && (c == ';' || c == '=') || f == MESSAGES && c == '|';
                    if (wanted) {
                        out.add(new Place(pack, file, start + k, line, k + 1));
                    }
                }
            }
            header = false;
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
