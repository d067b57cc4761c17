package io.siyu.rules.cli;

import picocli.CommandLine.ITypeConverter;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code --clock}: an ISO-8601 time with its offset, e.g. {@code 2026-11-23T10:00:00+08:00}; the seconds may
 * be left out ({@code 2026-11-23T10:00+08:00}). The offset may not: a time without it is a different moment in
 * every timezone, and quiet hours and the funnel day depend on the moment.
 */
final class ClockConverter implements ITypeConverter<Clock> {
    @Override
    public Clock convert(String value) {
        String text = value.trim();
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return Clock.fixed(time.toInstant(), time.getOffset());
        } catch (DateTimeParseException e) {
            if (isLocalTime(text)) {
                throw new UsageProblem.BadValue("clock.no-offset", value);
            }
            if (e.getCause() instanceof java.time.DateTimeException) {
                // Written right, but the day or time does not exist (2026-02-30, 24:30).
                throw new UsageProblem.BadValue("clock.no-such-time", value);
            }
            throw new UsageProblem.BadValue("clock.invalid", value);
        }
    }

    private static boolean isLocalTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notLocal) {
            return false;
        }
    }
}
