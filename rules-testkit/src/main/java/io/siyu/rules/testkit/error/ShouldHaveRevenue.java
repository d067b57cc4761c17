package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** The purchases add up to another sum: {@code Expected customer c1 to have revenue 100 fen but was 29900 fen.} */
public final class ShouldHaveRevenue extends JourneyErrorMessageFactory {

    private ShouldHaveRevenue(Journey journey, long expectedFen) {
        super(journey, "to have revenue %s fen but was %s fen", expectedFen, journey.revenueFen());
    }

    /**
     * @param journey     the journey, not null
     * @param expectedFen the sum expected, in fen (¥1 = 100 fen)
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveRevenue(Journey journey, long expectedFen) {
        return new ShouldHaveRevenue(journey, expectedFen);
    }
}
