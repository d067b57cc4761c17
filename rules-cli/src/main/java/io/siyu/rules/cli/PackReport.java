package io.siyu.rules.cli;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePack;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * How siyu reports on a pack: every diagnostic as {@code file:line:column: message}, then a one-line
 * summary such as {@code gaozi 1.0.0: 45 rules, 62 scripts, 24 codes — OK} or
 * {@code gaozi: 3 errors, 1 warning}.
 */
final class PackReport {
    private PackReport() {
    }

    /** The summary of a pack that loaded (its warnings, if any, are counted). */
    static String loaded(RulePack pack) {
        int warnings = pack.warnings().size();
        return pack.id() + " " + pack.version() + ": " + count(pack.rules().size(), "rule") + ", "
                + count(pack.scripts().ids().size(), "script") + ", "
                + (pack.hasCodebook() ? count(pack.codebook().allCodes().size(), "code") : "no codebook") + " — OK"
                + (warnings == 0 ? "" : ", " + count(warnings, "warning"));
    }

    /** Prints every diagnostic, one per line, then the summary of a pack that did not load, in {@code locale}. */
    static void failed(PackLocation pack, List<Diagnostic> diagnostics, PrintWriter out, Locale locale) {
        diagnostics.forEach(d -> out.println(d.format(locale)));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        out.println(CliMessages.format(locale, warnings == 0 ? "report.failed" : "report.failed-with-warnings",
                pack.name(), errors, warnings));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
