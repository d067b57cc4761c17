package io.siyu.rules.decision;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The contact limits of {@code pack.json}, as a fact for policy rules:
 * <pre>{@code
 * rule "daily frequency cap"  ruleflow-group "policy"
 * when  ContactPolicy( $cap : dailyCap )  Customer( touchesToday >= $cap )
 * then  policy.vetoMessages("already contacted " + $cap + " times today");
 * end
 * }</pre>
 *
 * @param dailyCap   the most messages a customer may get from the brand in one day
 * @param quietFrom  the start of the quiet hours (no messages), local time
 * @param quietUntil the end of the quiet hours; before {@code quietFrom} when they span midnight
 */
public record ContactPolicy(int dailyCap, LocalTime quietFrom, LocalTime quietUntil) {

    /** The defaults: 3 messages a day, quiet from 22:00 to 08:00. */
    public static final ContactPolicy DEFAULT = new ContactPolicy(3, LocalTime.of(22, 0), LocalTime.of(8, 0));

    public ContactPolicy {
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (dailyCap < 0) {
            throw new IllegalArgumentException("dailyCap must be >= 0, got " + dailyCap);
        }
    }

    /** The daily cap (bean-style accessor for rule files). */
    public int getDailyCap() {
        return dailyCap;
    }

    /** Whether a local time falls inside the quiet hours (which may span midnight). */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
