package io.siyu.rules.testkit;

import io.siyu.rules.decision.RuleInfo;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A snapshot of a pack's {@link RuleCoverage}: how often each rule fired. Immutable.
 *
 * @param packId      the pack id
 * @param packVersion the pack version
 * @param decisions   how many decisions were recorded
 * @param rules       every rule of the pack in file order, with its firing count
 */
public record CoverageReport(String packId, String packVersion, long decisions, List<RuleFirings> rules) {

    public CoverageReport {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(packVersion, "packVersion");
        rules = List.copyOf(rules);
    }

    /**
     * One rule and how often it fired.
     *
     * @param rule  the rule, with its file and line
     * @param count how many times it fired
     */
    public record RuleFirings(RuleInfo rule, long count) {
        public RuleFirings {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** The rules that fired at least once, in file order. */
    public List<RuleInfo> fired() {
        return rules.stream().filter(r -> r.count() > 0).map(RuleFirings::rule).toList();
    }

    /** The rules that never fired, in file order. */
    public List<RuleInfo> neverFired() {
        return rules.stream().filter(r -> r.count() == 0).map(RuleFirings::rule).toList();
    }

    /** The share of rules that fired, from 0 to 1 (1 for a pack without rules). */
    public double ratio() {
        return rules.isEmpty() ? 1 : (double) fired().size() / rules.size();
    }

    /**
     * The report as text, one rule per line:
     * <pre>
     * Rule coverage of pack skincare-test 1.0.0: 28 of 30 rules fired in 14 decisions
     * fired:
     *   rules/intent.drl:3  越快越好 (intent)  ×4
     * never fired:
     *   rules/propose.drl:3  新客欢迎 (propose)
     * </pre>
     */
    public String format() {
        StringBuilder out = new StringBuilder("Rule coverage of pack ").append(packId).append(' ').append(packVersion)
                .append(": ").append(fired().size()).append(" of ").append(rules.size()).append(" rules fired in ")
                .append(decisions).append(" decisions\n");
        List<RuleFirings> fired = rules.stream().filter(r -> r.count() > 0).toList();
        if (!fired.isEmpty()) {
            out.append("fired:\n").append(fired.stream().map(r -> line(r.rule()) + "  ×" + r.count())
                    .collect(Collectors.joining("\n"))).append('\n');
        }
        if (!neverFired().isEmpty()) {
            out.append("never fired:\n").append(neverFired().stream().map(CoverageReport::line)
                    .collect(Collectors.joining("\n"))).append('\n');
        }
        return out.toString();
    }

    /** {@code   file:line  name (phase)}: how a rule is listed in reports and coverage failures. */
    static String line(RuleInfo rule) {
        return "  " + rule.location() + "  " + rule.name() + " (" + rule.phase().groupName() + ")";
    }
}
