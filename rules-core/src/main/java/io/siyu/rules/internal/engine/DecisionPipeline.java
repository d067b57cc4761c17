package io.siyu.rules.internal.engine;

import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.decision.Now;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.compile.CompiledRules;
import io.siyu.rules.internal.compile.FactVocabulary;
import io.siyu.rules.internal.compile.RuleConditions;
import io.siyu.rules.internal.compile.RuleDates;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.script.RenderedScript;
import io.siyu.rules.script.ScriptLibrary;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the phases of one decision over a compiled rule base: intent → propose → policy → arbitration
 * → rendering. Shared by all threads: each call borrows a Drools session of its own from a pool, and the
 * session is reset (working memory, agenda, globals and listeners cleared) before another call may use it,
 * so decisions never see each other's facts and a session is never used by two threads at once.
 *
 * <p>Internal: built by the rule pack; hosts call {@code RulePack.decide}.
 */
public final class DecisionPipeline {
    private static final String MESSAGES = "io.siyu.rules.internal.engine.messages";

    private static final Comparator<Proposal> BEST_FIRST = Comparator.comparingInt(Proposal::getPriority).reversed()
            .thenComparingInt(Proposal::getSequence);

    private final KieBase kieBase;
    private final Sessions sessions;
    private final Settings settings;
    private final ScriptLibrary scripts;
    private final Map<String, RuleInfo> rules;
    private final Map<String, RuleDates> dates;
    private final Messages messages;

    /**
     * The settings of a pipeline.
     *
     * @param packId      the pack id, recorded on every decision
     * @param packVersion the pack version, recorded on every decision
     * @param thresholds  intent score → level
     * @param contact     the contact policy fact
     * @param zone        the pack's timezone
     * @param clock       where "now" comes from
     * @param maxFirings  the most rule firings one phase may take before it counts as a loop
     * @param locale      the locale of error messages
     * @param holdout     who is held out: their decisions are {@code HOLDOUT}, nothing rendered
     */
    public record Settings(String packId, String packVersion, IntentThresholds thresholds, ContactPolicy contact,
                           ZoneId zone, Clock clock, int maxFirings, Locale locale, Holdout holdout) {
        public Settings {
            Objects.requireNonNull(holdout, "holdout");
            Objects.requireNonNull(packId, "packId");
            Objects.requireNonNull(packVersion, "packVersion");
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(locale, "locale");
            if (maxFirings < 1) {
                throw new IllegalArgumentException("maxFirings must be >= 1, got " + maxFirings);
            }
        }
    }

    /**
     * @param kieBase  the compiled rules; every rule in one of the {@link Phase} ruleflow-groups
     * @param settings the pack's settings
     * @param scripts  the script library that renders the winning script
     * @param rules    where each rule is written, by rule name (for error messages)
     * @param dates    the {@code date-effective} / {@code date-expires} window of each rule that has one, by
     *                 rule name: such a rule fires only when the decision's "now" (its clock, in the pack's
     *                 timezone) is inside it
     * @param keepSessions whether every rule's conditions start with a fact pattern, so that a session can be
     *                 kept between decisions and cleaned by deleting the decision's facts (faster than a reset;
     *                 see {@code Sessions})
     */
    public DecisionPipeline(KieBase kieBase, Settings settings, ScriptLibrary scripts, List<RuleInfo> rules,
                            Map<String, RuleDates> dates, boolean keepSessions) {
        this(kieBase, new Sessions(Objects.requireNonNull(kieBase, "kieBase"), keepSessions), settings, scripts,
                rules, dates);
    }

