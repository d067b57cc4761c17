package io.siyu.rules.jdbc;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.DecisionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A decision log in the database: a {@link DecisionListener} that appends each decision to the table
 * {@code siyu_funnel_decision} (created with the funnel's tables, schema version 2), so that "why did this customer
 * get this message on 23 Nov" can be answered from any instance ({@link #read}, {@code siyu explain --log
 * jdbc:...}). A line holds what {@link DecisionLog#line} writes — the stable decision JSON without the rendered text
 * unless the host opts in — with the pack, customer, moment, action, script, variant, arm and intent in columns of
 * their own.
 *
 * <p><b>Off the deciding thread.</b> {@code decided} only puts the row on a bounded queue; one background thread
 * ({@code siyu-decision-log}) writes them in batches, one transaction each. When the queue is full (the database is
 * slower than the deciding, or down) a decision is not logged and counted in {@link #dropped()}; a batch the
 * database refuses is logged at WARN (its SQL state, never the data) and counted there too. Deciding never waits for
 * the database. {@link #close()} writes what is queued and stops the thread: call it at shutdown.
 *
 * <p>Thread-safe.
 */
public final class JdbcDecisionLog implements DecisionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDecisionLog.class);
    private static final DecisionJson JSON = DecisionJson.of(null, Locale.ROOT);
    private static final int MAX_JSON = 16_000;
    private static final String INSERT = "INSERT INTO siyu_funnel_decision (decision_id, pack_id, pack_version, "
            + "customer_id, decided_ms, action, script_id, variant, arm, intent, decision) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String where;
    private final double sampleRate;
    private final boolean personalData;
    private final int batchSize;
    private final Duration flushInterval;
    private final Clock clock;
    private final BlockingQueue<Row> queue;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final Thread writer;
    private volatile boolean closing;

    /** One decision as the table's columns. */
    private record Row(String decisionId, String packId, String packVersion, String customerId, long decidedMillis,
                       String action, String scriptId, String variant, String arm, String intent, String json) {
    }

    private JdbcDecisionLog(Builder b, String where) {
        this.dataSource = b.dataSource;
        this.where = where;
        this.sampleRate = b.sampleRate;
        this.personalData = b.personalData;
        this.batchSize = b.batchSize;
        this.flushInterval = b.flushInterval;
        this.clock = b.clock;
        this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
        this.writer = new Thread(this::writeUntilClosed, "siyu-decision-log");
        writer.setDaemon(true);
    }

    /**
     * A builder for a log in the database of {@code dataSource}.
     *
     * @param dataSource the database (pooled is best); the same as the funnel's, or another
     * @return a builder with the defaults: every decision, no personal data, batches of 200, a queue of 10,000, a
     *         batch at least every second
     * @throws NullPointerException when {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Queues a decision to be written (when its customer is sampled).
     *
     * @param decision the decision
     * @param nanos    ignored
     */
    @Override
    public void decided(Decision decision, long nanos) {
        if (closing || (sampleRate < 1 && !DecisionLog.isSampled(decision.customerId(), sampleRate))) {
            return;
        }
        String json = DecisionLog.line(decision, personalData);
        if (json.length() > MAX_JSON) {
            dropped.increment();
            LOG.warn("A decision of pack {} is {} characters of JSON, more than the decision log's {}: not logged",
                    decision.packId(), json.length(), MAX_JSON);
            return;
        }
        Row row = new Row(decision.id(), decision.packId(), decision.packVersion(), decision.customerId(),
                decision.decidedAt().orElseGet(clock::instant).toEpochMilli(), decision.action(),
                decision.scriptId().orElse(null), decision.variantId().orElse(null), decision.arm().name(),
                decision.intent().name(), json);
        if (!queue.offer(row)) {
            dropped.increment();
        }
    }

    private void writeUntilClosed() {
        List<Row> batch = new ArrayList<>(batchSize);
        while (true) {
            try {
                Row first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    write(batch);
                    batch.clear();
                } else if (closing) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(List<Row> batch) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row r : batch) {
                    insert.setString(1, r.decisionId());
                    insert.setString(2, r.packId());
                    insert.setString(3, r.packVersion());
                    insert.setString(4, r.customerId());
                    insert.setLong(5, r.decidedMillis());
                    insert.setString(6, r.action());
                    setText(insert, 7, r.scriptId());
                    setText(insert, 8, r.variant());
                    insert.setString(9, r.arm());
                    insert.setString(10, r.intent());
                    insert.setString(11, r.json());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                written.add(batch.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            dropped.add(batch.size());
            String state = e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getName();
            LOG.warn("Cannot write {} decision(s) to the decision log at {} ({}); {} dropped so far", batch.size(),
                    where, state, dropped.sum());
        }
    }

    private static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    /**
     * How many decisions were not logged: the queue was full, the JSON too long, or the database refused them.
     *
     * @return the count, 0 or more
     */
    public long dropped() {
        return dropped.sum();
    }

    /**
     * How many decisions were written.
     *
     * @return the count, 0 or more
     */
    public long written() {
        return written.sum();
    }

    /**
     * Writes what is queued, then stops the writer; decisions after this are not logged. Waits up to 30 seconds.
     * Idempotent.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the log back: the decisions of one customer, oldest first.
     *
     * @param dataSource the database
     * @param customerId the customer
     * @param date       only the decisions made on this date (in {@code zone}); empty for all
     * @param zone       the timezone of {@code date}
     * @return the decisions in the order they were made; unmodifiable, empty when none
     * @throws NullPointerException when an argument is null
     * @throws FunnelStoreException when the database cannot be read (or has no decision log table)
     * @throws io.siyu.rules.decision.JsonInputException when a stored decision cannot be read
     */
    public static List<Decision> read(DataSource dataSource, String customerId, Optional<LocalDate> date,
                                      ZoneId zone) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        String sql = "SELECT decision FROM siyu_funnel_decision WHERE customer_id = ?"
                + (date.isPresent() ? " AND decided_ms >= ? AND decided_ms < ?" : "") + " ORDER BY decided_ms";
        List<Decision> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, customerId);
            if (date.isPresent()) {
                select.setLong(2, date.get().atStartOfDay(zone).toInstant().toEpochMilli());
                select.setLong(3, date.get().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(JSON.readDecision(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e,
                    "reading the decision log of " + customerId, JdbcFunnelStore.firstLine(e));
        }
        return List.copyOf(out);
    }

    /** Builds a {@link JdbcDecisionLog}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private double sampleRate = 1;
        private boolean personalData;
        private int batchSize = 200;
        private int queueCapacity = 10_000;
        private Duration flushInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Logs the decisions of this share of customers (the same customers as a {@link DecisionLog} with the same
         * rate: {@link DecisionLog#isSampled}).
         *
         * @param rate 0 to 1 (default 1)
         * @return this builder
         * @throws IllegalArgumentException when {@code rate} is outside [0, 1]
         */
        public Builder sampleRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("sampleRate must be between 0 and 1, got " + rate);
            }
            this.sampleRate = rate;
            return this;
        }

        /**
         * Keeps the rendered text in each row. Off by default: the text may hold the customer's name.
         *
         * @param keep whether to keep it
         * @return this builder
         */
        public Builder personalData(boolean keep) {
            this.personalData = keep;
            return this;
        }

        /**
         * Rows per insert batch (one transaction).
         *
         * @param rows 1 to 10,000 (default 200)
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder batchSize(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("batchSize must be 1 to 10000, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * How many decisions may wait for the writer; past that they are dropped ({@link #dropped()}).
         *
         * @param rows 1 or more (default 10,000)
         * @return this builder
         * @throws IllegalArgumentException when less than 1
         */
        public Builder queueCapacity(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, got " + rows);
            }
            this.queueCapacity = rows;
            return this;
        }

        /**
         * The longest the writer waits for a full batch before writing what it has.
         *
         * @param interval more than zero (default 1 second)
         * @return this builder
         * @throws IllegalArgumentException when not positive
         * @throws NullPointerException     when {@code interval} is null
         */
        public Builder flushInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("flushInterval must be positive, got " + interval);
            }
            this.flushInterval = interval;
            return this;
        }

        /**
         * The clock for decisions that carry no time of their own (built from parts).
         *
         * @param clock the clock (default the system's)
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates or migrates the tables (as {@link JdbcFunnelStore#create} does) and starts the writer thread.
         *
         * @return the log
         * @throws FunnelStoreException when the database cannot be reached, its schema is newer, or the migration
         *                              fails
         */
        public JdbcDecisionLog build() {
            JdbcDecisionLog log = new JdbcDecisionLog(this, JdbcFunnelStore.migrate(dataSource));
            log.writer.start();
            return log;
        }
    }
}
