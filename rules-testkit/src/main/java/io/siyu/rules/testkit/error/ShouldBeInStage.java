package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;

/** The journey is in another stage: {@code Expected customer c1 to be in stage SEEDING but was CONVERTED.} */
public final class ShouldBeInStage extends JourneyErrorMessageFactory {

    private ShouldBeInStage(Journey journey, Stage expected) {
        super(journey, "to be in stage %s but was %s", expected, journey.stage());
    }

    /**
     * @param journey  the journey, not null
     * @param expected the stage expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldBeInStage(Journey journey, Stage expected) {
        return new ShouldBeInStage(journey, expected);
    }
}
