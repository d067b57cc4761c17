package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.contract.Journals;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is particular to the database: migrations, bad connections, connections that break. */
class JdbcFunnelStoreTest {
    private static final Clock LATE = Journals.clockOn(60, "12:00");

    @Test
    void theSchemaVersionIsTheLatestMigration() throws IOException {
        Path migrations = Path.of("src/main/resources/io/siyu/rules/jdbc/migration");
        try (Stream<Path> files = Files.list(migrations)) {
            assertThat(files.map(f -> f.getFileName().toString()).map(n -> n.substring(1, n.indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt))).contains(JdbcFunnelStore.SCHEMA_VERSION);
        }
    }

    @Test
    void theTablesLiveBesideTheHostsOwn() throws SQLException {
        DataSource database = Databases.h2("");
        execute(database, "CREATE TABLE crm_customer (id VARCHAR(64) PRIMARY KEY)");
        Funnel funnel = Funnel.create(FunnelConfig.defaults(), LATE, JdbcFunnelStore.create(database));
        funnel.record(new FunnelEvent.Added("a", "c1", Journals.at(0, "10:00")));
        assertThat(funnel.journey("c1")).isPresent();
        execute(database, "INSERT INTO crm_customer VALUES ('c1')");
    }

    @Test
    void aDatabaseMigratedByANewerLibraryIsRefusedNamingBothVersions() {
        DataSource database = Databases.h2("");
        JdbcFunnelStore.create(database);
        newerLibrary(database);

        FunnelStoreException e = catchThrowableOfType(FunnelStoreException.class,
                () -> JdbcFunnelStore.create(database));
        assertThat(e.reason()).isEqualTo(FunnelStoreException.Reason.SCHEMA_NEWER);
        assertThat(e.getMessage()).contains("schema version 3", "(up to 2)");
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("结构版本是 3", "最高 2");
    }

    @Test
    void onPostgreSqlTooANewerSchemaIsRefused() {
        DataSource database = Databases.postgres();
        Databases.drop(database);
        try {
            JdbcFunnelStore.create(database);
            newerLibrary(database);
            FunnelStoreException e = catchThrowableOfType(FunnelStoreException.class,
                    () -> JdbcFunnelStore.create(database));
            assertThat(e.reason()).isEqualTo(FunnelStoreException.Reason.SCHEMA_NEWER);
            assertThat(e.getMessage()).contains("schema version 3", "(up to 2)");
        } finally {
            Databases.drop(database);
            JdbcFunnelStore.create(database);
        }
    }

    /** What a newer siyu-rules would have done: its migration 3 applied to the funnel's tables. */
    private static void newerLibrary(DataSource database) {
        Flyway.configure().dataSource(database).table(JdbcFunnelStore.HISTORY_TABLE)
                .locations("classpath:io/siyu/rules/jdbc/migration", "classpath:io/siyu/rules/jdbc/newer")
                .load().migrate();
    }

    @Test
    void aWrongPasswordIsAClearErrorNamingTheDatabaseButNotThePassword() throws SQLException {
        JdbcDataSource owner = new JdbcDataSource();
        owner.setURL("jdbc:h2:mem:guarded;DB_CLOSE_DELAY=-1");
        owner.setUser("crm");
        owner.setPassword("right");
        try (Connection keepOpen = owner.getConnection()) {
            JdbcDataSource wrong = new JdbcDataSource();
            wrong.setURL("jdbc:h2:mem:guarded;DB_CLOSE_DELAY=-1");
            wrong.setUser("crm");
            wrong.setPassword("wrong-secret");

            FunnelStoreException e = catchThrowableOfType(FunnelStoreException.class,
                    () -> JdbcFunnelStore.create(wrong));
            assertThat(e.reason()).isEqualTo(FunnelStoreException.Reason.UNAVAILABLE);
            assertThat(e.getMessage()).contains("jdbc:h2:mem:guarded", "password", "Check the URL")
                    .doesNotContain("wrong-secret");
        }
    }

