package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/** Another number of purchases was recorded: {@code Expected customer c1 to have 2 purchases but was 1.} */
public final class ShouldHavePurchases extends JourneyErrorMessageFactory {

    private ShouldHavePurchases(Journey journey, int expected) {
        super(journey, "to have %s %s but was %s", expected, expected == 1 ? "purchase" : "purchases",
                journey.purchases());
    }

    /**
     * @param journey  the journey, not null
     * @param expected the number of purchases expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHavePurchases(Journey journey, int expected) {
        return new ShouldHavePurchases(journey, expected);
    }
}