    /**
     * A pipeline over a pack compiled ahead of time: the rule base is made from the compiled classes, with
     * no compiler.
     *
     * @param compiled     the executable model's classes
     * @param extraFacts   the classes the host allowed besides the fact model
     * @param settings     the pack's settings
     * @param scripts      the script library
     * @param rules        where each rule is written
     * @param dates        the date windows of dated rules
     * @param keepSessions whether sessions can be kept between decisions (see the constructor)
     * @return the pipeline
     * @throws IllegalStateException when the classes cannot be loaded (see {@link CompiledRules#kieBase})
     */
    public static DecisionPipeline of(CompiledRules compiled, Collection<Class<?>> extraFacts, Settings settings,
                                      ScriptLibrary scripts, List<RuleInfo> rules, Map<String, RuleDates> dates,
                                      boolean keepSessions) {
        return new DecisionPipeline(compiled.kieBase(extraFacts), settings, scripts, rules, dates, keepSessions);
    }

    private DecisionPipeline(KieBase kieBase, Sessions sessions, Settings settings, ScriptLibrary scripts,
                             List<RuleInfo> rules, Map<String, RuleDates> dates) {
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        Map<String, RuleInfo> byName = new HashMap<>();
        for (RuleInfo r : rules) {
            byName.put(r.name(), r);
        }
        this.rules = Map.copyOf(byName);
        this.dates = Map.copyOf(dates);
        this.messages = Messages.of(MESSAGES, settings.locale());
    }

    /** The pipeline's settings. */
    public Settings settings() {
        return settings;
    }

    /** The same compiled rules and scripts deciding with another clock; cheap (no compilation). */
    public DecisionPipeline withClock(Clock clock) {
        Settings s = settings;
        return new DecisionPipeline(kieBase, sessions, new Settings(s.packId(), s.packVersion(), s.thresholds(),
                s.contact(), s.zone(), Objects.requireNonNull(clock, "clock"), s.maxFirings(), s.locale(),
                s.holdout()), scripts,
                List.copyOf(rules.values()), dates);
    }

    /**
     * Decides for one customer.
     *
     * @throws DecisionException when a rule loops or fails, or the winning script cannot be rendered
     */
    public Decision decide(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        RuleTrace trace = new RuleTrace();
        DecisionIntent intent = new DecisionIntent(trace);
        DecisionActions actions = new DecisionActions(trace);
        DecisionPolicy policy = new DecisionPolicy(trace);
        Sessions.Lane lane = sessions.borrow(trace);
        boolean clean = false;
        try {
            KieSession session = lane.session;
            session.setGlobal(FactVocabulary.INTENT, intent);
            session.setGlobal(FactVocabulary.ACTIONS, actions);
            session.setGlobal(FactVocabulary.POLICY, policy);
            Instant instant = settings.clock().instant();
            ZonedDateTime now = ZonedDateTime.ofInstant(instant, settings.zone());
            lane.insert(customer);
            lane.insert(new Now(now, settings.contact().isQuiet(now.toLocalTime())));
            lane.insert(settings.contact());

            AgendaFilter inDates = inDates(now.toLocalDateTime());
            fire(session, Phase.INTENT, trace, customer.getId(), inDates);
            intent.settle(settings.thresholds());
            lane.insert(intent);

            actions.open();
            fire(session, Phase.PROPOSE, trace, customer.getId(), inDates);
            List<Proposal> proposals = actions.close();
            policy.open(proposals);
            for (Proposal p : proposals) {
                lane.insert(p);
            }
            fire(session, Phase.POLICY, trace, customer.getId(), inDates);

            List<Proposal> surviving = new ArrayList<>();
            for (Proposal p : proposals) {
                if (!policy.isVetoed(p)) {
                    surviving.add(p);
                }
            }
            surviving.sort(BEST_FIRST);
            Proposal winner = surviving.isEmpty() ? null : surviving.get(0);
            List<Proposal> losing = surviving.isEmpty() ? List.of() : surviving.subList(1, surviving.size());
            // A held-out customer's rules run as anyone's (what would have won is recorded), but nothing is
            // rendered: no text exists to be sent by a host that ignores the action. No hash without a holdout.
            boolean heldOut = settings.holdout().isActive() && settings.holdout().holdsOut(customer.getId());
            RenderedScript rendered = heldOut || winner == null || winner.getScriptId().isEmpty() ? null
                    : render(winner, customer.getId(), customer.getAttributes());
            Decision.Builder decision = Decision.builder(customer.getId(), settings.packId(), settings.packVersion())
                    .winner(winner).script(rendered).decidedAt(instant)
                    .intent(intent.getLevel(), intent.getScore(), intent.getEvidence())
                    .losing(losing).vetoed(policy.vetoes()).firedRules(trace.fired());
            if (heldOut) {
                decision.holdout(winner, winner == null || winner.getScriptId().isEmpty() ? ""
                        : scripts.variantFor(winner.getScriptId(), customer.getId()));
            }
            Decision built = decision.build();
            clean = true;
            return built;
        } finally {
            sessions.release(lane, clean);
        }
    }

