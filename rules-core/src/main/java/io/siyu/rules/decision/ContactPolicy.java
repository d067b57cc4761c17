package io.siyu.rules.decision;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The contact limits of {@code pack.json}, as a fact for policy rules (immutable and thread-safe):
 * <pre>{@code
 * rule "daily frequency cap"  ruleflow-group "policy"
 * when  ContactPolicy( $cap : dailyCap )  Customer( touchesToday >= $cap )
 * then  policy.vetoMessages("already contacted " + $cap + " times today");
 * end
 * }</pre>
 *
 * @param dailyCap   the most messages a customer may get from the brand in one day
 * @param quietFrom  the start of the quiet hours (no messages), local time
 * @param quietUntil the end of the quiet hours, exclusive; before {@code quietFrom} when they span midnight,
 *                   equal to it for no quiet hours
 */
public record ContactPolicy(int dailyCap, LocalTime quietFrom, LocalTime quietUntil) {

    /** The defaults: 3 messages a day, quiet from 22:00 to 08:00. */
    public static final ContactPolicy DEFAULT = new ContactPolicy(3, LocalTime.of(22, 0), LocalTime.of(8, 0));

    /**
     * A contact policy.
     *
     * @param dailyCap   the most messages a day, 0 or more
     * @param quietFrom  the start of the quiet hours, inclusive
     * @param quietUntil the end of the quiet hours, exclusive
     * @throws NullPointerException     when {@code quietFrom} or {@code quietUntil} is null
     * @throws IllegalArgumentException when {@code dailyCap} is negative
     */
    public ContactPolicy {
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        if (dailyCap < 0) {
            throw new IllegalArgumentException("dailyCap must be >= 0, got " + dailyCap);
        }
    }

    /**
     * The daily cap, as a bean property for rule files: {@code ContactPolicy( $cap : dailyCap )}.
     *
     * @return {@link #dailyCap()}
     */
    public int getDailyCap() {
        return dailyCap;
    }

    /**
     * Whether a local time falls inside the quiet hours, {@code quietFrom} inclusive to {@code quietUntil}
     * exclusive, across midnight when {@code quietUntil} is before {@code quietFrom}. Never when the two
     * are equal.
     *
     * @param time a time of day in the pack's timezone
     * @return whether it is quiet then
     * @throws NullPointerException when {@code time} is null
     */
    public boolean isQuiet(LocalTime time) {
        // Checked first: with no quiet hours the answer does not depend on time, and would hide a null.
        Objects.requireNonNull(time, "time");
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
