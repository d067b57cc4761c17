package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.Journey;

/**
 * The customer's cohort codes are others: {@code Expected customer c1 to have cohort "E" but was "D".} (quoted,
 * since a customer never surveyed has the empty cohort {@code ""}).
 */
public final class ShouldHaveCohort extends JourneyErrorMessageFactory {

    private ShouldHaveCohort(Journey journey, String expected) {
        super(journey, "to have cohort %s but was %s", Words.quoted(expected), Words.quoted(journey.cohortCodes()));
    }

    /**
     * @param journey  the journey, not null
     * @param expected the cohort codes expected
     * @return the message, ending with the journey
     */
    public static JourneyErrorMessageFactory shouldHaveCohort(Journey journey, String expected) {
        return new ShouldHaveCohort(journey, expected);
    }
}
