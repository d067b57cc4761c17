package io.siyu.rules.testkit;

import io.siyu.rules.funnel.Journey;

/**
 * The assertions on a {@link Journey} that {@link RuleAssertions#assertThat(Journey)} gives; they are all in
 * {@link AbstractJourneyAssert}, which is also the class to extend for assertions of your own.
 */
public final class JourneyAssert extends AbstractJourneyAssert<JourneyAssert> {

    JourneyAssert(Journey actual) {
        super(actual, JourneyAssert.class);
    }
}
