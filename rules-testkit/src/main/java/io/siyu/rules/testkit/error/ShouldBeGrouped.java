package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The customer is in no group: {@code Expected customer c3 to be in a group, but it is in no group.} */
public final class ShouldBeGrouped extends JourneyErrorMessageFactory {

    private ShouldBeGrouped(Journey journey) {
        super(journey, "to be in a group, but it is in no group");
    }

    /**
     * @param journey the journey, not null, in no group
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldBeGrouped(Journey journey) {
        return new ShouldBeGrouped(journey);
    }
}
