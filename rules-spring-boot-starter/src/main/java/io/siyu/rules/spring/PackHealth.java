package io.siyu.rules.spring;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The health of a live rule pack, independent of Spring Boot's health API (which Boot 4 moved to another package):
 * the Boot 3 and Boot 4 indicators only translate it.
 * <ul>
 *   <li>UP when a version serves: its id, version, rules and source; and, when the last reload was rejected, its
 *       problems ({@code lastRejected}) while the previous version keeps serving;</li>
 *   <li>OUT_OF_SERVICE while the first build runs in the background;</li>
 *   <li>DOWN when the first build was rejected: no version serves; the problems are in the details.</li>
 * </ul>
 * Problems are the pack's {@code file:line:column: message} lines: the pack's own files, never customer data.
 */
final class PackHealth {
    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

    private PackHealth() {
    }

    /** A status code and its details. */
    record Report(String status, Map<String, Object> details) {
    }

    static Report of(LiveRulePack live, Locale locale) {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<RulePackException> rejected = live.lastRejected();
        if (live.isReady()) {
            RulePack pack = live.current();
            details.put("pack", pack.id());
            details.put("version", pack.version());
            details.put("rules", pack.rules().size());
            details.put("source", live.source().name());
            details.put("state", StarterMessages.format(locale, "state.serving"));
            rejected.ifPresent(e -> details.put("lastRejected", problems(e)));
            return new Report(UP, details);
        }
        details.put("source", live.source().name());
        if (rejected.isPresent()) {
            details.put("state", StarterMessages.format(locale, "state.rejected"));
            details.put("problems", problems(rejected.get()));
            return new Report(DOWN, details);
        }
        details.put("state", StarterMessages.format(locale, "state.building"));
        return new Report(OUT_OF_SERVICE, details);
    }

    /** Each problem as {@code file:line:column: message}. */
    static List<String> problems(RulePackException e) {
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }
}
