package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.pack.RulePack;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Which rules of a pack fired across a test run and which never did.
 *
 * <p>Every decision made through the testkit — {@link TestCustomers}, {@link RuleCases} and the packs the
 * {@link RulePackTest} extension hands out (through those two) — is recorded in the coverage of its pack.
 * A decision made by calling {@code pack.decide(...)} directly is recorded with {@link #record(Decision)}.
 * Group content chosen by the pack's {@code content} rules is recorded by {@link FunnelScenario}, or with
 * {@link #record(DailyPlan)} and {@link #recordContent(List)}; each group day counts as one decision.
 * <pre>{@code
 * RuleCoverage.of(pack).assertAllFired(Phase.PROPOSE, Phase.POLICY);
 * System.out.println(RuleCoverage.of(pack).report().format());
 * }</pre>
 *
 * <p><b>Sharing.</b> {@link #of(RulePack)} returns the one coverage of that pack <em>instance</em>: a
 * pack loaded twice has two coverages. The link from pack to coverage is the only JVM-wide state of
 * the testkit; it is needed so that independent parts of a test class (a case table, a customer
 * builder, the extension's {@code afterAll} check) add to the same record without passing it around.
 * It holds packs weakly (a pack that is no longer used disappears with its coverage) and is
 * thread-safe. A coverage object itself is thread-safe: decisions may be recorded from parallel tests.
 */
public final class RuleCoverage {
    private static final Map<RulePack, RuleCoverage> BY_PACK = Collections.synchronizedMap(new WeakHashMap<>());

    private final String packId;
    private final String packVersion;
    private final List<RuleInfo> rules;
    private final Map<String, LongAdder> firings = new ConcurrentHashMap<>();
    private final AtomicLong decisions = new AtomicLong();

    private RuleCoverage(RulePack pack) {
        this.packId = pack.id();
        this.packVersion = pack.version();
        this.rules = pack.rules();
    }

    /** The coverage of this pack instance, created empty on first use. Thread-safe. */
    public static RuleCoverage of(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        return BY_PACK.computeIfAbsent(pack, RuleCoverage::new);
    }

    /**
     * A new coverage of this pack that nothing else records into; for a caller that wants its own
     * count, e.g. one per CLI run. Record into it with {@link #record(Decision)}.
     */
    public static RuleCoverage independent(RulePack pack) {
        return new RuleCoverage(Objects.requireNonNull(pack, "pack"));
    }

    /**
     * Records the rules a decision fired.
     *
     * @return the same decision, so a call can wrap {@code pack.decide(...)}
     */
    public Decision record(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        recordFired(decision.firedRules());
        return decision;
    }

    /**
     * Records the rules that chose a group day's content ({@code pack.contentFor(groupDay)}): each
     * {@link PlannedContent#rule()}. Counts as one decision. A content rule that fires but proposes
     * nothing cannot be seen this way.
     *
     * @return the same content, so a call can wrap {@code pack.contentFor(...)}
     */
    public List<PlannedContent> recordContent(List<PlannedContent> content) {
        Objects.requireNonNull(content, "content");
        recordFired(content.stream().map(PlannedContent::rule).filter(rule -> !rule.isEmpty()).toList());
        return content;
    }

    /**
     * Records the content of every group of a day's plan ({@code pack.planFor(date, funnel)}), one
     * decision per group that has content, as {@link #recordContent(List)} does.
     *
     * @return the same plan
     */
    public DailyPlan record(DailyPlan plan) {
        Objects.requireNonNull(plan, "plan");
        plan.groups().forEach(group -> recordContent(group.content()));
        return plan;
    }

    /**
     * Records one decision (or group day) in which these rules fired, by name; for rules whose firing the
     * caller observed some other way. Names that are not rules of the pack are counted but never reported.
     */
    public void recordFired(Collection<String> rules) {
        Objects.requireNonNull(rules, "rules");
        decisions.incrementAndGet();
        for (String rule : rules) {
            firings.computeIfAbsent(rule, r -> new LongAdder()).increment();
        }
    }

    /** How many decisions were recorded. */
    public long decisions() {
        return decisions.get();
    }

    /** How often the rule with this name fired (0 when it never did). */
    public long firings(String rule) {
        LongAdder count = firings.get(Objects.requireNonNull(rule, "rule"));
        return count == null ? 0 : count.sum();
    }

    /** The rules that fired at least once, in file order. */
    public List<RuleInfo> fired() {
        return rules.stream().filter(r -> firings(r.name()) > 0).toList();
    }

    /** The rules that never fired, in file order; only those of {@code phases} when any are given. */
    public List<RuleInfo> neverFired(Phase... phases) {
        Set<Phase> wanted = phases(phases);
        return rules.stream().filter(r -> wanted.contains(r.phase()) && firings(r.name()) == 0).toList();
    }

    /** A snapshot of the coverage so far. */
    public CoverageReport report() {
        List<CoverageReport.RuleFirings> all = rules.stream()
                .map(r -> new CoverageReport.RuleFirings(r, firings(r.name()))).toList();
        return new CoverageReport(packId, packVersion, decisions(), all);
    }

    /**
     * Fails unless every rule (of {@code phases}, when any are given) fired at least once, listing each rule
     * that never fired with its file and line.
     *
     * @throws AssertionError naming every rule that never fired
     */
    public void assertAllFired(Phase... phases) {
        Set<Phase> wanted = phases(phases);
        List<RuleInfo> missing = neverFired(phases);
        if (!missing.isEmpty()) {
            long inScope = rules.stream().filter(r -> wanted.contains(r.phase())).count();
            String scope = phases.length == 0 ? " rules" : " rules of phase" + (wanted.size() == 1 ? " " : "s ")
                    + wanted.stream().map(Phase::groupName).collect(Collectors.joining(", "));
            throw new AssertionError(missing.size() + " of " + inScope + scope + " of pack " + packId + " "
                    + packVersion + " never fired in " + decisions() + (decisions() == 1 ? " decision" : " decisions")
                    + ":\n" + missing.stream().map(CoverageReport::line).collect(Collectors.joining("\n")));
        }
    }

    private static Set<Phase> phases(Phase... phases) {
        return phases.length == 0 ? EnumSet.allOf(Phase.class) : EnumSet.copyOf(List.of(phases));
    }

    @Override
    public String toString() {
        return "RuleCoverage[" + packId + " " + packVersion + ": " + fired().size() + " of " + rules.size()
                + " rules fired in " + decisions() + " decisions]";
    }
}
