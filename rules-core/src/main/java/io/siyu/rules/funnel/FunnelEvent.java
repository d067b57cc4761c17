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
 * record ({@code "Added"}, {@code "Purchased"}, ...) and ISO-8601 timestamps ({@link FunnelJson}).
 *
 * <p>Every event is an immutable, thread-safe record; the interface is sealed: these eight kinds are all.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FunnelEvent.Added.class, name = "Added"),
        @JsonSubTypes.Type(value = FunnelEvent.Surveyed.class, name = "Surveyed"),
        @JsonSubTypes.Type(value = FunnelEvent.MessageReceived.class, name = "MessageReceived"),
        @JsonSubTypes.Type(value = FunnelEvent.Purchased.class, name = "Purchased"),
        @JsonSubTypes.Type(value = FunnelEvent.LeftGroup.class, name = "LeftGroup"),
        @JsonSubTypes.Type(value = FunnelEvent.OptedOut.class, name = "OptedOut"),
        @JsonSubTypes.Type(value = FunnelEvent.Blocked.class, name = "Blocked"),
        @JsonSubTypes.Type(value = FunnelEvent.Sent.class, name = "Sent")
})
public sealed interface FunnelEvent {

    /** The kind of an event: the column of the transition table in the funnel's state machine. */
    enum Kind {
        /** {@link Added}. */
        ADDED,
        /** {@link Surveyed}. */
        SURVEYED,
        /** {@link MessageReceived}. */
        MESSAGE_RECEIVED,
        /** {@link Purchased}. */
        PURCHASED,
        /** {@link LeftGroup}. */
        LEFT_GROUP,
        /** {@link OptedOut}. */
        OPTED_OUT,
        /** {@link Blocked}. */
        BLOCKED,
        /** {@link Sent} (last: the order of the kinds before it, and so {@code Funnel.TIME_ORDER}, is kept). */
        SENT
    }

    /**
     * The event's id, unique among the events of its customer.
     *
     * @return the id
     */
    String eventId();

    /**
     * The customer the event is about.
     *
     * @return the customer id
     */
    String customerId();

    /**
     * When it happened; the funnel takes its date in the funnel's timezone.
     *
     * @return the moment (the funnel compares moments at millisecond precision)
     */
    Instant timestamp();

    /**
     * Which kind of event this is.
     *
     * @return the kind
     */
    Kind kind();

    private static void check(String eventId, String customerId, Instant timestamp) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The customer added the brand's service account: the funnel starts (day 0).
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     */
    record Added(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @throws NullPointerException when an argument is null
         */
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
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     * @param tags       all of the customer's codebook tags
     */
    record Surveyed(String eventId, String customerId, Instant timestamp, TagSet tags) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @param tags       the customer's tags
         * @throws NullPointerException when an argument is null
         */
        public Surveyed {
            check(eventId, customerId, timestamp);
            Objects.requireNonNull(tags, "tags");
        }

        @Override
        public Kind kind() {
            return Kind.SURVEYED;
        }
    }

    /**
     * The customer sent a message (its text stays in the CRM: it is personal data).
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     */
    record MessageReceived(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @throws NullPointerException when an argument is null
         */
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
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     * @param amountFen  the order value in fen (1/100 yuan), from 0 to {@link #MAX_AMOUNT_FEN}
     */
    record Purchased(String eventId, String customerId, Instant timestamp, long amountFen) implements FunnelEvent {
        /**
         * The largest order value, in fen: ¥10,000,000,000. A larger one is a unit or a data mistake, and far from
         * it no sum of orders can pass what a journey's revenue holds ({@link Long#MAX_VALUE} fen).
         */
        public static final long MAX_AMOUNT_FEN = 1_000_000_000_000L;

        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @param amountFen  the order value in fen
         * @throws NullPointerException when an argument is null
         * @throws IllegalArgumentException when {@code amountFen} is negative or over {@link #MAX_AMOUNT_FEN}
         */
        public Purchased {
            check(eventId, customerId, timestamp);
            if (amountFen < 0 || amountFen > MAX_AMOUNT_FEN) {
                throw new IllegalArgumentException("amountFen must be from 0 to " + MAX_AMOUNT_FEN + ", got "
                        + amountFen);
            }
        }

        @Override
        public Kind kind() {
            return Kind.PURCHASED;
        }
    }

    /**
     * The customer left the cohort group.
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     */
    record LeftGroup(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @throws NullPointerException when an argument is null
         */
        public LeftGroup {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.LEFT_GROUP;
        }
    }

    /**
     * The customer asked to receive no more marketing.
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     */
    record OptedOut(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @throws NullPointerException when an argument is null
         */
        public OptedOut {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.OPTED_OUT;
        }
    }

    /**
     * The customer blocked or deleted the service account.
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when it happened
     */
    record Blocked(String eventId, String customerId, Instant timestamp) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it happened
         * @throws NullPointerException when an argument is null
         */
        public Blocked {
            check(eventId, customerId, timestamp);
        }

        @Override
        public Kind kind() {
            return Kind.BLOCKED;
        }
    }

    /**
     * The host sent the customer a script that a decision chose: what a purchase is attributed to (the last
     * send within the pack's attribution window, {@code "attribution": {"windowDays": 7}} in {@code pack.json}).
     * Record it when the message actually goes out, not when the decision is made; it changes no stage.
     *
     * @param eventId    the event's id, unique among the customer's events
     * @param customerId the customer
     * @param timestamp  when the message was sent
     * @param decisionId the id of the decision that chose it ({@code Decision.id()})
     * @param scriptId   the script sent
     * @param variant    the A/B variant sent, or {@code ""} when the script has none (JSON: {@code null} or absent)
     */
    record Sent(String eventId, String customerId, Instant timestamp, String decisionId, String scriptId,
                String variant) implements FunnelEvent {
        /**
         * Makes the event.
         *
         * @param eventId    the event's id
         * @param customerId the customer
         * @param timestamp  when it was sent
         * @param decisionId the deciding decision's id
         * @param scriptId   the script id, not blank
         * @param variant    the variant id, or {@code ""}; null is taken as {@code ""}
         * @throws NullPointerException     when an argument but {@code variant} is null
         * @throws IllegalArgumentException when {@code scriptId} is blank
         */
        public Sent {
            check(eventId, customerId, timestamp);
            Objects.requireNonNull(decisionId, "decisionId");
            Objects.requireNonNull(scriptId, "scriptId");
            if (scriptId.isBlank()) {
                throw new IllegalArgumentException("a send names the script sent");
            }
            variant = variant == null ? "" : variant;
        }

        @Override
        public Kind kind() {
            return Kind.SENT;
        }
    }
}
