package io.siyu.rules.decision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The moment of the decision in the pack's timezone, from the pack's injected {@link java.time.Clock},
 * as a fact: {@code Now( quietHours )}, {@code Now( hour >= 20 )}, {@code Now( weekend )}. Immutable and
 * thread-safe.
 */
public final class Now {
    private final ZonedDateTime time;
    private final boolean quietHours;

    /**
     * The moment of a decision.
     *
     * @param time       the date and time in the pack's timezone
     * @param quietHours whether the pack's contact policy is in its quiet hours then (not checked against
     *                   {@code time})
     * @throws NullPointerException when {@code time} is null
     */
    public Now(ZonedDateTime time, boolean quietHours) {
        this.time = Objects.requireNonNull(time, "time");
        this.quietHours = quietHours;
    }

    /**
     * The date and time.
     *
     * @return the moment in the pack's timezone
     */
    public ZonedDateTime getTime() {
        return time;
    }

    /**
     * The local date.
     *
     * @return the date in the pack's timezone
     */
    public LocalDate getDate() {
        return time.toLocalDate();
    }

    /**
     * The local time of day.
     *
     * @return the time of day in the pack's timezone
     */
    public LocalTime getTimeOfDay() {
        return time.toLocalTime();
    }

    /**
     * The hour.
     *
     * @return the hour of day in the pack's timezone, 0–23
     */
    public int getHour() {
        return time.getHour();
    }

    /**
     * The minute.
     *
     * @return the minute of the hour, 0–59
     */
    public int getMinute() {
        return time.getMinute();
    }

    /**
     * The day of the week.
     *
     * @return the day of the week in the pack's timezone
     */
    public DayOfWeek getDayOfWeek() {
        return time.getDayOfWeek();
    }

    /**
     * Whether it is the weekend.
     *
     * @return whether it is Saturday or Sunday in the pack's timezone
     */
    public boolean isWeekend() {
        DayOfWeek d = time.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /**
     * Whether now is inside the quiet hours of {@code pack.json} (no messages to customers).
     *
     * @return the {@code quietHours} given at construction
     */
    public boolean isQuietHours() {
        return quietHours;
    }

    /**
     * A short form for logs.
     *
     * @return e.g. {@code Now[2026-11-23T23:30+08:00[Asia/Shanghai], quiet hours]}
     */
    @Override
    public String toString() {
        return "Now[" + time + (quietHours ? ", quiet hours" : "") + "]";
    }
}
