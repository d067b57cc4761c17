package io.siyu.rules.cases;

import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.internal.i18n.Messages;

/**
 * Reads behaviour signals written as text, the one syntax of a case table's {@code signals} column and of
 * the testkit's {@code TestCustomer.signal(...)} (which reaches it through {@link CaseTable#applySignals}):
 * {@code replied;clickedLink;silentHours=48;touchesToday=3;purchasedBefore}. Items are separated by
 * {@code ;} and trimmed; empty items are skipped. Flags may also be written {@code replied=false}. Stateless.
 */
final class SignalSpec {
    private SignalSpec() {
    }

    /**
     * {@code base} with the signals of {@code spec} applied, left to right (a later item wins).
     *
     * @throws IllegalArgumentException naming the signal that cannot be read and what is expected, in the
     *                                  language of {@code messages}
     */
    static Signals apply(String spec, Signals base, Messages messages) {
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
                case "replied" -> new Signals(flag(item, value, messages), s.silentHours(), s.clickedLink(),
                        s.purchasedBefore(), s.touchesToday());
                case "clickedLink" -> new Signals(s.replied(), s.silentHours(), flag(item, value, messages),
                        s.purchasedBefore(), s.touchesToday());
                case "purchasedBefore" -> new Signals(s.replied(), s.silentHours(), s.clickedLink(),
                        flag(item, value, messages), s.touchesToday());
                case "silentHours" -> new Signals(s.replied(), count(item, value, "silentHours=48", messages),
                        s.clickedLink(), s.purchasedBefore(), s.touchesToday());
                case "touchesToday" -> new Signals(s.replied(), s.silentHours(), s.clickedLink(),
                        s.purchasedBefore(), count(item, value, "touchesToday=3", messages));
                default -> throw new IllegalArgumentException(messages.format("signal.unknown", item));
            };
        }
        return s;
    }

    private static boolean flag(String item, String value, Messages messages) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(messages.format("signal.flag", item));
    }

    private static int count(String item, String value, String example, Messages messages) {
        if (value != null) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // Not a number is the same mistake as a negative one: both get the message below.
            }
        }
        throw new IllegalArgumentException(messages.format("signal.count", item, example));
    }
}
