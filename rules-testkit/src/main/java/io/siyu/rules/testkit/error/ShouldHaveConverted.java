package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The customer never bought: {@code Expected customer c3 to have bought, but it has no purchase.} */
public final class ShouldHaveConverted extends JourneyErrorMessageFactory {

    private ShouldHaveConverted(Journey journey) {
        super(journey, "to have bought, but it has no purchase");
    }

    /**
     * @param journey the journey, not null, without a purchase
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveConverted(Journey journey) {
        return new ShouldHaveConverted(journey);
    }
}
