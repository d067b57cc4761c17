package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

/**
 * The first purchase was made in another stage, or never: {@code Expected customer c1 to have first bought in
 * ONE_TO_ONE but was SEEDING.} / {@code ... but was none.}
 */
public final class ShouldHaveConvertedIn extends JourneyErrorMessageFactory {

    private ShouldHaveConvertedIn(Journey journey, Stage expected) {
        super(journey, "to have first bought in %s but was %s", expected, orNone(journey.convertedIn()));
    }

    /**
     * @param journey  the journey, not null
     * @param expected the stage of the first purchase expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveConvertedIn(Journey journey, Stage expected) {
        return new ShouldHaveConvertedIn(journey, expected);
    }
}
