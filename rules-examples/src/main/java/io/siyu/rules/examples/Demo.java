package io.siyu.rules.examples;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The main demo: the embedded Gaozi pack decides for its bundled sample customers, prints a table of
 * decisions by intent and action with one explained example per intent level, then forecasts the
 * funnel for 30 days at 150 new customers a day. Needs no set-up; deterministic (a fixed clock and a
 * fixed seed).
 */
public final class Demo {
    /** 10:00 on a weekday in Shanghai: outside the quiet hours, so decisions show their scripts. */
    static final String DEMO_TIME = "2026-11-23T10:00:00+08:00[Asia/Shanghai]";
    static final long SEED = 20261123L;
    static final int FORECAST_DAYS = 30;
    static final int DAILY_INTAKE = 150;

    private Demo() {
    }

    /** Runs the demo on standard output, in UTF-8 whatever the platform's encoding. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        run(out);
        out.flush();
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     * @return the decisions made, for tests
     */
    public static List<Decision> run(PrintWriter out) {
        Objects.requireNonNull(out, "out");
        ZonedDateTime now = ZonedDateTime.parse(DEMO_TIME);
        // Straight from the class path (inside siyu.jar when run as siyu demo): nothing is copied out.
        RulePack pack = RulePack.load(ExamplePacks.source("gaozi"),
                PackOptions.builder().clock(Clock.fixed(now.toInstant(), now.getZone())).build());
        out.printf("siyu-rules demo — pack %s %s: %d rules, %d scripts, %d codes%n", pack.id(), pack.version(),
                pack.rules().size(), pack.scripts().ids().size(), pack.codebook().allCodes().size());

        List<Customer> customers = sampleCustomers(pack);
        List<Decision> decisions = pack.decideAll(customers);
        out.printf("%nDecisions for %d sample customers at %s:%n%n", customers.size(), now.toLocalDateTime());
        printTable(out, decisions);
        printExamples(out, decisions);

        FunnelForecast.Assumptions assumptions = FunnelForecast.Assumptions.gaozi()
                .withDailyIntake(DAILY_INTAKE).withIntakeDays(FORECAST_DAYS);
        FunnelReport report = pack.forecast(assumptions, SEED);
        out.printf("%n%d-day funnel forecast at %d new customers a day (seed %d):%n%n", FORECAST_DAYS, DAILY_INTAKE,
                SEED);
        out.print(report.toTable(Locale.ROOT, false));
        return decisions;
    }

    static List<Customer> sampleCustomers(RulePack pack) {
        String samples = "samples/customers.jsonl";
        DecisionJson json = pack.json();
        List<String> lines;
        try (InputStream in = pack.source().open(samples)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled samples " + samples + " of "
                    + pack.source().name(), e);
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                customers.add(json.readCustomer(samples, i + 1, lines.get(i)));
            } catch (JsonInputException e) {
                // A broken sample is a bug in the bundled data: say exactly where.
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return customers;
    }

    private static void printTable(PrintWriter out, List<Decision> decisions) {
        Map<String, Map<IntentLevel, Integer>> byAction = new TreeMap<>();
        Map<IntentLevel, Integer> totals = new EnumMap<>(IntentLevel.class);
        for (Decision d : decisions) {
            byAction.computeIfAbsent(d.action(), a -> new EnumMap<>(IntentLevel.class)).merge(d.intent(), 1,
                    Integer::sum);
            totals.merge(d.intent(), 1, Integer::sum);
        }
        out.printf("  %-20s %6s %6s %6s %7s%n", "action", "COLD", "WARM", "HOT", "total");
        for (Map.Entry<String, Map<IntentLevel, Integer>> row : byAction.entrySet()) {
            Map<IntentLevel, Integer> counts = row.getValue();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.printf("  %-20s %6d %6d %6d %7d%n", row.getKey(), counts.getOrDefault(IntentLevel.COLD, 0),
                    counts.getOrDefault(IntentLevel.WARM, 0), counts.getOrDefault(IntentLevel.HOT, 0), total);
        }
        out.printf("  %-20s %6d %6d %6d %7d%n", "all", totals.getOrDefault(IntentLevel.COLD, 0),
                totals.getOrDefault(IntentLevel.WARM, 0), totals.getOrDefault(IntentLevel.HOT, 0), decisions.size());
    }

    private static void printExamples(PrintWriter out, List<Decision> decisions) {
        for (IntentLevel level : IntentLevel.values()) {
            decisions.stream().filter(d -> d.intent() == level && !d.isFailed() && !d.text().isEmpty()).findFirst()
                    .ifPresent(d -> out.printf("%nA %s customer:%n%s", level, d.explain()));
        }
    }
}
