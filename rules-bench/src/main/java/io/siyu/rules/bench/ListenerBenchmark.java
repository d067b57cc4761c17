package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link DecisionListener} costs a decision: the same pack and customers with no listener, and with one
 * that does what a metrics listener does (counts the decision and adds its time). Run with {@code -prof gc} for
 * the allocation per decision: with no listener the library allocates nothing for listeners (no clock read, no
 * call), so "none" is the library's own cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ListenerBenchmark {
    /**
     * {@code none}; {@code metrics}: one listener counting decisions and summing their nanoseconds;
     * {@code statistics}: no listener, rule statistics on ({@code PackOptions.ruleStatistics(true)});
     * {@code holdout}: no listener, a 5% holdout in {@code pack.json} (every decision hashes the customer id).
     */
    @Param({"none", "metrics", "statistics", "holdout"})
    public String listener;

    private RulePack pack;
    private List<Customer> customers;
    private Path directory;
    private final LongAdder decisions = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private int next;

    /** Loads the bench pack with or without the listener. */
    @Setup(Level.Trial)
    public void setup() {
        directory = BenchPacks.directory(BenchPacks.DEFAULT_PACK);
        PackOptions.Builder options = PackOptions.builder().clock(BenchPacks.DAYTIME);
        if (listener.equals("metrics")) {
            options.listener(new DecisionListener() {
                @Override
                public void decided(Decision decision, long time) {
                    decisions.increment();
                    nanos.add(time);
                }
            });
        }
        options.ruleStatistics(listener.equals("statistics"));
        if (listener.equals("holdout")) {
            try {
                Path manifest = directory.resolve("pack.json");
                String json = java.nio.file.Files.readString(manifest).strip();
                java.nio.file.Files.writeString(manifest, json.substring(0, json.length() - 1)
                        + ", \"holdout\": {\"percent\": 5, \"salt\": \"bench\"}}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        pack = RulePack.load(directory, options.build());
        customers = CustomerSet.standard(pack.codebook());
    }

    /** Fails the trial when the listener was registered but not told, or told without one. */
    @TearDown(Level.Trial)
    public void check() {
        BenchPacks.delete(directory);
        if (listener.equals("statistics") && pack.ruleStatistics().decisions() == 0) {
            throw new IllegalStateException("rule statistics were on but counted no decision");
        }
        if (listener.equals("metrics") != (decisions.sum() > 0)) {
            throw new IllegalStateException("listener " + listener + " was told " + decisions.sum() + " decisions");
        }
    }

    /** One decision, cycling through the customers. */
    @Benchmark
    public Decision decide() {
        Customer c = customers.get(next);
        next = next + 1 == customers.size() ? 0 : next + 1;
        return pack.decide(c);
    }
}
