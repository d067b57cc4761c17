package io.siyu.rules.testkit;

import io.siyu.rules.decision.Customer.Signals;

/**
 * Reads behaviour signals written as text, the same way in a case table and in {@link TestCustomer}:
 * {@code replied;clickedLink;silentHours=48;touchesToday=3;purchasedBefore}. Flags may also be written
 * {@code replied=false}.
 */
final class SignalSpec {
    /** What a signal may be, for error messages. */
    static final String EXPECTED = "replied, clickedLink, purchasedBefore, silentHours=N or touchesToday=N";

    private SignalSpec() {
    }

    /**
     * {@code base} with the signals of {@code spec} applied, left to right.
     *
     * @throws IllegalArgumentException naming the signal that cannot be read and what is expected
     */
    static Signals apply(String spec, Signals base) {
        Signals s = base;
        for (String raw : spec.split(";", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).strip();
            String value = eq < 0 ? null : item.substring(eq + 1).strip();
            s = switch (name) {
                case "replied" -> new Signals(flag(item, value), s.silentHours(), s.clickedLink(),
                        s.purchasedBefore(), s.touchesToday());
                case "clickedLink" -> new Signals(s.replied(), s.silentHours(), flag(item, value),
                        s.purchasedBefore(), s.touchesToday());
                case "purchasedBefore" -> new Signals(s.replied(), s.silentHours(), s.clickedLink(),
                        flag(item, value), s.touchesToday());
                case "silentHours" -> new Signals(s.replied(), count(item, value), s.clickedLink(),
                        s.purchasedBefore(), s.touchesToday());
                case "touchesToday" -> new Signals(s.replied(), s.silentHours(), s.clickedLink(),
                        s.purchasedBefore(), count(item, value));
                default -> throw new IllegalArgumentException("unknown signal \"" + item + "\" (expected " + EXPECTED
                        + ")");
            };
        }
        return s;
    }

    private static boolean flag(String item, String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("signal \"" + item + "\" must be true or false");
    }

    private static int count(String item, String value) {
        if (value != null) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        throw new IllegalArgumentException("signal \"" + item + "\" needs a whole number of 0 or more, e.g. "
                + (item.startsWith("silent") ? "silentHours=48" : "touchesToday=3"));
    }
}
