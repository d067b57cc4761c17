package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

import java.time.LocalDate;

/** Day 0 is another date: {@code Expected customer c1 to have started on 2026-11-24 but was 2026-11-23.} */
public final class ShouldHaveStartedOn extends JourneyErrorMessageFactory {

    private ShouldHaveStartedOn(Journey journey, LocalDate expected) {
        super(journey, "to have started on %s but was %s", expected, journey.startDate());
    }

    /**
     * @param journey  the journey, not null
     * @param expected the date of day 0 expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveStartedOn(Journey journey, LocalDate expected) {
        return new ShouldHaveStartedOn(journey, expected);
    }
}
