package io.siyu.rules.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 3: on PostgreSQL, tables shaped for ingest (measured in BENCHMARKS.md, "The funnel on a
 * database"); on other databases nothing, the version being recorded all the same so that every database of this
 * library reads one schema version. A Java migration because the statements are PostgreSQL's own and Flyway's SQL
 * migrations cannot branch by database; it is registered by {@link JdbcFunnelStore} (not found by scanning).
 * <ul>
 *   <li>{@code fillfactor = 70} on the journeys: a page keeps room for new versions of its rows, so that a journey
 *       update that changes no indexed column (a message, a survey, a repeat purchase) is a HOT update, which
 *       writes no index entry. It applies to pages written from now on; existing pages keep their rows.</li>
 *   <li>The keys (customer id, event id) compare byte by byte ({@code COLLATE "C"}) instead of by the database's
 *       linguistic collation: they are opaque identifiers, and every look-up and index insert compares them.
 *       The indexes on them are rebuilt by this migration.</li>
 * </ul>
 * Thread-safe (stateless).
 */
final class V3PostgresIngest implements JavaMigration {
    /** The statements on PostgreSQL, in order; their text is the migration's checksum. */
    static final List<String> POSTGRES = List.of(
            "ALTER TABLE siyu_funnel_journey SET (fillfactor = 70)",
            "ALTER TABLE siyu_funnel_journey ALTER COLUMN customer_id TYPE VARCHAR(191) COLLATE \"C\"",
            "ALTER TABLE siyu_funnel_event ALTER COLUMN customer_id TYPE VARCHAR(191) COLLATE \"C\","
                    + " ALTER COLUMN event_id TYPE VARCHAR(191) COLLATE \"C\"");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "postgres ingest";
    }

    @Override
    public Integer getChecksum() {
        // String.hashCode is specified, so the checksum is the same on every JVM; editing a statement changes it.
        return POSTGRES.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : POSTGRES) {
                statement.execute(sql);
            }
        }
    }
}
