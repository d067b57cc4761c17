package io.siyu.rules.jdbc;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.funnel.Journey;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link FunnelStore} in a relational database, with plain JDBC: PostgreSQL 15+ in production, H2 2.x as
 * the embedded default (also in its PostgreSQL and MySQL modes), MariaDB 10.11 (tested with the MariaDB driver),
 * MySQL 8 (the same SQL, not tested against a real server; see {@code docs/funnel.md}). Several application instances may share one
 * database: every write of a customer is a compare-and-set on a version column, its events are inserted under
 * the primary key (customer id, event id) in the same transaction, seats are taken under a row lock, and the
 * daily advance is leased to one instance at a time.
 *
 * <p>{@link #create} creates or migrates the schema with Flyway: tables prefixed {@code siyu_funnel_} beside the
 * host's own, and the history table {@value #HISTORY_TABLE}, so that the host's own Flyway (if any) is not
 * disturbed. A database whose schema is newer than this library's is refused.
 *
 * <p>Every operation takes a connection from the data source, runs one transaction (a transaction that fails
 * on a deadlock or a serialisation conflict is retried a few times) and gives the connection back: give it a
 * pooled data source (HikariCP, the application server's) for speed. Lease times come from this JVM's clock:
 * keep the instances' clocks in sync (NTP). Thread-safe.
 */
public final class JdbcFunnelStore implements FunnelStore {
    /** The name of the Flyway history table of the funnel's schema. */
    public static final String HISTORY_TABLE = "siyu_funnel_schema_history";
    /** The newest schema version this library knows (its latest migration). */
    public static final String SCHEMA_VERSION = "5";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFunnelStore.class);
    private static final String MIGRATIONS = "classpath:io/siyu/rules/jdbc/migration";
    /** Schema version 2 (the decision log) as every database but MySQL and MariaDB take it. */
    private static final String V2_STANDARD = "classpath:io/siyu/rules/jdbc/v2/standard";
    /** Schema version 2 on MySQL and MariaDB, where the standard one makes too large a row in utf8mb4. */
    private static final String V2_MYSQL = "classpath:io/siyu/rules/jdbc/mysql";
    private static final String J = "siyu_funnel_journey";
    private static final int TRANSACTION_ATTEMPTS = 5;
    /** Rows of one IN list: well under every driver's limit on parameters. */
    private static final int IN_LIST = 500;
    private static final String INSERT_JOURNEY = "INSERT INTO " + J
            + " (customer_id, journey_no, version, journal_ms, next_boundary, " + Rows.JOURNEY_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, " + placeholders(Rows.JOURNEY_COLUMN_COUNT) + ")";

    private final DataSource dataSource;
    private final String where;
    /** Whether the database is PostgreSQL: then a batch is read and written with arrays ({@link PostgresBatches}). */
    private final boolean postgres;
    /** Cohort tags by codes: few, never changed once stored. */
    private final Map<String, TagSet> cohorts = new ConcurrentHashMap<>();

    private JdbcFunnelStore(DataSource dataSource, String where, boolean postgres) {
        this.dataSource = dataSource;
        this.where = where;
        this.postgres = postgres;
        cohorts.put("", TagSet.none());
    }

    /**
     * A store over a database: connects once, then creates the funnel's tables, or migrates them to this
     * library's schema version.
     *
     * @param dataSource the database; a pooled data source is best
     * @return the store
     * @throws NullPointerException when {@code dataSource} is null
     * @throws FunnelStoreException with {@link FunnelStoreException.Reason#UNAVAILABLE} when the database cannot
     *                              be reached or refuses the login (the message names the URL, without its
     *                              password), {@link FunnelStoreException.Reason#SCHEMA_NEWER} when its schema
     *                              is newer than {@value #SCHEMA_VERSION} (naming both versions), or
     *                              {@link FunnelStoreException.Reason#FAILED} when the migration fails
     */
    public static JdbcFunnelStore create(DataSource dataSource) {
        Migrated database = migrateAndDescribe(dataSource);
        return new JdbcFunnelStore(dataSource, database.where(), database.postgres());
    }

    /**
     * Connects once, then creates rules-jdbc's tables or migrates them to {@link #SCHEMA_VERSION} (the funnel's and
     * the decision log's: one schema, one history); the database's URL without its password.
     */
    static String migrate(DataSource dataSource) {
        return migrateAndDescribe(dataSource).where();
    }

    /** A migrated database: its URL without its password, and whether it is a real PostgreSQL. */
    private record Migrated(String where, boolean postgres) {
    }

    private static Migrated migrateAndDescribe(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String where = describe(dataSource);
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            where = redact(connection.getMetaData().getURL());
            // H2 in its PostgreSQL mode names itself H2: only a real PostgreSQL takes the array statements.
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw cannotOpen(where, e);
        }
        Flyway flyway = migrations(dataSource).load();
        try {
            MigrationInfo current = flyway.info().current();
            if (current != null && current.getVersion() != null
                    && current.getVersion().compareTo(MigrationVersion.fromVersion(SCHEMA_VERSION)) > 0) {
                throw new FunnelStoreException(FunnelStoreException.Reason.SCHEMA_NEWER, null,
                        current.getVersion().getVersion(), SCHEMA_VERSION);
            }
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.info("Migrated the funnel's tables at {} to schema version {}", where, SCHEMA_VERSION);
            }
        } catch (FlywayException e) {
            throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e,
                    "migrating the funnel's tables at " + where, firstLine(e));
        }
        return new Migrated(where, postgres);
    }

    /**
     * The funnel's migrations: the SQL scripts of {@value #MIGRATIONS}, schema version 2 for the database (MySQL
     * and MariaDB take their own), and the Java ones. Connects once to tell the database.
     *
     * @throws FunnelStoreException with {@link FunnelStoreException.Reason#UNAVAILABLE} when it cannot connect
     */
    static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS, versionTwo(dataSource))
                .javaMigrations(new V3PostgresIngest(), new V5MySqlText())
                // The funnel's tables live beside the host's: a schema that holds other tables is normal.
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }

    /**
     * Where schema version 2 is read from: on MySQL and MariaDB their own, unless the database already took the
     * standard one (a database created in latin1 or utf8mb3 could, before schema version 5): a migration applied is
     * never replaced, as its checksum would no longer match. Flyway records a script by its path under its location:
     * the standard one is {@code V2__decision_log.sql}, MySQL's {@code v2/V2__decision_log.sql}.
     */
    private static String versionTwo(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (V5MySqlText.Dialect.of(connection) == V5MySqlText.Dialect.OTHER) {
                return V2_STANDARD;
            }
            // Looked up first rather than read and caught: the driver logs a failed statement at WARN, which a
            // host would see in its log at every first start.
            try (ResultSet table = connection.getMetaData().getTables(connection.getCatalog(), null, HISTORY_TABLE,
                    new String[] {"TABLE"})) {
                if (!table.next()) {
                    return V2_MYSQL;
                }
            }
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT script FROM " + HISTORY_TABLE
                         + " WHERE version = '2' AND success = 1")) {
                return row.next() && row.getString(1).equals("V2__decision_log.sql") ? V2_STANDARD : V2_MYSQL;
            }
        } catch (SQLException e) {
            throw cannotOpen(describe(dataSource), e);
        }
    }

    /** The data source's URL if it tells it (HikariCP, H2, PostgreSQL and MySQL data sources do), else its class. */
    private static String describe(DataSource dataSource) {
        for (String getter : List.of("getJdbcUrl", "getUrl", "getURL")) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                Object url = method.invoke(dataSource);
                if (url instanceof String text && !text.isBlank()) {
                    return redact(text);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not this kind of data source: try the next getter.
            }
        }
        return dataSource.getClass().getName();
    }

    /** A JDBC URL without a password in it. */
    static String redact(String url) {
        return url == null ? "?" : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    /**
     * Says why a database could not be opened, as this store does: a file another program holds open
     * ({@link FunnelStoreException.Reason#IN_USE}: H2's "database may be already in use"), a file that is not a
     * readable database ({@link FunnelStoreException.Reason#DAMAGED}: H2's corrupted file, unknown file format
     * or wrong encryption), or anything else ({@link FunnelStoreException.Reason#UNAVAILABLE}: no server, a
     * wrong password, ...). For a host or a tool that opens the data source itself (a pool failing at start).
     *
     * @param where where the database is, without a password (a URL, a data source's name)
     * @param cause the driver's exception
     * @return the exception to throw, with {@code cause} as its cause
     * @throws NullPointerException when an argument is null
     */
    public static FunnelStoreException cannotOpen(String where, SQLException cause) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(cause, "cause");
        FunnelStoreException.Reason reason = switch (cause.getErrorCode()) {
            // H2's DATABASE_ALREADY_OPEN_1: another process has the file locked.
            case 90020 -> FunnelStoreException.Reason.IN_USE;
            // H2's FILE_CORRUPTED_1, FILE_VERSION_ERROR_1, FILE_ENCRYPTION_ERROR_1.
            case 90030, 90048, 90049 -> FunnelStoreException.Reason.DAMAGED;
            // H2's IO_EXCEPTION_1: a file shorter than its own header says (text, a truncated copy) is read past
            // its end; other input/output failures (no permission) stay UNAVAILABLE.
            case 90028 -> endOfFileIn(cause) ? FunnelStoreException.Reason.DAMAGED
                    : FunnelStoreException.Reason.UNAVAILABLE;
            default -> FunnelStoreException.Reason.UNAVAILABLE;
        };
        return new FunnelStoreException(reason, cause, where, firstLine(cause));
    }

    private static boolean endOfFileIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(Exception e) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        return message.lines().findFirst().orElse(message).strip();
    }

    // ------------------------------------------------------------------ transactions

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction, retrying it on a deadlock or serialisation failure. */
    private <T> T transaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection, e);
                    throw e;
                } finally {
                    restore(connection, autoCommit);
                }
            } catch (SQLException e) {
                retryOrThrow(what, attempt, e);
                continue;
            }
        }
    }

    /**
     * Returns when attempt {@code attempt} of {@code what} failed in a way worth another attempt (a deadlock, a
     * serialisation failure, a lost connection) and attempts are left; logs the retry at DEBUG.
     *
     * @throws FunnelStoreException otherwise, naming what failed and where
     */
    private void retryOrThrow(String what, int attempt, SQLException e) {
        if (attempt < TRANSACTION_ATTEMPTS && retryable(e)) {
            LOG.debug("Retrying {} after {}", what, e.getSQLState());
            return;
        }
        throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e, what + " at " + where, firstLine(e));
    }

    /**
     * Runs {@code work}, which is one statement on PostgreSQL, as that statement's own transaction (auto-commit):
     * a statement is atomic and sees one snapshot, and an explicit transaction would only add the round trip of
     * its commit. Elsewhere, or on a connection a pool hands out with auto-commit off, as {@link #transaction}.
     */
    private <T> T statement(String what, Work<T> work) {
        if (!postgres) {
            return transaction(what, work);
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.getAutoCommit()) {
                    return work.run(connection);
                }
            } catch (SQLException e) {
                retryOrThrow(what, attempt, e);
                continue;
            }
            return transaction(what, work);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // The connection is broken; the pool (or close) deals with it.
            LOG.debug("Cannot restore auto-commit: {}", e.getMessage());
        }
    }

    /** Deadlocks and serialisation failures (SQLSTATE class 40), and H2's lock timeout. */
    private static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("40")) || sql.getErrorCode() == 50200) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean integrityViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += IN_LIST) {
            out.add(items.subList(i, Math.min(items.size(), i + IN_LIST)));
        }
        return out;
    }

    // ------------------------------------------------------------------ cohorts

    private TagSet cohort(Connection connection, String codes) throws SQLException {
        TagSet known = cohorts.get(codes);
        if (known != null) {
            return known;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tags FROM siyu_funnel_cohort WHERE cohort_codes = ?")) {
            select.setString(1, codes);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no cohort " + codes + " in siyu_funnel_cohort");
                }
                TagSet tags = Rows.tags(row.getString(1));
                cohorts.put(codes, tags);
                return tags;
            }
        }
    }

    /** Stores the tags of cohorts not seen before, each in a transaction of its own (a race is harmless). */
    private void rememberCohorts(Collection<TagSet> tagSets) {
        for (TagSet tags : tagSets) {
            String codes = tags.codes();
            if (cohorts.containsKey(codes)) {
                continue;
            }
            try {
                transaction("storing cohort " + codes, connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT 1 FROM siyu_funnel_cohort WHERE cohort_codes = ?")) {
                        select.setString(1, codes);
                        try (ResultSet row = select.executeQuery()) {
                            if (row.next()) {
                                return null;
                            }
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO siyu_funnel_cohort (cohort_codes, tags) VALUES (?, ?)")) {
                        insert.setString(1, codes);
                        insert.setString(2, Rows.tagsJson(tags));
                        insert.executeUpdate();
                    }
                    return null;
                });
            } catch (FunnelStoreException e) {
                if (!(e.getCause() instanceof SQLException sql) || !integrityViolation(sql)) {
                    throw e;
                }
                // Another instance stored it meanwhile.
            }
            cohorts.put(codes, tags);
        }
    }

    // ------------------------------------------------------------------ customers

    @Override
    public Optional<CustomerRecord> read(String customerId) {
        return Optional.ofNullable(readAll(List.of(Objects.requireNonNull(customerId, "customerId"))).get(customerId));
    }

    @Override
    public Map<String, CustomerRecord> readAll(Collection<String> customerIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(customerIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return statement("reading customers", connection -> Map.copyOf(readRecords(connection, ids)));
    }

    private Map<String, CustomerRecord> readRecords(Connection connection, List<String> ids) throws SQLException {
        Map<String, List<Journey>> journeys = new LinkedHashMap<>();
        Map<String, long[]> versions = new HashMap<>();
        for (List<String> chunk : postgres ? List.of(ids) : chunks(ids)) {
            try (PreparedStatement select = postgres ? PostgresBatches.readCustomers(connection, chunk)
                    : readCustomers(connection, chunk)) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String customer = row.getString("customer_id");
                        if (row.getInt("journey_no") == 1) {
                            versions.put(customer, new long[] {row.getLong("version"), Rows.millis(row, "journal_ms")});
                        }
                        journeys.computeIfAbsent(customer, c -> new ArrayList<>())
                                .add(Rows.journey(row, cohort(connection, row.getString("cohort_codes"))));
                    }
                }
            }
        }
        Map<String, CustomerRecord> out = new HashMap<>();
        journeys.forEach((customer, list) -> {
            long[] version = versions.get(customer);
            out.put(customer, new CustomerRecord(customer, version[0], list, version[1]));
        });
        return out;
    }

    private static PreparedStatement readCustomers(Connection connection, List<String> ids) throws SQLException {
        PreparedStatement select = connection.prepareStatement("SELECT * FROM " + J
                + " WHERE customer_id IN (" + placeholders(ids.size()) + ") ORDER BY customer_id, journey_no");
        try {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    @Override
    public List<FunnelEvent> journal(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return transaction("reading the journal of " + customerId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM siyu_funnel_event WHERE customer_id = ?")) {
                select.setString(1, customerId);
                List<FunnelEvent> events = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(Rows.event(row));
                    }
                }
                return List.copyOf(events);
            }
        });
    }

    @Override
    public Set<EventKey> recorded(Collection<EventKey> keys) {
        List<EventKey> all = List.copyOf(new LinkedHashSet<>(keys));
        if (all.isEmpty()) {
            return Set.of();
        }
        if (postgres) {
            return statement("looking up events", connection -> Set.copyOf(PostgresBatches.recorded(connection, all)));
        }
        // By customer (the primary key's prefix) and filtered here: a list of (customer, event) pairs is planned
        // badly by PostgreSQL (measured: 40 times slower for 500 pairs), and customers have few events each.
        Map<String, Set<String>> wanted = new HashMap<>();
        all.forEach(key -> wanted.computeIfAbsent(key.customerId(), c -> new HashSet<>()).add(key.eventId()));
        List<String> customers = List.copyOf(wanted.keySet());
        return transaction("looking up events", connection -> {
            Set<EventKey> found = new HashSet<>();
            for (List<String> chunk : chunks(customers)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, event_id FROM "
                        + "siyu_funnel_event WHERE customer_id IN (" + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            String customer = row.getString(1);
                            String event = row.getString(2);
                            if (wanted.get(customer).contains(event)) {
                                found.add(new EventKey(customer, event));
                            }
                        }
                    }
                }
            }
            return Set.copyOf(found);
        });
    }

    @Override
    public List<WriteResult> write(List<Write> writes) {
        Set<String> seen = new HashSet<>();
        for (Write write : writes) {
            if (!seen.add(write.customerId())) {
                throw new IllegalArgumentException("two writes of customer " + write.customerId());
            }
        }
        if (writes.isEmpty()) {
            return List.of();
        }
        List<TagSet> newCohorts = new ArrayList<>();
        for (Write write : writes) {
            for (Journey journey : write.journeys()) {
                if (!cohorts.containsKey(journey.cohortCodes())) {
                    newCohorts.add(journey.cohort());
                }
            }
        }
        rememberCohorts(newCohorts);
        // One lock order for every transaction (customer id), so that concurrent writers never deadlock.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> writes.get(i).customerId()));
        List<Write> sorted = order.stream().map(writes::get).toList();
        WriteResult[] sortedResults;
        // On PostgreSQL a batch of customers with one journey each is written by one statement.
        boolean oneStatement = sorted.stream().allMatch(write -> write.journeys().size() == 1);
        try {
            String what = "writing " + writes.size() + " customers";
            sortedResults = oneStatement ? statement(what, connection -> writeAll(connection, sorted))
                    : transaction(what, connection -> writeAll(connection, sorted));
        } catch (FunnelStoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !integrityViolation(sql)) {
                throw e;
            }
            // A customer created, or one of the events recorded, by another writer meanwhile.
            if (sorted.size() == 1) {
                return List.of(WriteResult.CONFLICT);
            }
            sortedResults = new WriteResult[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                sortedResults[i] = write(List.of(sorted.get(i))).get(0);
            }
        }
        WriteResult[] results = new WriteResult[writes.size()];
        for (int i = 0; i < order.size(); i++) {
            results[order.get(i)] = sortedResults[i];
        }
        return List.of(results);
    }

    private WriteResult[] writeAll(Connection connection, List<Write> writes) throws SQLException {
        WriteResult[] results = new WriteResult[writes.size()];
        if (postgres) {
            // Journey 1 of every customer, the trimmed journeys and the journal in one statement.
            Set<String> written = PostgresBatches.write(connection, writes);
            List<Write> applied = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                boolean done = written.contains(writes.get(i).customerId());
                results[i] = done ? WriteResult.APPLIED : WriteResult.CONFLICT;
                if (done) {
                    applied.add(writes.get(i));
                }
            }
            writeLaterJourneys(connection, applied);
            return results;
        }
        // 1. The compare-and-set on journey 1 (and its contents when it changed); new customers' journey 1 inserted.
        List<Integer> updates = new ArrayList<>();
        List<Integer> inserts = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            (writes.get(i).expectedVersion() == 0 ? inserts : updates).add(i);
        }
        compareAndSet(connection, writes, updates, results);
        // A customer created meanwhile fails the transaction (the primary key): write() retries one by one.
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JOURNEY)) {
            for (int i : inserts) {
                results[i] = WriteResult.APPLIED;
                bindInsert(insert, writes.get(i), 0);
                insert.addBatch();
            }
            if (!inserts.isEmpty()) {
                insert.executeBatch();
            }
        }
        List<Write> applied = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (results[i] == WriteResult.APPLIED) {
                applied.add(writes.get(i));
            }
        }
        // 2. The later journeys that changed (re-entered customers): update, or insert when new.
        writeLaterJourneys(connection, applied);
        // A journal replayed from its start may give fewer journeys than were stored: the extra ones go. One
        // statement per number of journeys (nearly always one: customers with a single journey).
        Map<Integer, List<String>> rewritten = new HashMap<>();
        for (Write write : applied) {
            if (write.expectedVersion() > 0 && write.firstChanged() == 0) {
                rewritten.computeIfAbsent(write.journeys().size(), n -> new ArrayList<>()).add(write.customerId());
            }
        }
        for (Map.Entry<Integer, List<String>> entry : rewritten.entrySet()) {
            for (List<String> chunk : chunks(entry.getValue())) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + J
                        + " WHERE journey_no > ? AND customer_id IN (" + placeholders(chunk.size()) + ")")) {
                    delete.setInt(1, entry.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setString(i + 2, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
        }
        // 3. The journal: under its primary key, a duplicate fails the whole transaction.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO siyu_funnel_event "
                + "(customer_id, event_id, kind, occurred_ms, amount_fen, tags) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (Write write : applied) {
                for (FunnelEvent event : write.appended()) {
                    Rows.bindEvent(insert, event);
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
        return results;
    }

    /** The compare-and-set of journey 1 of {@code updates}, one execution each in a JDBC batch. */
    private static void compareAndSet(Connection connection, List<Write> writes, List<Integer> updates,
                                      WriteResult[] results) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        try (PreparedStatement cas = connection.prepareStatement("UPDATE " + J
                + " SET version = ?, journal_ms = ?, next_boundary = ?, " + assignments()
                + " WHERE customer_id = ? AND journey_no = 1 AND version = ?")) {
            for (int i : updates) {
                Write write = writes.get(i);
                Journey first = write.journeys().get(0);
                cas.setLong(1, write.expectedVersion() + 1);
                cas.setLong(2, write.journalMillis());
                Rows.setDate(cas, 3, write.journeys().size() == 1 ? write.nextBoundary().orElse(null) : null);
                int p = Rows.bindJourney(cas, 4, first);
                cas.setString(p++, write.customerId());
                cas.setLong(p, write.expectedVersion());
                cas.addBatch();
            }
            int[] counts = cas.executeBatch();
            for (int k = 0; k < updates.size(); k++) {
                results[updates.get(k)] = counts[k] == 0 ? WriteResult.CONFLICT : WriteResult.APPLIED;
            }
        }
    }

    /**
     * The journeys after the first that changed, of the writes applied (customers who came back): updated, or
     * inserted where there is no row yet. Most writes have none, and then nothing is executed.
     */
    private static void writeLaterJourneys(Connection connection, List<Write> applied) throws SQLException {
        List<Object[]> later = new ArrayList<>();
        for (Write write : applied) {
            for (int n = Math.max(1, write.firstChanged()); n < write.journeys().size(); n++) {
                later.add(new Object[] {write, n});
            }
        }
        if (later.isEmpty()) {
            return;
        }
        int[] counts;
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + J
                + " SET version = ?, next_boundary = ?, " + assignments()
                + " WHERE customer_id = ? AND journey_no = ?")) {
            for (Object[] item : later) {
                Write write = (Write) item[0];
                int n = (int) item[1];
                update.setLong(1, write.expectedVersion() + 1);
                Rows.setDate(update, 2, n == write.journeys().size() - 1 ? write.nextBoundary().orElse(null) : null);
                int p = Rows.bindJourney(update, 3, write.journeys().get(n));
                update.setString(p++, write.customerId());
                update.setInt(p, n + 1);
                update.addBatch();
            }
            counts = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JOURNEY)) {
            boolean missing = false;
            for (int k = 0; k < later.size(); k++) {
                if (counts[k] == 0) {
                    bindInsert(insert, (Write) later.get(k)[0], (int) later.get(k)[1]);
                    insert.addBatch();
                    missing = true;
                }
            }
            if (missing) {
                insert.executeBatch();
            }
        }
    }

    private static String assignments() {
        StringBuilder out = new StringBuilder();
        for (String column : Rows.JOURNEY_COLUMNS.split(", ")) {
            out.append(out.length() == 0 ? "" : ", ").append(column).append(" = ?");
        }
        return out.toString();
    }

    private static void bindInsert(PreparedStatement insert, Write write, int n) throws SQLException {
        boolean first = n == 0;
        insert.setString(1, write.customerId());
        insert.setInt(2, n + 1);
        insert.setLong(3, write.expectedVersion() + 1);
        if (first) {
            insert.setLong(4, write.journalMillis());
        } else {
            insert.setNull(4, java.sql.Types.BIGINT);
        }
        Rows.setDate(insert, 5, n == write.journeys().size() - 1 ? write.nextBoundary().orElse(null) : null);
        Rows.bindJourney(insert, 6, write.journeys().get(n));
    }

    @Override
    public List<Due> due(LocalDate day, Optional<Due> after, int limit) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        return transaction("reading the journeys due on " + day, connection -> {
            String sql = "SELECT customer_id, journey_no, next_boundary FROM " + J + " WHERE next_boundary <= ?"
                    + (after.isEmpty() ? "" : " AND (next_boundary > ? OR (next_boundary = ? AND customer_id > ?))")
                    + " ORDER BY next_boundary, customer_id LIMIT ?";
            List<String> ids = new ArrayList<>();
            Map<String, LocalDate> boundaries = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                Rows.setDate(select, p++, day);
                if (after.isPresent()) {
                    Rows.setDate(select, p++, after.get().nextBoundary());
                    Rows.setDate(select, p++, after.get().nextBoundary());
                    select.setString(p++, after.get().record().customerId());
                }
                select.setInt(p, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                        boundaries.put(row.getString(1), Rows.date(row, "next_boundary"));
                    }
                }
            }
            Map<String, CustomerRecord> records = readRecords(connection, ids);
            List<Due> page = new ArrayList<>(ids.size());
            for (String id : ids) {
                page.add(new Due(boundaries.get(id), records.get(id)));
            }
            return List.copyOf(page);
        });
    }

    @Override
    public void forEachJourney(Consumer<? super Journey> action) {
        Objects.requireNonNull(action, "action");
        transaction("reading every journey", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + J)) {
                // In a transaction, with a fetch size, PostgreSQL streams the rows instead of loading them all.
                select.setFetchSize(1000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        action.accept(Rows.journey(row, cohort(connection, row.getString("cohort_codes"))));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void forEachJournal(Consumer<? super List<FunnelEvent>> action) {
        Objects.requireNonNull(action, "action");
        transaction("reading the journal", connection -> {
            // In customer order, streamed (a fetch size in a transaction): one customer's events at a time.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM siyu_funnel_event ORDER BY customer_id")) {
                select.setFetchSize(1000);
                try (ResultSet row = select.executeQuery()) {
                    List<FunnelEvent> journal = new ArrayList<>();
                    String customer = null;
                    while (row.next()) {
                        FunnelEvent event = Rows.event(row);
                        if (customer != null && !customer.equals(event.customerId())) {
                            action.accept(List.copyOf(journal));
                            journal.clear();
                        }
                        customer = event.customerId();
                        journal.add(event);
                    }
                    if (!journal.isEmpty()) {
                        action.accept(List.copyOf(journal));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<Journey> startedOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return transaction("reading the journeys started on " + day, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + J + " j WHERE start_date = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM " + J + " later WHERE later.customer_id = j.customer_id"
                    + " AND later.journey_no > j.journey_no) ORDER BY customer_id")) {
                Rows.setDate(select, 1, day);
                List<Journey> out = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        out.add(Rows.journey(row, cohort(connection, row.getString("cohort_codes"))));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    // ------------------------------------------------------------------ groups and seats

    /** A group's seat count while seating; mutable. */
    private static final class OpenGroup {
        final String groupId;
        final int number;
        int seats;
        final boolean isNew;

        OpenGroup(String groupId, int number, int seats, boolean isNew) {
            this.groupId = groupId;
            this.number = number;
            this.seats = seats;
            this.isNew = isNew;
        }
    }

    @Override
    public List<String> seat(List<Seat> wanted, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, TagSet> newCohorts = new HashMap<>();
        wanted.forEach(seat -> newCohorts.putIfAbsent(seat.cohort().codes(), seat.cohort()));
        rememberCohorts(newCohorts.values());
        return transaction("seating " + wanted.size() + " customers", connection -> {
            long opened;
            // The lock that serialises seating across instances: held until commit.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT counter_value FROM siyu_funnel_counter WHERE counter_name = 'groups_opened' FOR UPDATE")) {
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    opened = row.getLong(1);
                }
            }
            Map<String, String> held = new HashMap<>();
            List<String> customers = wanted.stream().map(Seat::customerId).distinct().toList();
            for (List<String> chunk : chunks(customers)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, journey_no, group_id"
                        + " FROM siyu_funnel_seat WHERE customer_id IN (" + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            held.put(row.getString(1) + '\u0000' + (row.getInt(2) - 1), row.getString(3));
                        }
                    }
                }
            }
            Map<String, OpenGroup> open = new HashMap<>();
            List<String> prefixes = wanted.stream().map(Seat::groupPrefix).distinct().toList();
            for (List<String> chunk : chunks(prefixes)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT prefix, group_id, group_no, seats"
                        + " FROM siyu_funnel_group WHERE prefix IN (" + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            OpenGroup group = new OpenGroup(row.getString(2), row.getInt(3), row.getInt(4), false);
                            open.merge(row.getString(1), group, (a, b) -> a.number >= b.number ? a : b);
                        }
                    }
                }
            }
            List<String> out = new ArrayList<>(wanted.size());
            Map<String, OpenGroup> touched = new LinkedHashMap<>();
            List<Object[]> newGroups = new ArrayList<>();
            List<Seat> newSeats = new ArrayList<>();
            for (Seat seat : wanted) {
                String key = seat.customerId() + '\u0000' + seat.journey();
                String group = held.get(key);
                if (group == null) {
                    OpenGroup current = open.get(seat.groupPrefix());
                    if (current == null || current.seats >= capacity) {
                        int number = current == null ? 1 : current.number + 1;
                        current = new OpenGroup(seat.groupPrefix() + "-" + number, number, 0, true);
                        open.put(seat.groupPrefix(), current);
                        newGroups.add(new Object[] {current, seat, ++opened});
                    }
                    current.seats++;
                    touched.put(current.groupId, current);
                    group = current.groupId;
                    held.put(key, group);
                    newSeats.add(seat);
                }
                out.add(group);
            }
            if (newSeats.isEmpty()) {
                return List.copyOf(out);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO siyu_funnel_group"
                    + " (group_id, prefix, group_no, opened, cohort_codes, start_date, seats) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] item : newGroups) {
                    OpenGroup group = (OpenGroup) item[0];
                    Seat seat = (Seat) item[1];
                    insert.setString(1, group.groupId);
                    insert.setString(2, seat.groupPrefix());
                    insert.setInt(3, group.number);
                    insert.setLong(4, (long) item[2]);
                    insert.setString(5, seat.cohort().codes());
                    Rows.setDate(insert, 6, seat.startDate());
                    insert.setInt(7, group.seats);
                    insert.addBatch();
                }
                if (!newGroups.isEmpty()) {
                    insert.executeBatch();
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE siyu_funnel_group SET seats = ? WHERE group_id = ?")) {
                boolean any = false;
                for (OpenGroup group : touched.values()) {
                    if (!group.isNew) {
                        update.setInt(1, group.seats);
                        update.setString(2, group.groupId);
                        update.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    update.executeBatch();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO siyu_funnel_seat (customer_id, journey_no, group_id) VALUES (?, ?, ?)")) {
                for (Seat seat : newSeats) {
                    insert.setString(1, seat.customerId());
                    insert.setInt(2, seat.journey() + 1);
                    insert.setString(3, held.get(seat.customerId() + '\u0000' + seat.journey()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement counter = connection.prepareStatement(
                    "UPDATE siyu_funnel_counter SET counter_value = ? WHERE counter_name = 'groups_opened'")) {
                counter.setLong(1, opened);
                counter.executeUpdate();
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<Group> groups(LocalDate firstStartDate, LocalDate lastStartDate) {
        Objects.requireNonNull(firstStartDate, "firstStartDate");
        Objects.requireNonNull(lastStartDate, "lastStartDate");
        return transaction("reading groups", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT group_id, cohort_codes, start_date, seats"
                    + " FROM siyu_funnel_group WHERE start_date BETWEEN ? AND ? ORDER BY opened")) {
                Rows.setDate(select, 1, firstStartDate);
                Rows.setDate(select, 2, lastStartDate);
                List<Group> out = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        out.add(new Group(row.getString(1), cohort(connection, row.getString(2)),
                                Rows.date(row, "start_date"), row.getInt(4)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public Map<String, Integer> activeMembers(Collection<String> groupIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(groupIds));
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.put(Objects.requireNonNull(id, "groupId"), 0));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return transaction("counting group members", connection -> {
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement select = connection.prepareStatement("SELECT group_id, COUNT(*) FROM " + J
                        + " WHERE group_id IN (" + placeholders(chunk.size()) + ") AND stage <> 'LEFT' GROUP BY group_id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            counts.put(row.getString(1), row.getInt(2));
                        }
                    }
                }
            }
            return Map.copyOf(counts);
        });
    }

    // ------------------------------------------------------------------ day boundaries

    @Override
    public Optional<LocalDate> advancedThrough() {
        return transaction("reading the day advanced through", connection -> {
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT advanced_through FROM siyu_funnel_progress WHERE id = 1")) {
                return row.next() ? Optional.ofNullable(Rows.date(row, "advanced_through")) : Optional.empty();
            }
        });
    }

    @Override
    public boolean claimAdvance(String owner, LocalDate day, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(day, "day");
        long until = until(lease);
        long now = System.currentTimeMillis();
        return transaction("claiming the advance to " + day, connection -> {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE siyu_funnel_progress"
                    + " SET lease_owner = ?, lease_day = ?, lease_until_ms = ? WHERE id = 1"
                    + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until_ms < ?)")) {
                claim.setString(1, owner);
                Rows.setDate(claim, 2, day);
                claim.setLong(3, until);
                claim.setString(4, owner);
                claim.setLong(5, now);
                return claim.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean renewAdvance(String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        long until = until(lease);
        return transaction("renewing the advance lease", connection -> {
            try (PreparedStatement renew = connection.prepareStatement(
                    "UPDATE siyu_funnel_progress SET lease_until_ms = ? WHERE id = 1 AND lease_owner = ?")) {
                renew.setLong(1, until);
                renew.setString(2, owner);
                return renew.executeUpdate() == 1;
            }
        });
    }

    private static long until(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease lasts more than zero, got " + lease);
        }
        return System.currentTimeMillis() + lease.toMillis();
    }

    @Override
    public boolean finishAdvance(String owner, Crossing crossing) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(crossing, "crossing");
        return transaction("finishing the advance to " + crossing.day(), connection -> {
            try (PreparedStatement finish = connection.prepareStatement("UPDATE siyu_funnel_progress SET"
                    + " advanced_through = CASE WHEN advanced_through IS NULL OR advanced_through < ? THEN ?"
                    + " ELSE advanced_through END, lease_owner = NULL, lease_day = NULL, lease_until_ms = NULL"
                    + " WHERE id = 1 AND lease_owner = ?")) {
                Rows.setDate(finish, 1, crossing.day());
                Rows.setDate(finish, 2, crossing.day());
                finish.setString(3, owner);
                if (finish.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement log = connection.prepareStatement("INSERT INTO siyu_funnel_crossing"
                    + " (crossed_day, owner, finished_ms, moved, seated) VALUES (?, ?, ?, ?, ?)")) {
                Rows.setDate(log, 1, crossing.day());
                log.setString(2, crossing.owner());
                log.setLong(3, crossing.finishedAt().toEpochMilli());
                log.setInt(4, crossing.moved());
                log.setInt(5, crossing.seated());
                log.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void releaseAdvance(String owner) {
        Objects.requireNonNull(owner, "owner");
        transaction("releasing the advance lease", connection -> {
            try (PreparedStatement release = connection.prepareStatement("UPDATE siyu_funnel_progress"
                    + " SET lease_owner = NULL, lease_day = NULL, lease_until_ms = NULL WHERE id = 1 AND lease_owner = ?")) {
                release.setString(1, owner);
                return release.executeUpdate();
            }
        });
    }

    @Override
    public List<Crossing> crossings() {
        return transaction("reading the advances", connection -> {
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT crossed_day, owner, finished_ms, moved, seated"
                         + " FROM siyu_funnel_crossing ORDER BY crossed_day")) {
                List<Crossing> out = new ArrayList<>();
                while (row.next()) {
                    out.add(new Crossing(Rows.date(row, "crossed_day"), row.getString(2),
                            Instant.ofEpochMilli(row.getLong(3)), row.getInt(4), row.getInt(5)));
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcFunnelStore[" + where + "]";
    }
}
