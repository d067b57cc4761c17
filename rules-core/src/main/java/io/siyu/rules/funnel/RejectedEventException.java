package io.siyu.rules.funnel;

import java.util.Objects;

/**
 * An event that the funnel does not allow in the journey's current stage (for example a purchase
 * before the customer was added, or a survey after the one-to-one day). The journey is left unchanged.
 * Its key is {@code funnel.event-rejected}. Not changed after it is made; safe to hand to another thread.
 */
public final class RejectedEventException extends FunnelException {
    private static final long serialVersionUID = 1L;

    /** The customer whose journey rejected the event. */
    private final String customerId;
    /** The stage the journey was in. */
    private final Stage stage;
    /** The kind of the rejected event. */
    private final FunnelEvent.Kind eventKind;
    /** The id of the rejected event. */
    private final String eventId;

    RejectedEventException(String customerId, Stage stage, FunnelEvent event) {
        super("funnel.event-rejected", customerId, stage, event.kind(), event.eventId());
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.stage = stage;
        this.eventKind = event.kind();
        this.eventId = event.eventId();
    }

    /**
     * The customer whose journey rejected the event.
     *
     * @return the customer id
     */
    public String customerId() {
        return customerId;
    }

    /**
     * The stage the journey was in, once brought to the event's date.
     *
     * @return the stage
     */
    public Stage stage() {
        return stage;
    }

    /**
     * The kind of the rejected event.
     *
     * @return the kind
     */
    public FunnelEvent.Kind eventKind() {
        return eventKind;
    }

    /**
     * The id of the rejected event.
     *
     * @return the event id
     */
    public String eventId() {
        return eventId;
    }
}
