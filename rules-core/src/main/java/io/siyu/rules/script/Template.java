package io.siyu.rules.script;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * A script text compiled once, at load, into literal pieces and variable slots, so that rendering is a
 * single pass that appends pieces: no parsing and no regular expression per render, and a value is
 * never read as template syntax (a nickname such as {@code {product}} stays that text).
 *
 * <p>Syntax: a name between braces is a variable (letters, digits and {@code _}); a doubled opening
 * or closing brace is one literal brace. Immutable and thread-safe.
 */
final class Template {

    /** Where a variable is used: its name and the 1-based line and column of its {@code {} in the file. */
    record Slot(String name, int line, int column) {
    }

    /** Receives a syntax problem found while compiling: the column of the problem, a message key and its arguments. */
    @FunctionalInterface
    interface ProblemSink {
        void report(int column, String key, Object... args);
    }

    private final String source;
    private final String path;
    private final int line;
    private final int column;
    /** {@code literals[i]} comes before {@code slots[i]}; the last literal ends the text. */
    private final String[] literals;
    private final Slot[] slots;
    private final int literalCodePoints;

    private Template(String source, String path, int line, int column, List<String> literals, List<Slot> slots) {
        this.source = source;
        this.path = path;
        this.line = line;
        this.column = column;
        this.literals = literals.toArray(String[]::new);
        this.slots = slots.toArray(Slot[]::new);
        this.literalCodePoints = literals.stream().mapToInt(s -> s.codePointCount(0, s.length())).sum();
    }

    /**
     * Compiles {@code source}, reporting every syntax problem to {@code problems}.
     *
     * @param columnOf maps an offset in {@code source} to the 1-based column in the file
     * @return the template, or {@code null} when the text has a syntax problem
     */
    static Template compile(String source, String path, int line, int column, IntUnaryOperator columnOf,
                            ProblemSink problems) {
        List<String> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean ok = true;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            boolean doubled = i + 1 < n && source.charAt(i + 1) == c;
            if (c == '{' && !doubled) {
                int close = source.indexOf('}', i + 1);
                int nextOpen = source.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    problems.report(columnOf.applyAsInt(i), "script.unclosed-brace");
                    ok = false;
                    i++;
                    continue;
                }
                String name = source.substring(i + 1, close);
                if (isValidName(name)) {
                    literals.add(literal.toString());
                    literal.setLength(0);
                    slots.add(new Slot(name, line, columnOf.applyAsInt(i)));
                } else {
                    problems.report(columnOf.applyAsInt(i), "script.bad-variable-name", name);
                    ok = false;
                }
                i = close + 1;
            } else if (c == FULL_WIDTH_OPEN && source.indexOf(FULL_WIDTH_CLOSE, i + 1) > i + 1
                    && isValidName(source.substring(i + 1, source.indexOf(FULL_WIDTH_CLOSE, i + 1)))) {
                // ｛nickname｝ typed on a Chinese input method: it would go to the customer as it stands.
                int close = source.indexOf(FULL_WIDTH_CLOSE, i + 1);
                problems.report(columnOf.applyAsInt(i), "script.full-width-braces", source.substring(i + 1, close));
                ok = false;
                i = close + 1;
            } else if (c == '}' && !doubled) {
                problems.report(columnOf.applyAsInt(i), "script.stray-brace");
                ok = false;
                i++;
            } else {
                literal.append(c);
                // A doubled brace is one literal brace.
                i += (c == '{' || c == '}') ? 2 : 1;
            }
        }
        literals.add(literal.toString());
        return ok ? new Template(source, path, line, column, literals, slots) : null;
    }

    private static final char FULL_WIDTH_OPEN = '\uFF5B';
    private static final char FULL_WIDTH_CLOSE = '\uFF5D';

    /** Whether {@code name} can name a variable: one or more letters (any script), digits or {@code _}. */
    static boolean isValidName(String name) {
        return !name.isEmpty() && name.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_');
    }

    /**
     * Fills in the variables. {@code values} gives the value of a variable, or {@code null} when it has
     * none; such variables are added to {@code missing} (first use of each) and the result must then
     * not be used.
     */
    String render(Function<String, String> values, List<Slot> missing) {
        StringBuilder out = new StringBuilder(source.length() + 16 * slots.length);
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]);
            Slot slot = slots[i];
            String value = values.apply(slot.name());
            if (value != null) {
                out.append(value);
            } else if (missing.stream().noneMatch(m -> m.name().equals(slot.name()))) {
                missing.add(slot);
            }
        }
        return out.append(literals[slots.length]).toString();
    }

    /** The text as written in the file. */
    String source() {
        return source;
    }

    /** The JSON path of the text, e.g. {@code scripts[3].variants[0].text}. */
    String path() {
        return path;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** Every use of a variable, in text order. */
    List<Slot> slots() {
        return List.of(slots);
    }

    /** The length of the text without its variables, in code points: the least a rendering can be. */
    int literalCodePoints() {
        return literalCodePoints;
    }
}
