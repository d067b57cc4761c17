package io.siyu.rules.spring;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.pack.RulePackException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When the application cannot start because of a rule pack (or another file the library reads) with problems,
 * prints them the way {@code siyu check} does — the summary, then one {@code file:line:column: message} line per
 * problem — instead of a stack trace in which they are buried; also a funnel database that cannot be used. The
 * exception itself is still logged at DEBUG by Spring Boot. Advice is in {@code siyu.rules.locale}'s language.
 */
final class PackFailureAnalyzer implements FailureAnalyzer {
    private final Locale locale;

    /** Made by Spring Boot, with the application's environment. */
    PackFailureAnalyzer(Environment environment) {
        this.locale = locale(environment);
    }

    private static Locale locale(Environment environment) {
        String tag = environment == null ? null : environment.getProperty(SiyuRulesProperties.PREFIX + ".locale");
        return tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag.trim().replace('_', '-'));
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DiagnosticException problems) {
                return new FailureAnalysis(describe(problems),
                        StarterMessages.format(locale, problems instanceof RulePackException ? "failure.pack.action"
                                : "failure.file.action"), problems);
            }
            if (t instanceof FunnelStoreException store) {
                return new FailureAnalysis(StarterMessages.format(locale, "failure.store.description",
                        store.message(locale)), StarterMessages.format(locale, "failure.store.action"), store);
            }
        }
        return null;
    }

    /** The summary line, a blank line, and each problem on its own indented line. */
    private static String describe(DiagnosticException e) {
        String message = e.getMessage();
        int newline = message.indexOf('\n');
        String summary = newline < 0 ? message : message.substring(0, newline);
        return summary + "\n\n" + e.diagnostics().stream().map(Diagnostic::format)
                .collect(Collectors.joining("\n    ", "    ", ""));
    }
}
