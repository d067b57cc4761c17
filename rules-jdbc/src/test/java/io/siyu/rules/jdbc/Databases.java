package io.siyu.rules.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases of the tests: H2 in memory (a new database each time), and the PostgreSQL and MariaDB servers
 * that {@code .ci/run} starts, named by {@code SIYU_TEST_POSTGRES_URL} ({@code SIYU_TEST_MARIADB_URL}),
 * {@code _USER} and {@code _PASSWORD}. Without that URL the server's tests are skipped with the reason, except in
 * CI ({@code CI=true}), where they fail.
 */
final class Databases {
    /** Every table of the funnel's schema, children first. */
    static final List<String> TABLES = List.of("siyu_funnel_event", "siyu_funnel_seat", "siyu_funnel_group",
            "siyu_funnel_journey", "siyu_funnel_cohort", "siyu_funnel_crossing", "siyu_funnel_decision");
    private static final AtomicInteger H2_DATABASES = new AtomicInteger();
    private static HikariDataSource postgres;
    private static HikariDataSource mariadb;

    private Databases() {
    }

    /** A new, empty H2 database in memory (kept until the JVM ends), with H2 options such as {@code ;MODE=MySQL}. */
    static DataSource h2(String options) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:funnel-" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + options);
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    /** The environment's PostgreSQL, pooled; skips the calling test outside CI when there is none. */
    static synchronized DataSource postgres() {
        if (postgres == null) {
            postgres = server("PostgreSQL", "POSTGRES");
        }
        return postgres;
    }

    /** The environment's MariaDB, pooled; skips the calling test outside CI when there is none. */
    static synchronized DataSource mariadb() {
        if (mariadb == null) {
            mariadb = server("MariaDB", "MARIADB");
        }
        return mariadb;
    }

    /** {@code SIYU_TEST_<key>_URL}, {@code _USER}, {@code _PASSWORD}, pooled; a failure in CI, else a skip. */
    private static HikariDataSource server(String name, String key) {
        String url = url(name, key);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getenv("SIYU_TEST_" + key + "_USER"));
        config.setPassword(System.getenv("SIYU_TEST_" + key + "_PASSWORD"));
        config.setMaximumPoolSize(8);
        config.setPoolName("siyu-test-" + key.toLowerCase(java.util.Locale.ROOT));
        return new HikariDataSource(config);
    }

    /** {@code SIYU_TEST_<key>_URL}; when it is not set, fails the calling test in CI and skips it elsewhere. */
    static String url(String name, String key) {
        String variable = "SIYU_TEST_" + key + "_URL";
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI must test on " + name + ": " + variable + " is not set (.ci/run starts a "
                        + "server and sets it)");
            }
            Assumptions.abort("no " + name + ": set " + variable + " (and _USER, _PASSWORD) to run these tests "
                    + "against one; .ci/run does");
        }
        return url;
    }

    /** Empties the funnel's tables (the schema and its history stay). */
    static void empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            statement.executeUpdate("UPDATE siyu_funnel_progress SET advanced_through = NULL, lease_owner = NULL,"
                    + " lease_day = NULL, lease_until_ms = NULL");
            statement.executeUpdate("UPDATE siyu_funnel_counter SET counter_value = 0");
        } catch (SQLException e) {
            throw new AssertionError("cannot empty the funnel's tables", e);
        }
    }

    /** Drops the funnel's tables and their history, for tests of migrations. */
    static void drop(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("siyu_funnel_event", "siyu_funnel_seat", "siyu_funnel_group",
                    "siyu_funnel_journey", "siyu_funnel_cohort", "siyu_funnel_crossing", "siyu_funnel_counter",
                    "siyu_funnel_progress", "siyu_funnel_decision", "siyu_funnel_from_the_future",
                    JdbcFunnelStore.HISTORY_TABLE)) {
                statement.executeUpdate("DROP TABLE IF EXISTS " + table);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot drop the funnel's tables", e);
        }
    }
}
