package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore.EventKey;
import io.siyu.rules.funnel.FunnelStore.Write;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements that read and write a whole batch of customers on PostgreSQL in one statement each, with one
 * array per column ({@code unnest}), where other databases take a list of {@code IN} parameters or a JDBC batch of
 * one statement per customer: a batch of 500 events is one read and one write, two round trips and two plans,
 * instead of a read, a journal look-up and ~300 executions in a transaction (BENCHMARKS.md, "The funnel on a
 * database").
 *
 * <p>The look-ups go through {@code CROSS JOIN LATERAL (... OFFSET 0)}: one primary-key look-up per array element,
 * whatever the planner believes about the table. A table that has not been analysed yet (a new store, the first
 * minute before autovacuum) has no statistics, its rows look ~2 kB wide (the {@code VARCHAR(191)} columns in UTF-8),
 * and a plain {@code IN} list or join of 300 keys is planned as a sequential scan of the whole table: measured
 * 25 to 120 ms per read of ~300 customers among 50,000 journeys, against 1 to 4 ms by the primary key.
 *
 * <p>Stateless; the caller owns the connection and its transaction.
 */
final class PostgresBatches {
    /** A customer's journeys, by the primary key's prefix, per customer of the array. */
    private static final String READ = "SELECT j.* FROM unnest(CAST(? AS varchar[])) AS k(customer_id)"
            + " CROSS JOIN LATERAL (SELECT * FROM siyu_funnel_journey WHERE customer_id = k.customer_id OFFSET 0) AS j"
            + " ORDER BY j.customer_id, j.journey_no";

    /** Which (customer, event) pairs are in the journal, one primary-key look-up each. */
    private static final String RECORDED = "SELECT k.customer_id, k.event_id"
            + " FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[])) AS k(customer_id, event_id)"
            + " CROSS JOIN LATERAL (SELECT 1 FROM siyu_funnel_event e WHERE e.customer_id = k.customer_id"
            + " AND e.event_id = k.event_id OFFSET 0) AS found";

    /**
     * A whole batch of writes in one statement (its own transaction when it runs alone): the compare-and-set of
     * journey 1 of the known customers, journey 1 of the new ones, the journeys after the last of a rewritten
     * customer, and the journal rows of the customers written; the customer ids written come back.
     * <ul>
     *   <li>{@code w}: the writes, one row each, in customer id order (the order in which rows are locked).</li>
     *   <li>{@code cas}: journey 1 found by the primary key in a lateral look-up, updated by its {@code ctid}
     *       where its version is still the expected one. The version is checked on the row being updated, so a
     *       row changed by a concurrent transaction is re-checked (READ COMMITTED's re-evaluation) and, being
     *       newer, left alone: a conflict.</li>
     *   <li>{@code created}: journey 1 of new customers; one created meanwhile by another writer is left alone
     *       (a conflict).</li>
     *   <li>{@code trimmed}: a journal replayed from its start may give fewer journeys than were stored; no other
     *       writer touches them meanwhile, journey 1 being locked by {@code cas}.</li>
     *   <li>{@code journal}: the events of the customers written, under the journal's primary key: an event
     *       recorded meanwhile fails the statement, and nothing of it is stored.</li>
     * </ul>
     */
    private static final String WRITE = "WITH w AS (SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS bigint[]),"
            + " CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS int[]), CAST(? AS boolean[]),"
            + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS date[]), CAST(? AS int[]),"
            + " CAST(? AS int[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS varchar[]),"
            + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS bigint[])) AS w(customer_id, expected,"
            + " journal_ms, next_boundary, journeys, rewritten, " + Rows.JOURNEY_COLUMNS + ")),"
            + " cas AS (UPDATE siyu_funnel_journey AS j SET version = v.expected + 1, journal_ms = v.journal_ms,"
            + " next_boundary = v.next_boundary, stage = v.stage, cohort_codes = v.cohort_codes,"
            + " group_id = v.group_id, start_date = v.start_date, stage_day = v.stage_day, purchases = v.purchases,"
            + " revenue_fen = v.revenue_fen, first_purchase_ms = v.first_purchase_ms,"
            + " first_repurchase_ms = v.first_repurchase_ms, converted_in = v.converted_in, left_in = v.left_in,"
            + " last_event_id = v.last_event_id, last_event_ms = v.last_event_ms"
            + " FROM (SELECT t.row_id, w.* FROM w CROSS JOIN LATERAL (SELECT ctid AS row_id FROM siyu_funnel_journey"
            + " WHERE customer_id = w.customer_id AND journey_no = 1 OFFSET 0) AS t WHERE w.expected > 0) AS v"
            + " WHERE j.ctid = v.row_id AND j.version = v.expected RETURNING j.customer_id),"
            + " created AS (INSERT INTO siyu_funnel_journey (customer_id, journey_no, version, journal_ms,"
            + " next_boundary, " + Rows.JOURNEY_COLUMNS + ") SELECT customer_id, 1, 1, journal_ms, next_boundary, "
            + Rows.JOURNEY_COLUMNS + " FROM w WHERE expected = 0"
            + " ON CONFLICT (customer_id, journey_no) DO NOTHING RETURNING customer_id),"
            + " trimmed AS (DELETE FROM siyu_funnel_journey AS j USING (SELECT t.row_id FROM w"
            + " CROSS JOIN LATERAL (SELECT ctid AS row_id FROM siyu_funnel_journey WHERE customer_id = w.customer_id"
            + " AND journey_no > w.journeys OFFSET 0) AS t WHERE w.rewritten"
            + " AND w.customer_id IN (SELECT customer_id FROM cas)) AS d WHERE j.ctid = d.row_id),"
            + " journal AS (INSERT INTO siyu_funnel_event (customer_id, event_id, kind, occurred_ms, amount_fen, tags)"
            + " SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
            + " CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS varchar[])) AS e(customer_id, event_id, kind,"
            + " occurred_ms, amount_fen, tags) WHERE e.customer_id IN (SELECT customer_id FROM cas"
            + " UNION ALL SELECT customer_id FROM created))"
            + " SELECT customer_id FROM cas UNION ALL SELECT customer_id FROM created";

    private PostgresBatches() {
    }

    /** The statement reading the journeys of {@code customerIds}, bound; the caller executes and closes it. */
    static PreparedStatement readCustomers(Connection connection, List<String> customerIds) throws SQLException {
        PreparedStatement select = connection.prepareStatement(READ);
        try {
            select.setObject(1, customerIds.toArray(String[]::new));
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    /** Those of {@code keys} that are in the journal. */
    static Set<EventKey> recorded(Connection connection, List<EventKey> keys) throws SQLException {
        String[] customers = new String[keys.size()];
        String[] events = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            customers[i] = keys.get(i).customerId();
            events[i] = keys.get(i).eventId();
        }
        Set<EventKey> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(RECORDED)) {
            select.setObject(1, customers);
            select.setObject(2, events);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new EventKey(row.getString(1), row.getString(2)));
                }
            }
        }
        return found;
    }

    /**
     * Writes a batch (see {@link #WRITE}): journey 1 of every customer, the journeys after the last of those
     * rewritten from their first ({@code firstChanged} 0), and the events of those written. The journeys after
     * the first that changed are the caller's to write, in the same transaction.
     *
     * @param writes the writes, in customer id order
     * @return the customers whose write applied; the others conflicted and nothing of theirs was stored
     * @throws SQLException when the statement fails (an event recorded meanwhile: SQLSTATE 23505)
     */
    static Set<String> write(Connection connection, List<Write> writes) throws SQLException {
        int n = writes.size();
        // Typed Java arrays: the driver sends them in binary (no text to escape here and parse there).
        Object[][] columns = {new String[n], new Long[n], new Long[n], new String[n], new Integer[n], new Boolean[n],
                new String[n], new String[n], new String[n], new String[n], new Integer[n], new Integer[n],
                new Long[n], new Long[n], new Long[n], new String[n], new String[n], new String[n], new Long[n]};
        List<FunnelEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Write write = writes.get(i);
            Journey journey = write.journeys().get(0);
            columns[0][i] = write.customerId();
            columns[1][i] = write.expectedVersion();
            columns[2][i] = write.journalMillis();
            columns[3][i] = write.journeys().size() == 1 ? date(write.nextBoundary().orElse(null)) : null;
            columns[4][i] = write.journeys().size();
            columns[5][i] = write.expectedVersion() > 0 && write.firstChanged() == 0;
            columns[6][i] = journey.stage().name();
            columns[7][i] = journey.cohortCodes();
            columns[8][i] = journey.groupId();
            columns[9][i] = date(journey.startDate());
            columns[10][i] = journey.stageDay();
            columns[11][i] = journey.purchases();
            columns[12][i] = journey.revenueFen();
            columns[13][i] = millis(journey.firstPurchaseMillis());
            columns[14][i] = millis(journey.firstRepurchaseMillis());
            columns[15][i] = stage(journey.convertedIn());
            columns[16][i] = stage(journey.leftIn());
            columns[17][i] = journey.lastEventId();
            columns[18][i] = millis(journey.lastEventMillis());
            events.addAll(write.appended());
        }
        int m = events.size();
        Object[][] journal = {new String[m], new String[m], new String[m], new Long[m], new Long[m], new String[m]};
        for (int i = 0; i < events.size(); i++) {
            FunnelEvent event = events.get(i);
            journal[0][i] = event.customerId();
            journal[1][i] = event.eventId();
            journal[2][i] = event.kind().name();
            journal[3][i] = event.timestamp().toEpochMilli();
            journal[4][i] = event instanceof FunnelEvent.Purchased purchased ? purchased.amountFen() : null;
            journal[5][i] = Rows.tagsColumn(event);
        }
        try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
            int p = 1;
            for (Object[] column : columns) {
                statement.setObject(p++, column);
            }
            for (Object[] column : journal) {
                statement.setObject(p++, column);
            }
            return customerIds(statement);
        }
    }

    private static Set<String> customerIds(PreparedStatement statement) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                out.add(row.getString(1));
            }
        }
        return out;
    }

    /** A date as ISO text, cast to {@code date} by the statement (exact, whatever the JVM's or server's zone). */
    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Long millis(long millis) {
        return millis == Journey.NONE ? null : millis;
    }

    private static String stage(Stage stage) {
        return stage == null ? null : stage.name();
    }
}
