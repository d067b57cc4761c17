package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;

/**
 * The assertions on a {@link Decision} that {@link RuleAssertions#assertThat(Decision)} gives; they are all in
 * {@link AbstractDecisionAssert}, which is also the class to extend for assertions of your own.
 */
public final class DecisionAssert extends AbstractDecisionAssert<DecisionAssert> {

    DecisionAssert(Decision actual) {
        super(actual, DecisionAssert.class);
    }
}
