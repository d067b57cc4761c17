package io.siyu.rules.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;

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
    private final Map<DecisionKey, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<RuleKey, Counter> fired = new ConcurrentHashMap<>();
    private final Map<String, Counter> funnelEvents = new ConcurrentHashMap<>();

    private record DecisionKey(String pack, String action, String intent) {
    }

    private record RuleKey(String pack, String rule) {
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
        String pack = decision.packId();
        decisions.computeIfAbsent(new DecisionKey(pack, decision.action(), decision.intent().name()),
                k -> Counter.builder(DECISIONS).description("Decisions by winning action and intent level")
                        .tag("pack", k.pack()).tag("action", k.action()).tag("intent", k.intent()).register(registry))
                .increment();
        latency.computeIfAbsent(pack, p -> Timer.builder(LATENCY).description("The time of a decision")
                        .tag("pack", p).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        for (String rule : decision.firedRules()) {
            fired.computeIfAbsent(new RuleKey(pack, rule), k -> Counter.builder(RULES_FIRED)
                            .description("Rule firings").tag("pack", k.pack()).tag("rule", k.rule()).register(registry))
                    .increment();
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
