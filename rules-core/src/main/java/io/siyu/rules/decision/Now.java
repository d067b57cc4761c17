package io.siyu.rules.decision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The moment of the decision in the pack's timezone, from the pack's injected {@link java.time.Clock},
 * as a fact: {@code Now( quietHours )}, {@code Now( hour >= 20 )}, {@code Now( weekend )}. Immutable.
 */
public final class Now {
    private final ZonedDateTime time;
    private final boolean quietHours;

    /**
     * The moment of a decision.
     *
     * @param time       the date and time in the pack's timezone; not null
     * @param quietHours whether the pack's contact policy is in its quiet hours then
     */
    public Now(ZonedDateTime time, boolean quietHours) {
        this.time = Objects.requireNonNull(time, "time");
        this.quietHours = quietHours;
    }

    /** The date and time in the pack's timezone. */
    public ZonedDateTime getTime() {
        return time;
    }

    /** The local date. */
    public LocalDate getDate() {
        return time.toLocalDate();
    }

    /** The local time of day. */
    public LocalTime getTimeOfDay() {
        return time.toLocalTime();
    }

    /** The hour, 0–23. */
    public int getHour() {
        return time.getHour();
    }

    /** The minute, 0–59. */
    public int getMinute() {
        return time.getMinute();
    }

    /** The day of the week. */
    public DayOfWeek getDayOfWeek() {
        return time.getDayOfWeek();
    }

    /** Whether it is Saturday or Sunday. */
    public boolean isWeekend() {
        DayOfWeek d = time.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Whether now is inside the quiet hours of {@code pack.json} (no messages to customers). */
    public boolean isQuietHours() {
        return quietHours;
    }

    @Override
    public String toString() {
        return "Now[" + time + (quietHours ? ", quiet hours" : "") + "]";
    }
}
