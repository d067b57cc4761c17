package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

/**
 * The customer left in another stage, or never: {@code Expected customer c1 to have left in SEEDING but was
 * none.}
 */
public final class ShouldHaveLeftIn extends JourneyErrorMessageFactory {

    private ShouldHaveLeftIn(Journey journey, Stage expected) {
        super(journey, "to have left in %s but was %s", expected, orNone(journey.leftIn()));
    }

    /**
     * @param journey  the journey, not null
     * @param expected the stage the customer was expected to leave in
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveLeftIn(Journey journey, Stage expected) {
        return new ShouldHaveLeftIn(journey, expected);
    }
}
