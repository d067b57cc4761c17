package io.siyu.rules.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How journeys, events and tag sets map to columns. Stateless apart from a thread-safe JSON mapper. */
final class Rows {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() { };

    /** The journey columns, in the order {@link #bindJourney} binds them after the key. */
    static final String JOURNEY_COLUMNS = "stage, cohort_codes, group_id, start_date, stage_day, purchases, "
            + "revenue_fen, first_purchase_ms, first_repurchase_ms, converted_in, left_in, last_event_id, last_event_ms";
    static final int JOURNEY_COLUMN_COUNT = 13;

    private Rows() {
    }

    static String tagsJson(TagSet tags) {
        try {
            return JSON.writeValueAsString(tags.tags());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tags as JSON", e);
        }
    }

    static TagSet tags(String json) {
        try {
            return TagSet.of(JSON.readValue(json, TAGS));
        } catch (JsonProcessingException e) {
            throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e, "reading stored tags",
                    "not a JSON list of tags: " + json);
        }
    }

    /** What a send stores besides its key and moment. */
    private record SentDetail(String decisionId, String scriptId, String variant) {
    }

    static String sentJson(FunnelEvent.Sent sent) {
        try {
            return JSON.writeValueAsString(new SentDetail(sent.decisionId(), sent.scriptId(), sent.variant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a send as JSON", e);
        }
    }

    static FunnelEvent.Sent sent(String id, String customer, Instant at, String json) {
        try {
            SentDetail detail = JSON.readValue(json, SentDetail.class);
            return new FunnelEvent.Sent(id, customer, at, detail.decisionId(), detail.scriptId(), detail.variant());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new FunnelStoreException(FunnelStoreException.Reason.FAILED, e, "reading a stored send",
                    "not a send's decision, script and variant: " + json);
        }
    }

    /** Binds the journey columns from {@code index} on; returns the next index. */
    static int bindJourney(PreparedStatement statement, int index, Journey journey) throws SQLException {
        int i = index;
        statement.setString(i++, journey.stage().name());
        statement.setString(i++, journey.cohortCodes());
        statement.setString(i++, journey.groupId());
        setDate(statement, i++, journey.startDate());
        statement.setInt(i++, journey.stageDay());
        statement.setInt(i++, journey.purchases());
        statement.setLong(i++, journey.revenueFen());
        setMillis(statement, i++, journey.firstPurchaseMillis());
        setMillis(statement, i++, journey.firstRepurchaseMillis());
        setStage(statement, i++, journey.convertedIn());
        setStage(statement, i++, journey.leftIn());
        statement.setString(i++, journey.lastEventId());
        setMillis(statement, i++, journey.lastEventMillis());
        return i;
    }

    /** A journey from the current row, its cohort's tags given. */
    static Journey journey(ResultSet row, TagSet cohort) throws SQLException {
        return new Journey(row.getString("customer_id"), Stage.valueOf(row.getString("stage")), cohort,
                row.getString("group_id"), date(row, "start_date"), row.getInt("stage_day"), row.getInt("purchases"),
                row.getLong("revenue_fen"), millis(row, "first_purchase_ms"), millis(row, "first_repurchase_ms"),
                stage(row, "converted_in"), stage(row, "left_in"), row.getString("last_event_id"),
                millis(row, "last_event_ms"));
    }

    /** Binds customer_id, event_id, kind, occurred_ms, amount_fen, tags. */
    static void bindEvent(PreparedStatement statement, FunnelEvent event) throws SQLException {
        statement.setString(1, event.customerId());
        statement.setString(2, event.eventId());
        statement.setString(3, event.kind().name());
        statement.setLong(4, event.timestamp().toEpochMilli());
        if (event instanceof FunnelEvent.Purchased purchased) {
            statement.setLong(5, purchased.amountFen());
        } else {
            statement.setNull(5, Types.BIGINT);
        }
        if (event instanceof FunnelEvent.Surveyed surveyed) {
            statement.setString(6, tagsJson(surveyed.tags()));
        } else if (event instanceof FunnelEvent.Sent sent) {
            // A send's decision, script and variant go in the JSON column of survey tags: the journal needs no column
            // of its own for the one event kind that has them.
            statement.setString(6, sentJson(sent));
        } else {
            statement.setNull(6, Types.VARCHAR);
        }
    }

    static FunnelEvent event(ResultSet row) throws SQLException {
        String customer = row.getString("customer_id");
        String id = row.getString("event_id");
        Instant at = Instant.ofEpochMilli(row.getLong("occurred_ms"));
        return switch (FunnelEvent.Kind.valueOf(row.getString("kind"))) {
            case ADDED -> new FunnelEvent.Added(id, customer, at);
            case SURVEYED -> new FunnelEvent.Surveyed(id, customer, at, tags(row.getString("tags")));
            case MESSAGE_RECEIVED -> new FunnelEvent.MessageReceived(id, customer, at);
            case PURCHASED -> new FunnelEvent.Purchased(id, customer, at, row.getLong("amount_fen"));
            case LEFT_GROUP -> new FunnelEvent.LeftGroup(id, customer, at);
            case OPTED_OUT -> new FunnelEvent.OptedOut(id, customer, at);
            case BLOCKED -> new FunnelEvent.Blocked(id, customer, at);
            case SENT -> sent(id, customer, at, row.getString("tags"));
        };
    }

    static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            // java.sql.Date.valueOf(LocalDate) keeps the calendar date whatever the JVM's timezone.
            statement.setDate(index, Date.valueOf(date));
        }
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static void setMillis(PreparedStatement statement, int index, long millis) throws SQLException {
        if (millis == Journey.NONE) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, millis);
        }
    }

    static long millis(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Journey.NONE : value;
    }

    private static void setStage(PreparedStatement statement, int index, Stage stage) throws SQLException {
        if (stage == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, stage.name());
        }
    }

    private static Stage stage(ResultSet row, String column) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Stage.valueOf(name);
    }
}
