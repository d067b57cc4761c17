package io.siyu.rules.decision;

/**
 * What the CRM observed of a customer's behaviour, as plain values a rule can test.
 *
 * @param replied         the customer replied to the last message
 * @param silentHours     hours since the customer's last message (0 when unknown or just now)
 * @param clickedLink     the customer opened a link we sent
 * @param purchasedBefore the customer has bought from the brand before
 * @param touchesToday    how many messages the brand has already sent this customer today
 *                        (for the daily frequency cap)
 */
public record Signals(boolean replied, int silentHours, boolean clickedLink, boolean purchasedBefore,
                      int touchesToday) {

    /** No signals: a customer we know nothing about yet. */
    public static final Signals NONE = new Signals(false, 0, false, false, 0);

    public Signals {
        if (silentHours < 0) {
            throw new IllegalArgumentException("silentHours must be >= 0, got " + silentHours);
        }
        if (touchesToday < 0) {
            throw new IllegalArgumentException("touchesToday must be >= 0, got " + touchesToday);
        }
    }
}
