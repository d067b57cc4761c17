package io.siyu.rules.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.jdbc.JdbcFunnelStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The funnel on a database, measured once each (a harness, not JMH: each figure is one long operation on a real
 * server): event ingest, the daily advance of 1,000,000 journeys, reopening such a funnel, and the bytes on disk
 * per journey and per event. Run against PostgreSQL with
 * <pre>
 * SIYU_BENCH_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/siyu SIYU_BENCH_POSTGRES_USER=siyu \
 * SIYU_BENCH_POSTGRES_PASSWORD=... java -Xmx6g -cp rules-bench/target/benchmarks.jar \
 *   io.siyu.rules.bench.JdbcFunnelHarness [journeys (1000000)] [ingest customers (50000)]
 * </pre>
 * With 0 journeys it measures the ingest only; that also runs on MariaDB (a {@code jdbc:mariadb:} URL in the same
 * variables), without the sizes on disk, which are PostgreSQL's.
 * It drops and recreates the funnel's tables ({@code siyu_funnel_*}) in that database: use a scratch one.
 */
public final class JdbcFunnelHarness {
    private static final LocalDate DAY_0 = FunnelBenchmark.FIRST_DAY;

    private JdbcFunnelHarness() {
    }

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int ingestCustomers = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        try (HikariDataSource database = pool()) {
            System.out.println("database: " + database.getJdbcUrl() + ", " + Runtime.getRuntime().availableProcessors()
                    + " processors, JVM " + System.getProperty("java.vm.version"));
            ingest(database, ingestCustomers, 1);
            ingest(database, ingestCustomers, 2);
            if (journeys > 0) {
                advanceAndReopen(database, journeys);
            }
        }
    }

    static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        String url = System.getenv("SIYU_BENCH_POSTGRES_URL");
        if (url == null) {
            throw new IllegalStateException("set SIYU_BENCH_POSTGRES_URL (and _USER, _PASSWORD) to a scratch database");
        }
        // Inserts sent as multi-row statements: several times faster for the journal and new journeys. PostgreSQL's
        // driver's option; MariaDB's driver sends a batch in bulk by itself.
        config.setJdbcUrl(url.startsWith("jdbc:postgresql:")
                ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url);
        config.setUsername(System.getenv("SIYU_BENCH_POSTGRES_USER"));
        config.setPassword(System.getenv("SIYU_BENCH_POSTGRES_PASSWORD"));
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** Events of {@code customers} customers on day 0: added, surveyed, a message, 12% a purchase, interleaved. */
    static List<FunnelEvent> dayZero(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FunnelEvent> events = new ArrayList<>(customers * 4);
        Instant start = ZonedDateTime.of(DAY_0.atTime(9, 0), FunnelBenchmark.SHANGHAI).toInstant();
        for (int n = 0; n < customers; n++) {
            String id = String.format("cust-%07d", n);
            Instant at = start.plusMillis(n * 500L);
            events.add(new FunnelEvent.Added(String.format("evt-%010d-%05d", n, 1), id, at));
            char code = (char) ('A' + random.nextInt(8));
            events.add(new FunnelEvent.Surveyed(String.format("evt-%010d-%05d", n, 2), id, at.plusSeconds(60),
                    TagSet.of(List.of(new Tag("concern", "c" + code, String.valueOf(code))))));
            events.add(new FunnelEvent.MessageReceived(String.format("evt-%010d-%05d", n, 3), id, at.plusSeconds(120)));
            if (random.nextDouble() < 0.12) {
                events.add(new FunnelEvent.Purchased(String.format("evt-%010d-%05d", n, 4), id, at.plusSeconds(600),
                        29_900));
            }
        }
        // Arrival order: customers interleaved as a webhook stream would be, each customer's own in order.
        events.sort(java.util.Comparator.comparing(FunnelEvent::timestamp));
        return events;
    }

    private static void ingest(HikariDataSource database, int customers, int threads) throws Exception {
        drop(database);
        FunnelStore store = JdbcFunnelStore.create(database);
        Clock clock = Clock.fixed(ZonedDateTime.of(DAY_0.atTime(23, 0), FunnelBenchmark.SHANGHAI).toInstant(),
                FunnelBenchmark.SHANGHAI);
        List<FunnelEvent> events = dayZero(customers, 7);
        List<Funnel> funnels = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            funnels.add(Funnel.create(FunnelConfig.defaults(), clock, JdbcFunnelStore.create(database)));
        }
        // One thread per slice of customers, as a load balancer routing by customer would give.
        List<List<FunnelEvent>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            slices.add(new ArrayList<>());
        }
        for (FunnelEvent event : events) {
            slices.get(Math.floorMod(event.customerId().hashCode(), threads)).add(event);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long begin = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Funnel funnel = funnels.get(t);
            List<FunnelEvent> slice = slices.get(t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < slice.size(); i += 500) {
                    funnel.recordAll(slice.subList(i, Math.min(slice.size(), i + 500)));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        System.out.printf("ingest, %d thread(s): %,d events of %,d customers in %.1f s = %,.0f events/s%n", threads,
                events.size(), customers, seconds, events.size() / seconds);
        // The sizes are PostgreSQL's (pg_relation_size); on MariaDB the ingest alone is measured.
        if (threads == 1 && database.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            sizes(database, "siyu_funnel_event", "event");
            sizes(database, "siyu_funnel_journey", "journey (day 0, one event each)");
        }
    }

    private static void advanceAndReopen(HikariDataSource database, int customers) throws SQLException {
        drop(database);
        long begin = System.nanoTime();
        FunnelBenchmark.Population population = new FunnelBenchmark.Population(customers, 40, 0, 1);
        System.out.printf("population of %,d journeys built in memory in %.1f s%n", population.journeys.length,
                (System.nanoTime() - begin) / 1e9);
        begin = System.nanoTime();
        population.copyInto(JdbcFunnelStore.create(database));
        System.out.printf("copied into the database in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        analyze(database);
        sizes(database, "siyu_funnel_journey", "journey");
        LocalDate next = population.lastDay.plusDays(1);
        System.out.printf("journeys with a boundary due on %s: %,d%n", next,
                count(database, "SELECT COUNT(*) FROM siyu_funnel_journey WHERE next_boundary <= DATE '" + next + "'"));

        begin = System.nanoTime();
        Funnel funnel = Funnel.create(population.config, Clock.fixed(next.atTime(10, 0)
                .atZone(FunnelBenchmark.SHANGHAI).toInstant(), FunnelBenchmark.SHANGHAI), JdbcFunnelStore.create(database));
        funnel.advance(next);
        double advance = (System.nanoTime() - begin) / 1e9;
        FunnelStore.Crossing crossing = funnel.store().crossings().get(funnel.store().crossings().size() - 1);
        System.out.printf("advance of %,d journeys to %s: %.1f s (%,d moved, %,d seated)%n", customers, next, advance,
                crossing.moved(), crossing.seated());

        for (int round = 0; round < 3; round++) {
            begin = System.nanoTime();
            try (HikariDataSource fresh = pool()) {
                FunnelStore store = JdbcFunnelStore.create(fresh);
                Funnel reopened = Funnel.create(population.config, Clock.systemUTC(), store);
                reopened.journey("cust-0500000");
                store.advancedThrough();
                double seconds = (System.nanoTime() - begin) / 1e9;
                System.out.printf("reopen (new pool, schema check, first journey): %.2f s%n", seconds);
            }
        }
    }

    private static void analyze(HikariDataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE siyu_funnel_journey");
        }
    }

    private static void sizes(HikariDataSource database, String table, String what) throws SQLException {
        long rows = count(database, "SELECT COUNT(*) FROM " + table);
        long heap = count(database, "SELECT pg_relation_size('" + table + "')");
        long total = count(database, "SELECT pg_total_relation_size('" + table + "')");
        System.out.printf("%s: %,d rows, %.0f bytes each in the table, %.0f with its indexes%n", what, rows,
                heap / (double) rows, total / (double) rows);
    }

    private static long count(HikariDataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void drop(HikariDataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("siyu_funnel_event", "siyu_funnel_seat", "siyu_funnel_group", "siyu_funnel_journey",
                    "siyu_funnel_cohort", "siyu_funnel_crossing", "siyu_funnel_counter", "siyu_funnel_progress",
                    "siyu_funnel_decision", JdbcFunnelStore.HISTORY_TABLE)) {
                s.executeUpdate("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
