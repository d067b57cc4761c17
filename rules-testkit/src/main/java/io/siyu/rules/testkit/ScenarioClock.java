package io.siyu.rules.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fake clock of one {@link FunnelScenario}: it stands still until the scenario sets it. Clocks made by
 * {@link #withZone} share the same moment. Thread-safe; never shared between scenarios.
 */
final class ScenarioClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    ScenarioClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private ScenarioClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Moves the clock to {@code instant}. */
    void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ScenarioClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "ScenarioClock[" + now.get() + ", " + zone + "]";
    }
}
