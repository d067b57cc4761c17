package io.siyu.rules.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads {@code --clock}: an ISO-8601 time with its offset, e.g. {@code 2026-11-23T10:00:00+08:00}. */
final class ClockConverter implements ITypeConverter<Clock> {
    @Override
    public Clock convert(String value) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.trim());
            return Clock.fixed(time.toInstant(), time.getOffset());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time like 2026-11-23T10:00:00+08:00 ("
                    + e.getMessage() + ")");
        }
    }
}
