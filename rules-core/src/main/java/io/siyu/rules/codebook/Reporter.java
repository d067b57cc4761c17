package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns problems with answers, codes, tags and remarks into diagnostics and a {@link CodebookException},
 * in the codebook's locale. Such problems are in the caller's input, not in the codebook file: their
 * diagnostics name the input as their file ({@code <answers>}, {@code <codes>}, {@code <tags>},
 * {@code <remark>}, {@code <name>}, the first step of the path, in angle brackets as {@code <stdin>} is), with
 * line and column 0 (an answers map has no lines), and the path into it ({@code answers.concern},
 * {@code codes[2]}). Blaming the codebook file would send the person to fix a file that is right.
 *
 * @param fileName   the codebook's file name ({@link Codebook#fileName()}); not named by these diagnostics
 * @param codebookId the codebook's id, named by every summary
 * @param messages   the codebook's message bundle in its locale
 */
record Reporter(String fileName, String codebookId, Messages messages) {

    Reporter(String fileName, String codebookId, Locale locale) {
        this(fileName, codebookId, Messages.of(CodebookParser.BUNDLE, locale));
    }

    /**
     * An error in the input at {@code path} ({@code answers.concern}), with the bundle's message {@code key}
     * formatted with {@code args}; its file is the input's name ({@code <answers>}).
     */
    Diagnostic problem(String path, String key, Object... args) {
        return new Diagnostic(input(path), 0, 0, Severity.ERROR, key, path, messages.format(key, args));
    }

    /** The input a path is in: its first step, in angle brackets ({@code answers.concern} → {@code <answers>}). */
    static String input(String path) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return "<" + path.substring(0, end) + ">";
    }

    /** The exception for these problems, summarised by {@code summaryKey} (codebook id, problem count). */
    CodebookException failure(String summaryKey, List<Diagnostic> problems) {
        return new CodebookException(messages.format(summaryKey, codebookId, problems.size()), problems);
    }

    /** Codes in quotes, separated by commas: {@code "A", "B"}. */
    static String quoted(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
    }

    /** A character as a person can see it, even a space or an invisible one: {@code "D" (U+0044)}. */
    static String showCharacter(int codePoint) {
        return "\"" + new String(Character.toChars(codePoint)) + "\" (U+"
                + String.format(Locale.ROOT, "%04X", codePoint) + ")";
    }
}