    /**
     * The content the rules of the {@code content} phase choose for a cohort group on a day: every
     * proposal, best first, with its script rendered for the group (A/B variants are assigned per
     * group). Contact-policy vetoes do not apply to a day's plan, which is made ahead of the time it is
     * sent.
     *
     * @throws DecisionException when a content rule loops or fails, or a chosen script cannot be rendered
     */
    public List<PlannedContent> contentFor(GroupDay day) {
        Objects.requireNonNull(day, "day");
        RuleTrace trace = new RuleTrace();
        DecisionActions actions = new DecisionActions(trace);
        Sessions.Lane lane = sessions.borrow(trace);
        boolean clean = false;
        List<Proposal> proposals;
        try {
            KieSession session = lane.session;
            DecisionIntent noEvidence = new DecisionIntent(trace);
            noEvidence.settle(settings.thresholds()); // a group day has no intent phase: evidence is refused
            session.setGlobal(FactVocabulary.INTENT, noEvidence);
            session.setGlobal(FactVocabulary.ACTIONS, actions);
            session.setGlobal(FactVocabulary.POLICY, new DecisionPolicy(trace));
            lane.insert(day);
            lane.insert(settings.contact());
            actions.open();
            // A group day is planned for its date: a dated content rule is judged at the start of that day.
            fire(session, Phase.CONTENT, trace, day.groupId(), inDates(day.date().atStartOfDay()));
            proposals = new ArrayList<>(actions.close());
            clean = true;
        } finally {
            sessions.release(lane, clean);
        }
        proposals.sort(BEST_FIRST);
        List<PlannedContent> content = new ArrayList<>(proposals.size());
        for (Proposal p : proposals) {
            String text = p.getScriptId().isEmpty() ? "" : render(p, day.groupId(), Map.of()).text();
            content.add(new PlannedContent(p.getScriptId(), text, p.getReason(), p.getRule()));
        }
        return content;
    }

    /**
     * Decides for every customer, in order. A failure on one customer is reported on that customer's
     * decision ({@link Decision#failure()}) and does not stop the batch.
     */
    public List<Decision> decideAll(List<Customer> customers) {
        Objects.requireNonNull(customers, "customers");
        List<Decision> out = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            try {
                out.add(decide(c));
            } catch (DiagnosticException e) {
                out.add(failed(c, e));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The failed decision for a customer whose decision threw, as {@link #decideAll} records it: action
     * {@code FAILED}, the reason every diagnostic of {@code e} (rule files and positions, never the customer's
     * data).
     */
    public Decision failed(Customer customer, DiagnosticException e) {
        return Decision.failed(customer.getId(), settings.packId(), settings.packVersion(), firstMessage(e));
    }

    private static String firstMessage(DiagnosticException e) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : e.diagnostics()) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(d.format());
        }
        return out.toString();
    }

    private RenderedScript render(Proposal winner, String recipientId, Map<String, ?> values) {
        try {
            return scripts.render(winner.getScriptId(), recipientId, values);
        } catch (DiagnosticException e) {
            throw new DecisionException(recipientId,
                    messages.format("decision.render-failed", winner.getScriptId(), winner.getRule()),
                    e.diagnostics());
        }
    }

