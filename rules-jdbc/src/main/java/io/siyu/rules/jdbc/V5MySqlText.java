package io.siyu.rules.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Schema version 5: on MySQL and MariaDB, every table of rules-jdbc in utf8mb4 with a binary collation that does
 * not pad; on other databases nothing, the version being recorded all the same (as {@link V3PostgresIngest}). A
 * Java migration because the statements are MySQL's own and differ between MySQL and MariaDB; it is registered by
 * {@link JdbcFunnelStore}.
 * <ul>
 *   <li>Ids compare byte by byte, as PostgreSQL's {@code COLLATE "C"} (schema version 3) and H2 do: the default
 *       collation of MariaDB 10.11 from Debian ({@code utf8mb4_general_ci}) and of MySQL 8 ignore case (and
 *       accents), so that customers {@code A1} and {@code a1} would be one primary key, the second customer's
 *       first event refused as a duplicate of the first's. A PAD SPACE collation (such as {@code utf8mb4_bin})
 *       would also make {@code "a"} and {@code "a "} one id: MariaDB's {@code utf8mb4_nopad_bin} and MySQL's
 *       {@code utf8mb4_0900_bin} compare trailing spaces too.</li>
 *   <li>Chinese text (tags, names in the decision JSON) and any other character outside the Basic Multilingual
 *       Plane need utf8mb4; a database created with latin1 or utf8mb3 would refuse or mangle them.</li>
 *   <li>The decision JSON becomes a MEDIUMTEXT first: schema version 2 made it a VARCHAR(16000), which in utf8mb4
 *       no longer fits a MySQL row (see {@code mysql/v2/V2__decision_log.sql}).</li>
 * </ul>
 * Indexes over the converted columns are rebuilt by the statements. Thread-safe (stateless).
 */
final class V5MySqlText implements JavaMigration {
    /** rules-jdbc's tables: all of them, the Flyway history aside. */
    private static final List<String> TABLES = List.of("siyu_funnel_journey", "siyu_funnel_event",
            "siyu_funnel_cohort", "siyu_funnel_group", "siyu_funnel_seat", "siyu_funnel_counter",
            "siyu_funnel_progress", "siyu_funnel_crossing", "siyu_funnel_decision");
    /** The statements on MariaDB, in order; their text is part of the migration's checksum. */
    static final List<String> MARIADB = statements("utf8mb4_nopad_bin");
    /** The statements on MySQL 8. */
    static final List<String> MYSQL = statements("utf8mb4_0900_bin");

    private static List<String> statements(String collation) {
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE siyu_funnel_decision MODIFY decision MEDIUMTEXT NOT NULL");
        for (String table : TABLES) {
            out.add("ALTER TABLE " + table + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation);
        }
        return List.copyOf(out);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "mysql text";
    }

    @Override
    public Integer getChecksum() {
        // String.hashCode is specified, so the checksum is the same on every JVM; editing a statement changes it.
        return List.of(MARIADB, MYSQL).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        // MySQL commits before and after every ALTER TABLE: there is no transaction to run in.
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> statements = switch (Dialect.of(connection)) {
            case MARIADB -> MARIADB;
            case MYSQL -> MYSQL;
            case OTHER -> List.of();
        };
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The databases whose SQL differs from the standard rules-jdbc writes. */
    enum Dialect {
        MARIADB, MYSQL, OTHER;

        /**
         * The database of {@code connection}. MariaDB tells its name in its version (the MariaDB driver's and
         * MySQL Connector/J's product name for a MariaDB server may be either).
         */
        static Dialect of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            String version = connection.getMetaData().getDatabaseProductVersion();
            if ("MariaDB".equals(product) || (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
                return MARIADB;
            }
            return "MySQL".equals(product) ? MYSQL : OTHER;
        }
    }
}
