package io.siyu.rules.bench;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link Funnel#advance(LocalDate)}, the daily day-boundary pass, over 1,000,000 journeys (target: under
 * 1 s on the 2-core build machine), and the heap retained per journey (target: at most 300 bytes).
 *
 * <p>The journeys are built once per trial through a real {@link Funnel} from events (see
 * {@link Population}): customers are added and surveyed on their day 0 (cohort: one of 8 concerns), 12%
 * buy on day 0, a quarter of the others buy on a later funnel day and 3% leave their group. Customer
 * ids have 12 characters, event ids 20. Every invocation then copies the immutable journeys into a
 * fresh {@link FunnelStore#inMemory()} store (through the store's own write operation, with each journey's
 * next day boundary and the day advanced through), creates a {@link Funnel} over it and times one
 * {@code advance} ({@link Mode#SingleShotTime}: the pass mutates the store). The advance reads only the
 * journeys with a boundary due. The set-up ends
 * with {@link System#gc()}, so that the store sits in the old generation as a long-lived one would.
 *
 * <ul>
 *   <li>{@link #unchanged}: 40 days of intake (25,000 a day), advanced to the day they are already on:
 *       a full scan in which no journey changes (a restarted service re-running the daily job).</li>
 *   <li>{@link #nextDay}: 5 days of intake (200,000 a day), everyone mid-seeding on days 1-5, advanced one
 *       day: every journey crosses a day boundary; the fifth on day 5 enters conversion, and late events
 *       of that day (purchases, leaving) are applied first.</li>
 *   <li>{@link #dayZeroEnds}: 1,000,000 customers on their day 0, advanced to day 1: the ~880,000 who did
 *       not buy are sorted into groups of 200 (8 cohorts, ~4,400 groups) and start seeding.</li>
 * </ul>
 *
 * <p>Bytes per journey: {@link #main} builds the mixed 40-day funnel, measures the used heap after
 * repeated {@link System#gc()} with the funnel reachable and again after dropping it, and divides the
 * difference by the number of journeys. Run it with
 * {@code java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.FunnelBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FunnelBenchmark {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    static final int CUSTOMERS = 1_000_000;

    /** A funnel of journeys built from events, kept as immutable journeys to refill a store quickly. */
    static final class Population {
        final FunnelConfig config = FunnelConfig.defaults();
        final LocalDate lastDay;
        final Journey[] journeys;
        /** The next day boundary of each journey, or null. */
        final LocalDate[] boundaries;

        /**
         * {@code intakeDays} days of {@code customers / intakeDays} new customers a day from
         * {@link #FIRST_DAY}, advanced through {@code daysAfter} days after the last intake day.
         */
        Population(int customers, int intakeDays, int daysAfter, long seed) {
            this.lastDay = FIRST_DAY.plusDays(intakeDays - 1 + daysAfter);
            Funnel funnel = Funnel.create(config, Clock.fixed(lastDay.atTime(23, 0).atZone(SHANGHAI).toInstant(),
                    SHANGHAI), FunnelStore.inMemory());
            SplittableRandom random = new SplittableRandom(seed);
            List<List<FunnelEvent>> later = new ArrayList<>();
            for (int d = 0; d < intakeDays + daysAfter + 12; d++) {
                later.add(new ArrayList<>());
            }
            int perDay = customers / intakeDays;
            int customer = 0;
            for (int d = 0; d < intakeDays + daysAfter; d++) {
                LocalDate date = FIRST_DAY.plusDays(d);
                for (FunnelEvent event : later.get(d)) {
                    funnel.record(event);
                }
                for (int i = 0; d < intakeDays && i < perDay; i++, customer++) {
                    String id = String.format("cust-%07d", customer);
                    funnel.record(new FunnelEvent.Added(eventId(customer, 1), id, at(date, 10)));
                    char code = (char) ('A' + random.nextInt(8));
                    TagSet tags = TagSet.of(List.of(new Tag("concern", "c" + code, String.valueOf(code)),
                            new Tag("skin", "s" + random.nextInt(4), String.valueOf(random.nextInt(4)))));
                    funnel.record(new FunnelEvent.Surveyed(eventId(customer, 2), id, at(date, 11), tags));
                    if (random.nextDouble() < 0.12) {
                        funnel.record(new FunnelEvent.Purchased(eventId(customer, 3), id, at(date, 20), 29_900));
                    } else if (random.nextDouble() < 0.25) {
                        int day = 1 + random.nextInt(11);
                        later.get(d + day).add(new FunnelEvent.Purchased(eventId(customer, 3), id,
                                at(date.plusDays(day), 20), 29_900));
                    } else if (random.nextDouble() < 0.03) {
                        int day = 1 + random.nextInt(11);
                        later.get(d + day).add(new FunnelEvent.LeftGroup(eventId(customer, 3), id,
                                at(date.plusDays(day), 21)));
                    }
                }
            }
            funnel.advance(lastDay);
            java.util.Map<String, LocalDate> due = new java.util.HashMap<>();
            java.util.Optional<FunnelStore.Due> after = java.util.Optional.empty();
            while (true) {
                List<FunnelStore.Due> page = funnel.store().due(LocalDate.of(9999, 12, 31), after, 10_000);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(d -> due.put(d.record().customerId(), d.nextBoundary()));
                after = java.util.Optional.of(page.get(page.size() - 1));
            }
            List<Journey> all = new ArrayList<>(customers);
            funnel.store().forEachJourney(all::add);
            this.journeys = all.toArray(Journey[]::new);
            this.boundaries = new LocalDate[journeys.length];
            for (int i = 0; i < journeys.length; i++) {
                boundaries[i] = due.get(journeys[i].customerId());
            }
        }

        /** A new funnel over a new store holding the journeys, advanced through the last day. */
        Funnel funnel() {
            return Funnel.create(config, Clock.fixed(lastDay.plusDays(1).atTime(23, 0).atZone(SHANGHAI).toInstant(),
                    SHANGHAI), copyInto(FunnelStore.inMemory()));
        }

        /** Writes the journeys into a store (one journey per customer, no journal) and marks the last day reached. */
        FunnelStore copyInto(FunnelStore store) {
            List<FunnelStore.Write> batch = new ArrayList<>();
            for (int i = 0; i < journeys.length; i++) {
                Journey journey = journeys[i];
                batch.add(new FunnelStore.Write(journey.customerId(), 0, List.of(journey), 0,
                        java.util.Optional.ofNullable(boundaries[i]), journey.lastEventMillis(), List.of()));
                if (batch.size() == 1_000 || i == journeys.length - 1) {
                    store.write(batch);
                    batch.clear();
                }
            }
            store.claimAdvance("copy", lastDay, java.time.Duration.ofMinutes(1));
            store.finishAdvance("copy", new FunnelStore.Crossing(lastDay, "copy", java.time.Instant.now(), 0, 0));
            return store;
        }

        private static String eventId(int customer, int n) {
            return String.format("evt-%010d-%05d", customer, n);
        }

        private static java.time.Instant at(LocalDate date, int hour) {
            return ZonedDateTime.of(date.atTime(hour, 0), SHANGHAI).toInstant();
        }
    }

    /** Runs one scenario: the population built once, a fresh funnel over it before every invocation. */
    @State(Scope.Benchmark)
    public abstract static class Scenario {
        Population population;
        Funnel funnel;

        abstract Population build();

        @Setup(Level.Trial)
        public void buildPopulation() {
            population = build();
        }

        @Setup(Level.Invocation)
        public void freshFunnel() {
            funnel = null;
            funnel = population.funnel();
            // A real store has been in memory for a while: move it out of the young generation, or the
            // first collection during the timed pass would copy all of it and be counted.
            System.gc();
        }
    }

    /** 40 days of intake, 25,000 a day. */
    public static class Mixed extends Scenario {
        @Override
        Population build() {
            return new Population(CUSTOMERS, 40, 0, 1);
        }
    }

    /** 5 days of intake, 200,000 a day, and one more day: everyone in seeding, on days 1 to 5. */
    public static class Seeding extends Scenario {
        @Override
        Population build() {
            return new Population(CUSTOMERS, 5, 1, 2);
        }
    }

    /** Everyone on day 0. */
    public static class DayZero extends Scenario {
        @Override
        Population build() {
            return new Population(CUSTOMERS, 1, 0, 3);
        }
    }

    /** (a) Same day again: every journey is checked, none changes. */
    @Benchmark
    public FunnelStore unchanged(Mixed state) {
        state.funnel.advance(state.population.lastDay);
        return state.funnel.store();
    }

    /** (b) The next day with everyone mid-seeding. */
    @Benchmark
    public FunnelStore nextDay(Seeding state) {
        state.funnel.advance(state.population.lastDay.plusDays(1));
        return state.funnel.store();
    }

    /** (c) Day 0 ends for 1,000,000 customers: group assignment. */
    @Benchmark
    public FunnelStore dayZeroEnds(DayZero state) {
        state.funnel.advance(state.population.lastDay.plusDays(1));
        return state.funnel.store();
    }

    /** Prints the heap retained per journey by a funnel of the mixed 40-day population, and by its store. */
    public static void main(String[] args) {
        long before = usedHeap();
        Population population = new Population(CUSTOMERS, 40, 0, 1);
        Funnel funnel = population.funnel();
        funnel.advance(population.lastDay.plusDays(1));
        population = null; // the journeys' array; the store keeps the journeys themselves
        long with = usedHeap();
        int size = funnel.report().total().entered();
        System.out.println(funnel.report().total().entered() + " journeys, " + size + " in the store");
        funnel = null;
        long without = usedHeap();
        System.out.printf("heap used: %,d bytes before, %,d with the funnel, %,d after dropping it%n",
                before, with, without);
        System.out.printf("retained per journey: %.1f bytes%n", (with - without) / (double) size);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections: the first may leave garbage that only a later one (or its finalization) frees.
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
