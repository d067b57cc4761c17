package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The journey is on another funnel day: {@code Expected customer c1 to be on day 5 but was 4.} */
public final class ShouldBeOnDay extends JourneyErrorMessageFactory {

    private ShouldBeOnDay(Journey journey, int expected, int day) {
        super(journey, "to be on day %s but was %s", expected, day);
    }

    /**
     * @param journey  the journey, not null
     * @param expected the day expected
     * @param day      the journey's day on the date looked at (it depends on the date for a journey in progress)
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldBeOnDay(Journey journey, int expected, int day) {
        return new ShouldBeOnDay(journey, expected, day);
    }
}