    /**
     * Lets a rule with {@code date-effective} / {@code date-expires} fire only inside its dates, judged at
     * {@code now} (the decision's clock in the pack's timezone), never at the computer's date; null when the
     * pack has no dated rule.
     */
    private AgendaFilter inDates(LocalDateTime now) {
        if (dates.isEmpty()) {
            return null;
        }
        return match -> {
            RuleDates window = dates.get(match.getRule().getName());
            return window == null || window.contains(now);
        };
    }

    private void fire(KieSession session, Phase phase, RuleTrace trace, String customerId, AgendaFilter filter) {
        session.getAgenda().getAgendaGroup(phase.groupName()).setFocus();
        int before = trace.fired().size();
        int fired;
        try {
            fired = filter == null ? session.fireAllRules(settings.maxFirings())
                    : session.fireAllRules(filter, settings.maxFirings());
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError comes from a rule calling a host class it cannot reach (on the module path, a
            // package the host does not export): that customer's decision fails, the pack stays usable.
            String rule = trace.current();
            if (!rule.isEmpty()) {
                throw failure(customerId, rule, "decision.rule-failed", rootMessage(e), e);
            }
            // Outside a consequence: a condition threw while facts were matched. Drools names the rule in
            // its message ("Error evaluating constraint '...' in [Rule "name" in file]") in both modes.
            // The classic engine compiles a condition only when it first runs it, and a failure then names
            // the condition ("[Near : {... silentHours > x ....}]") but not its rule: found by its text.
            String condition = ruleNamedIn(e);
            if (condition.isEmpty()) {
                condition = conditionNamedIn(e).map(this::ruleWithCondition).orElse("");
            }
            boolean linkage = causedByLinkage(e);
            String key = condition.isEmpty() ? "decision.matching-failed" : "decision.condition-failed";
            throw failure(customerId, condition, linkage ? key + "-linkage" : key, rootMessage(e), e);
        }
        if (fired >= settings.maxFirings()) {
            throw failure(customerId, trace.loopCulprit(before), "decision.rule-loops", settings.maxFirings(), null);
        }
    }

    private DecisionException failure(String customerId, String rule, String key, Object detail, Throwable cause) {
        RuleInfo info = rules.get(rule);
        String file = info == null ? "" : info.file();
        int line = info == null ? 0 : info.line();
        String message = messages.format(key, rule, detail);
        DecisionException e = new DecisionException(customerId,
                messages.format("decision.failed", customerId),
                List.of(new Diagnostic(file, line, 0, Severity.ERROR, key, "", message)));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private static final java.util.regex.Pattern RULE_IN_MESSAGE =
            java.util.regex.Pattern.compile("\\[Rule \"(.+?)\" in ");

    /** The rule Drools names in an exception of the chain, or "". */
    private static String ruleNamedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.regex.Matcher m = t.getMessage() == null ? null : RULE_IN_MESSAGE.matcher(t.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    private static final java.util.regex.Pattern CONDITION_IN_MESSAGE =
            java.util.regex.Pattern.compile("\\[Near : \\{\\.\\.\\.(.+?)\\.\\.\\.\\.\\}\\]");

    /** The condition MVEL quotes in an exception of the chain ({@code [Near : {... a > b ....}]}). */
    private static Optional<String> conditionNamedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.regex.Matcher m = t.getMessage() == null ? null : CONDITION_IN_MESSAGE.matcher(t.getMessage());
            if (m != null && m.find() && !m.group(1).isBlank()) {
                return Optional.of(m.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /** The first rule (in the pack's order) with a condition written as {@code condition}, or "". */
    private String ruleWithCondition(String condition) {
        return RuleConditions.ruleWithCondition(kieBase, rules.keySet(), condition).orElse("");
    }

    /** Whether a class could not be reached: the only failure the module path advice is about. */
    private static boolean causedByLinkage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LinkageError || t instanceof IllegalAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