    @Test
    void onPostgreSqlAWrongPasswordAndANoServerAreClearErrors() throws IOException {
        Databases.postgres();
        PGSimpleDataSource wrong = new PGSimpleDataSource();
        wrong.setURL(System.getenv("SIYU_TEST_POSTGRES_URL"));
        wrong.setUser(System.getenv("SIYU_TEST_POSTGRES_USER"));
        wrong.setPassword("not-the-password");
        FunnelStoreException e = catchThrowableOfType(FunnelStoreException.class, () -> JdbcFunnelStore.create(wrong));
        assertThat(e.reason()).isEqualTo(FunnelStoreException.Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("jdbc:postgresql://", "password authentication failed")
                .doesNotContain("not-the-password");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nobody = new PGSimpleDataSource();
        nobody.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/siyu");
        FunnelStoreException refused = catchThrowableOfType(FunnelStoreException.class,
                () -> JdbcFunnelStore.create(nobody));
        assertThat(refused.getMessage()).contains("127.0.0.1:" + closedPort, "refused");
    }

    @Test
    void aConnectionBreakingOnAnyStatementLosesNothingAndCountsNothingTwiceAfterARetry() {
        FaultyDataSource faulty = new FaultyDataSource(Databases.h2(""));
        breakEveryFewStatements(faulty, 0);
    }

    @Test
    void onPostgreSqlTooABrokenConnectionLosesNothingAfterARetry() {
        DataSource database = Databases.postgres();
        JdbcFunnelStore.create(database);
        Databases.empty(database);
        breakEveryFewStatements(new FaultyDataSource(database), 1);
    }

    /**
     * Records a journal and advances through its days while a connection breaks every few dozen statements
     * (somewhere else each time: in reads, in the middle of a write batch, in seating, in the lease), retrying each
     * failed call as a host would; the end is what the same journal gives in memory.
     */
    private static void breakEveryFewStatements(FaultyDataSource faulty, long seed) {
        List<FunnelEvent> journal = Journals.generated(150, 11 + seed);
        Funnel reference = Funnel.inMemory(FunnelConfig.defaults(), LATE);
        reference.recordAll(journal);
        reference.advance(Journals.DAY_0.plusDays(30));

        FunnelStore store = JdbcFunnelStore.create(faulty);
        Funnel funnel = Funnel.create(FunnelConfig.defaults(), LATE, store);
        java.util.Random random = new java.util.Random(seed);
        int retries = 0;
        List<List<FunnelEvent>> batches = new ArrayList<>();
        for (int i = 0; i < journal.size(); i += 7) {
            batches.add(journal.subList(i, Math.min(journal.size(), i + 7)));
        }
        for (List<FunnelEvent> batch : batches) {
            faulty.failInStatements(1 + random.nextInt(40));
            while (true) {
                try {
                    if (batch.size() % 2 == 0) {
                        funnel.recordAll(batch);
                    } else {
                        batch.forEach(funnel::record);
                    }
                    break;
                } catch (FunnelStoreException e) {
                    assertThat(e.getMessage()).contains("injected");
                    retries++;
                }
            }
        }
        for (int day = 20; day <= 30; day += 5) {
            faulty.failInStatements(1 + random.nextInt(12));
            while (true) {
                try {
                    funnel.advance(Journals.DAY_0.plusDays(day));
                    break;
                } catch (FunnelStoreException e) {
                    retries++;
                }
            }
        }

        assertThat(faulty.failures()).as("connections broken").isGreaterThan(10);
        assertThat(retries).isEqualTo(faulty.failures());
        assertThat(funnel.report()).isEqualTo(reference.report());
        assertThat(journeys(store)).isEqualTo(journeys(reference.store()));
        assertThat(store.crossings()).extracting(FunnelStore.Crossing::day).doesNotHaveDuplicates();
    }

    private static List<Journey> journeys(FunnelStore store) {
        List<Journey> all = new ArrayList<>();
        store.forEachJourney(all::add);
        all.sort(Comparator.comparing(Journey::customerId).thenComparing(Journey::startDate,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
