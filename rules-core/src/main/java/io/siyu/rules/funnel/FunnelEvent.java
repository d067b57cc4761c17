package io.siyu.rules.funnel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.siyu.rules.codebook.TagSet;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to one customer, as the host CRM reports it. Every event has an id
 * (unique per customer, used to ignore duplicates), the customer id and the moment it happened.
 *
 * <p>Events of one customer must be recorded in the order they happened; see {@link Journey} for the
 * exact duplicate rule. In JSON an event is an object with a {@code "type"} property naming its
 * record ({@code "Added"}, {@code "Purchased"}, ...) and ISO-8601 timestamps.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FunnelEvent.Added.class, name = "Added"),
        @JsonSubTypes.Type(value = FunnelEvent.Surveyed.class, name = "Surveyed"),
        @JsonSubTypes.Type(value = FunnelEvent.MessageReceived.class, name = "MessageReceived"),
        @JsonSubTypes.Type(value = FunnelEvent.Purchased.class, name = "Purchased"),
        @JsonSubTypes.Type(value = FunnelEvent.LeftGroup.class, name = "LeftGroup"),
        @JsonSubTypes.Type(value = FunnelEvent.OptedOut.class, name = "OptedOut"),
        @JsonSubTypes.Type(value = FunnelEvent.Blocked.class, name = "Blocked")
})
public sealed interface FunnelEvent {

    /** The kind of an event: the column of the transition table in the funnel's state machine. */
    enum Kind {
        ADDED, SURVEYED, MESSAGE_RECEIVED, PURCHASED, LEFT_GROUP, OPTED_OUT, BLOCKED
    }

    /** The event's id, unique among the events of its customer. */
    String eventId();

    /** The customer the event is about. */
    String customerId();

    /** When it happened. */
    Instant timestamp();

    /** Which kind of event this is. */
    Kind kind();

    private static void check(String eventId, String customerId, Instant timestamp) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The customer added the brand's service account: the funnel starts (day 0). */
    record Added(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        public Added {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.ADDED;
        }
    }

    /**
     * The customer filled in the survey; {@code tags} are all of their codebook tags, of which the
     * funnel keeps those of its cohort questions.
     */
    record Surveyed(String eventId, String customerId, Instant timestamp, TagSet tags) implements FunnelEvent {
        public Surveyed {
            check(eventId, customerId, timestamp);
            Objects.requireNonNull(tags, "tags");
        }

        @Override
        public Kind kind() {
            return Kind.SURVEYED;
        }
    }

    /** The customer sent a message (its text stays in the CRM: it is personal data). */
    record MessageReceived(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        public MessageReceived {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.MESSAGE_RECEIVED;
        }
    }

    /**
     * The customer bought; {@code amountFen} is the order value in the smallest currency unit
     * (fen for yuan), never negative.
     */
    record Purchased(String eventId, String customerId, Instant timestamp, long amountFen) implements FunnelEvent {
        public Purchased {
            check(eventId, customerId, timestamp);
            if (amountFen < 0) {
                throw new IllegalArgumentException("amountFen must not be negative, got " + amountFen);
            }
        }

        @Override
        public Kind kind() {
            return Kind.PURCHASED;
        }
    }

    /** The customer left the cohort group. */
    record LeftGroup(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        public LeftGroup {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.LEFT_GROUP;
        }
    }

    /** The customer asked to receive no more marketing. */
    record OptedOut(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        public OptedOut {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.OPTED_OUT;
        }
    }

    /** The customer blocked or deleted the service account. */
    record Blocked(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        public Blocked {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.BLOCKED;
        }
    }
}
