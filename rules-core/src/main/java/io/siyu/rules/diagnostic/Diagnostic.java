package io.siyu.rules.diagnostic;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in a file that a person edits (a codebook, a script library, a rule file, ...).
 *
 * <p>Positions are 1-based; {@code 0} means "not known" (for instance a problem with a whole file).
 * {@code file} is the path as the person knows it: relative to the rule pack directory when the file
 * belongs to a pack. {@code path} names the field inside a structured file, as a JSON path such as
 * {@code questions[1].options[0].code}, or is empty. {@code key} is the stable, locale-independent
 * identifier of the kind of problem (for instance {@code codebook.duplicate-code}); {@code message}
 * is the localized sentence a non-programmer can act on. Immutable and thread-safe, with value equality.
 *
 * @param file     the file, relative to the pack directory where there is one; never null
 * @param line     1-based line, or 0 when not known
 * @param column   1-based column, or 0 when not known
 * @param severity how serious the problem is
 * @param key      the stable identifier of the kind of problem
 * @param path     the field inside the file (a JSON path), or the empty string
 * @param message  the localized, human-readable explanation
 */
public record Diagnostic(String file, int line, int column, Severity severity, String key, String path,
                         String message) {

    /** Orders diagnostics by file, then position, then message: the order a person reads them in. */
    public static final Comparator<Diagnostic> READING_ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    /**
     * A diagnostic.
     *
     * @param file     the file
     * @param line     1-based line, or 0 when not known
     * @param column   1-based column, or 0 when not known
     * @param severity how serious the problem is
     * @param key      the stable identifier of the kind of problem
     * @param path     the field inside the file, or {@code ""}
     * @param message  the localized explanation
     * @throws NullPointerException     when an argument other than {@code line} and {@code column} is null
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    /**
     * An error at a position, with no field path.
     *
     * @param file    the file
     * @param line    1-based line, or 0 when not known
     * @param column  1-based column, or 0 when not known
     * @param key     the stable identifier of the kind of problem
     * @param message the localized explanation
     * @return a diagnostic of severity {@link Severity#ERROR} and path {@code ""}
     * @throws NullPointerException     when {@code file}, {@code key} or {@code message} is null
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public static Diagnostic error(String file, int line, int column, String key, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, key, "", message);
    }

    /**
     * Whether this diagnostic makes loading fail.
     *
     * @return whether the severity is {@link Severity#ERROR}
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The compiler-style form {@code file:line:column: message}, followed by {@code (at path)} when the
     * diagnostic names a field. Warnings are prefixed with {@code warning: }. Unknown positions are printed
     * as {@code 0}. One line unless the message itself has line breaks.
     *
     * @return e.g. {@code codebook.json:12:17: Code "3" is already the code of ... (at questions[1].options[0].code)}
     */
    public String format() {
        return format(Locale.ENGLISH);
    }

    /**
     * {@link #format()} for a reader of {@code locale}: for Chinese ({@code zh}, any country) the words it adds to
     * the message are Chinese too ({@code 警告：}, {@code （位置：path）}); English otherwise. The message itself is
     * in the locale it was made in.
     *
     * @param locale the reader's locale; not null
     * @return e.g. {@code codebook.json:12:17: 编码 "3" 已经是 ……（位置：questions[1].options[0].code）}
     * @throws NullPointerException when {@code locale} is null
     */
    public String format(Locale locale) {
        boolean chinese = "zh".equals(Objects.requireNonNull(locale, "locale").getLanguage());
        StringBuilder out = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ");
        if (severity == Severity.WARNING) {
            out.append(chinese ? "警告：" : "warning: ");
        }
        out.append(message);
        if (!path.isEmpty()) {
            out.append(chinese ? "（位置：" : " (at ").append(path).append(chinese ? '）' : ')');
        }
        return out.toString();
    }

    /**
     * The same as {@link #format()}.
     *
     * @return {@link #format()}
     */
    @Override
    public String toString() {
        return format();
    }

    /** How serious a {@link Diagnostic} is. Immutable and thread-safe. */
    public enum Severity {
        /** The file cannot be used as it is; loading fails. */
        ERROR,
        /** The file loads, but something in it is probably not what the author meant. */
        WARNING
    }
}
