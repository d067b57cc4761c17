package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The customer is in a group: {@code Expected customer c1 not to be in a group, but it is in D-2026-11-23-1.} */
public final class ShouldNotBeGrouped extends JourneyErrorMessageFactory {

    private ShouldNotBeGrouped(Journey journey) {
        super(journey, "not to be in a group, but it is in %s", journey.groupId());
    }

    /**
     * @param journey the journey, not null, in a group
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldNotBeGrouped(Journey journey) {
        return new ShouldNotBeGrouped(journey);
    }
}
