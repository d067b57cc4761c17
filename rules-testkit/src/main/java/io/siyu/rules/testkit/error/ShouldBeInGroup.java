package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/**
 * The customer is in another group, or none: {@code Expected customer c1 to be in group D-2026-11-23-2 but was
 * D-2026-11-23-1.} / {@code ... but was in no group.}
 */
public final class ShouldBeInGroup extends JourneyErrorMessageFactory {

    private ShouldBeInGroup(Journey journey, String expected) {
        super(journey, "to be in group %s but was %s", expected, group(journey));
    }

    /**
     * @param journey  the journey, not null
     * @param expected the group id expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldBeInGroup(Journey journey, String expected) {
        return new ShouldBeInGroup(journey, expected);
    }
}
