package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The customer bought: {@code Expected customer c1 not to have bought, but it first bought in SEEDING.} */
public final class ShouldNotHaveConverted extends JourneyErrorMessageFactory {

    private ShouldNotHaveConverted(Journey journey) {
        super(journey, "not to have bought, but it first bought in %s", journey.convertedIn());
    }

    /**
     * @param journey the journey, not null, of a buyer
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldNotHaveConverted(Journey journey) {
        return new ShouldNotHaveConverted(journey);
    }
}
