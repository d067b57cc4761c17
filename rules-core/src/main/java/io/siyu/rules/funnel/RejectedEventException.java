package io.siyu.rules.funnel;

import java.util.Objects;

/**
 * An event that the funnel does not allow in the journey's current stage (for example a purchase
 * before the customer was added, or a survey after the one-to-one day). The journey is left unchanged.
 */
public final class RejectedEventException extends FunnelException {
    private static final long serialVersionUID = 1L;

    private final String customerId;
    private final Stage stage;
    private final FunnelEvent.Kind eventKind;
    private final String eventId;

    RejectedEventException(String customerId, Stage stage, FunnelEvent event) {
        super("funnel.event-rejected", customerId, stage, event.kind(), event.eventId());
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.stage = stage;
        this.eventKind = event.kind();
        this.eventId = event.eventId();
    }

    /** The customer whose journey rejected the event. */
    public String customerId() {
        return customerId;
    }

    /** The stage the journey was in. */
    public Stage stage() {
        return stage;
    }

    /** The kind of the rejected event. */
    public FunnelEvent.Kind eventKind() {
        return eventKind;
    }

    /** The id of the rejected event. */
    public String eventId() {
        return eventId;
    }
}
