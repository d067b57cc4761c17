package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns problems with answers, codes, tags and remarks into diagnostics and a {@link CodebookException},
 * in the codebook's locale. Such problems are not in the codebook file, so they carry its name with
 * line and column 0, and a path into the input ({@code answers.concern}, {@code codes[2]}).
 *
 * @param fileName   the codebook's file name, named by every diagnostic
 * @param codebookId the codebook's id, named by every summary
 * @param messages   the codebook's message bundle in its locale
 */
record Reporter(String fileName, String codebookId, Messages messages) {

    Reporter(String fileName, String codebookId, Locale locale) {
        this(fileName, codebookId, Messages.of(CodebookParser.BUNDLE, locale));
    }

    /** An error at {@code path}, with the bundle's message {@code key} formatted with {@code args}. */
    Diagnostic problem(String path, String key, Object... args) {
        return new Diagnostic(fileName, 0, 0, Severity.ERROR, key, path, messages.format(key, args));
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
