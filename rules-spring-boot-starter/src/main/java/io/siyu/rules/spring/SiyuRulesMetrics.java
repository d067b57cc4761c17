package io.siyu.rules.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of a rule pack and its funnel, as a {@link DecisionListener} (the starter registers it with its
 * pack when the application has a {@link MeterRegistry}; any other listener bean — a decision log, rule statistics —
 * is registered beside it):
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@value #DECISIONS}</td><td>counter</td><td>pack, action, intent</td><td>decisions, by winning action
 *       ({@code NONE}: wait; {@code FAILED}) and intent level ({@code COLD}, {@code WARM}, {@code HOT})</td></tr>
 *   <tr><td>{@value #LATENCY}</td><td>timer</td><td>pack</td><td>the time of each decision (rules, arbitration,
 *       rendering)</td></tr>
 *   <tr><td>{@value #RULES_FIRED}</td><td>counter</td><td>pack, rule</td><td>firings of each rule</td></tr>
 *   <tr><td>{@value #RELOADS}</td><td>counter</td><td>outcome ({@code ready}, {@code reloaded},
 *       {@code rejected})</td><td>builds of the live pack</td></tr>
 *   <tr><td>{@value #FUNNEL_EVENTS}</td><td>counter</td><td>kind ({@code Added}, {@code Purchased}, ...)</td>
 *       <td>funnel events recorded into the journal (a duplicate is not recorded again, so it is counted once)</td></tr>
 * </table>
 * No tag holds a customer's data: packs, actions, intent levels and rule names are the pack's own words.
 *
 * <p>Thread-safe: meters are made once per tag combination and kept.
 */
public final class SiyuRulesMetrics implements DecisionListener {
    /** Decisions: a counter tagged pack, action and intent. */
    public static final String DECISIONS = "siyu.decisions";
    /** Decision latency: a timer tagged pack. */
    public static final String LATENCY = "siyu.decision.latency";
    /** Rule firings: a counter tagged pack and rule. */
    public static final String RULES_FIRED = "siyu.rules.fired";
    /** Builds of the live pack: a counter tagged outcome. */
    public static final String RELOADS = "siyu.reloads";
    /** Funnel events recorded: a counter tagged kind. */
    public static final String FUNNEL_EVENTS = "siyu.funnel.events";

    private final MeterRegistry registry;
    /** The meters of one pack id: looked up by strings and an enum, so that recording a decision allocates nothing. */
    private final Map<String, PackMeters> packs = new ConcurrentHashMap<>();
    private final Map<String, Counter> funnelEvents = new ConcurrentHashMap<>();

    /** The meters of one pack: decisions by action, then intent level; its latency; its rules. */
    private final class PackMeters {
        final String pack;
        final Timer latency;
        final Map<String, Map<IntentLevel, Counter>> decisions = new ConcurrentHashMap<>();
        final Map<String, Counter> fired = new ConcurrentHashMap<>();

        PackMeters(String pack) {
            this.pack = pack;
            this.latency = Timer.builder(LATENCY).description("The time of a decision").tag("pack", pack)
                    .register(registry);
        }

        Counter decision(String action, IntentLevel intent) {
            Map<IntentLevel, Counter> byIntent = decisions.computeIfAbsent(action, a -> new ConcurrentHashMap<>());
            Counter counter = byIntent.get(intent);
            if (counter == null) {
                counter = byIntent.computeIfAbsent(intent, i -> Counter.builder(DECISIONS)
                        .description("Decisions by winning action and intent level").tag("pack", pack)
                        .tag("action", action).tag("intent", i.name()).register(registry));
            }
            return counter;
        }

        Counter rule(String rule) {
            Counter counter = fired.get(rule);
            return counter != null ? counter : fired.computeIfAbsent(rule, r -> Counter.builder(RULES_FIRED)
                    .description("Rule firings").tag("pack", pack).tag("rule", r).register(registry));
        }
    }

    /**
     * Meters in a registry.
     *
     * @param registry where the meters are registered
     * @throws NullPointerException when {@code registry} is null
     */
    public SiyuRulesMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // The reload outcomes exist from the start, so that a dashboard shows 0 rather than nothing.
        for (String outcome : new String[] {"ready", "reloaded", "rejected"}) {
            reloads(outcome);
        }
    }

    @Override
    public void decided(Decision decision, long nanos) {
        PackMeters meters = packs.get(decision.packId());
        if (meters == null) {
            meters = packs.computeIfAbsent(decision.packId(), PackMeters::new);
        }
        meters.decision(decision.action(), decision.intent()).increment();
        meters.latency.record(nanos, TimeUnit.NANOSECONDS);
        List<String> fired = decision.firedRules();
        for (int i = 0; i < fired.size(); i++) {
            meters.rule(fired.get(i)).increment();
        }
    }

    @Override
    public void ready(RulePack pack) {
        reloads("ready").increment();
    }

    @Override
    public void reloaded(RulePack previous, RulePack current) {
        reloads("reloaded").increment();
    }

    @Override
    public void rejected(RulePackException problems) {
        reloads("rejected").increment();
    }

    /**
     * Counts a funnel event recorded into the journal ({@value #FUNNEL_EVENTS}).
     *
     * @param event the event
     * @throws NullPointerException when {@code event} is null
     */
    public void recorded(FunnelEvent event) {
        funnelEvents.computeIfAbsent(event.getClass().getSimpleName(), kind -> Counter.builder(FUNNEL_EVENTS)
                .description("Funnel events recorded (duplicates once)").tag("kind", kind).register(registry))
                .increment();
    }

    private Counter reloads(String outcome) {
        return Counter.builder(RELOADS).description("Builds of the live rule pack").tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public String toString() {
        return "SiyuRulesMetrics[" + registry.getClass().getSimpleName() + "]";
    }
}
