package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import io.siyu.rules.pack.DecisionListener;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hot reload (issue "rules-bench", benchmark 8): the time from a file change to the new version serving, while
 * a background thread keeps deciding on the {@link LiveRulePack}.
 *
 * <p>Each operation edits a rule file (flips the priority of the first {@code actions.propose(..)} between
 * {@code p} and {@code p + 1}) and writes a new {@code version} into {@code pack.json}, then
 * <ul>
 *   <li>{@link #reload}: calls {@link LiveRulePack#reload()};</li>
 *   <li>{@link #watch}: waits for the watcher ({@code watch(50 ms)}) to serve the new version, polling
 *       {@code current().version()} with a 1 ms park; it fails after {@value #TIMEOUT_SECONDS} s.</li>
 * </ul>
 * The decider thread cycles through {@link CustomerSet#standard} customers; it counts thrown exceptions and
 * failed decisions, and {@code @TearDown} fails the trial when there was any, when an edit was rejected, or
 * when no decision ran. It stops in {@code @TearDown}, and by itself after {@value #DECIDER_LIMIT_MINUTES}
 * minutes at the latest. Its CPU is on the machine while the reload runs: that is the point.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class HotReloadBenchmark {
    /** How long {@link #watch} waits for the new version before it fails. */
    static final int TIMEOUT_SECONDS = 30;
    /** The decider thread stops by itself after this long, should {@code @TearDown} never run. */
    static final int DECIDER_LIMIT_MINUTES = 15;
    /** The watcher's debounce delay. */
    static final Duration DEBOUNCE = Duration.ofMillis(50);

    private static final Pattern PRIORITY =
            Pattern.compile("(actions\\.propose\\(\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*,\\s*)(\\d+)");
    private static final Pattern VERSION = Pattern.compile("(\"version\"\\s*:\\s*\")([^\"]*)(\")");

    /** A live pack over a temporary copy of the bench pack, with a thread deciding on it all the time. */
    @State(Scope.Benchmark)
    public abstract static class Live {
        /** The pack: {@value BenchPacks#DEFAULT_PACK} or a directory on disk. */
        @Param(BenchPacks.DEFAULT_PACK)
        public String pack;

        /** Whether the decider thread runs: {@code -p decide=false} is the control without concurrent decisions. */
        @Param("true")
        public boolean decide;

        LiveRulePack live;
        private Path directory;
        private Path ruleFile;
        private int basePriority;
        private int edits;

        private final AtomicLong decisions = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong reloads = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private final Set<String> versionsDecided = ConcurrentHashMap.newKeySet();
        private volatile boolean stop;
        private Thread decider;

        /** Copies the pack, loads it live and starts the decider. */
        void start() {
            directory = BenchPacks.directory(pack);
            ruleFile = firstRuleWithPriority(directory);
            Matcher m = PRIORITY.matcher(read(ruleFile));
            m.find();
            basePriority = Integer.parseInt(m.group(2));
            DecisionListener counter = new DecisionListener() {
                @Override
                public void reloaded(RulePack previous, RulePack current) {
                    reloads.incrementAndGet();
                }

                @Override
                public void rejected(RulePackException problems) {
                    rejected.incrementAndGet();
                    firstFailure.compareAndSet(null, "edit rejected: " + problems.getMessage());
                }
            };
            live = LiveRulePack.load(directory, PackOptions.builder().clock(BenchPacks.DAYTIME).listener(counter).build());
            List<Customer> customers = CustomerSet.standard(live.current().codebook());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(DECIDER_LIMIT_MINUTES);
            decider = new Thread(() -> decideUntilStopped(customers, deadline), "hot-reload-bench-decider");
            decider.setDaemon(true);
            if (decide) {
                decider.start();
            }
        }

        private void decideUntilStopped(List<Customer> customers, long deadline) {
            int i = 0;
            while (!stop && System.nanoTime() < deadline) {
                try {
                    Decision d = live.decide(customers.get(i));
                    if (d.isFailed()) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, "failed decision: " + d.failure().orElse("?"));
                    }
                    versionsDecided.add(d.packVersion());
                    decisions.incrementAndGet();
                } catch (Throwable t) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, "decide threw " + t);
                }
                i = i + 1 == customers.size() ? 0 : i + 1;
            }
        }

        /**
         * Edits the rule file, then bumps the version in {@code pack.json} (last, so that a pack carrying the new
         * version also carries the new rule), and returns the new version.
         */
        String edit() {
            edits++;
            int priority = basePriority + (edits & 1);
            Matcher rule = PRIORITY.matcher(read(ruleFile));
            write(ruleFile, rule.replaceFirst("$1" + priority));
            String version = "bench-" + edits;
            Path manifest = directory.resolve("pack.json");
            Matcher v = VERSION.matcher(read(manifest));
            if (!v.find()) {
                throw new IllegalStateException("no version in " + manifest);
            }
            write(manifest, v.replaceFirst("$1" + version + "$3"));
            return version;
        }

        /** Stops the decider and the watcher; fails when a decision failed or an edit was rejected. */
        @TearDown(Level.Trial)
        public void stopAndCheck() throws InterruptedException {
            stop = true;
            decider.join(TimeUnit.SECONDS.toMillis(10));
            live.close();
            BenchPacks.delete(directory);
            System.out.printf("%nhot reload: %d decisions on %d versions during the trial, %d failed; %d edits, "
                            + "%d reloads, %d rejected%n", decisions.get(), versionsDecided.size(), failures.get(),
                    edits, reloads.get(), rejected.get());
            if (decider.isAlive()) {
                throw new IllegalStateException("the decider thread did not stop");
            }
            if (failures.get() > 0 || rejected.get() > 0) {
                throw new IllegalStateException(failures.get() + " decision(s) failed and " + rejected.get()
                        + " edit(s) were rejected during hot reload; first: " + firstFailure.get());
            }
            if (decide && decisions.get() == 0) {
                throw new IllegalStateException("no decision ran during the trial");
            }
        }

        private static Path firstRuleWithPriority(Path directory) {
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(p -> p.toString().endsWith(".drl")).sorted()
                        .filter(p -> PRIORITY.matcher(read(p)).find())
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no actions.propose(..) in " + directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void write(Path file, String text) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reloaded by explicit {@code reload()} calls only: no watcher. */
    @State(Scope.Benchmark)
    public static class Manual extends Live {
        /** Loads the pack and starts the decider. */
        @Setup(Level.Trial)
        public void setup() {
            start();
        }
    }

    /** Reloaded by the watcher. */
    @State(Scope.Benchmark)
    public static class Watched extends Live {
        /** Loads the pack, starts the decider and the watcher. */
        @Setup(Level.Trial)
        public void setup() {
            start();
            live.watch(DEBOUNCE);
        }
    }

    /** Edit, then {@code reload()}: the new version serves when it returns. */
    @Benchmark
    public RulePack reload(Manual s) {
        String version = s.edit();
        RulePack next = s.live.reload();
        if (!version.equals(next.version())) {
            throw new IllegalStateException("reload() gave version " + next.version() + ", expected " + version);
        }
        return next;
    }

    /** Edit, then wait until the watcher serves the new version. */
    @Benchmark
    public RulePack watch(Watched s) {
        String version = s.edit();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            RulePack current = s.live.current();
            if (version.equals(current.version())) {
                return current;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the watcher did not serve version " + version + " within "
                        + TIMEOUT_SECONDS + " s; serving " + current.version());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
