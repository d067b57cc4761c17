package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

import java.util.List;

/**
 * Several expectations on one decision failed at once — a row of a case table: the given lines (typically a
 * heading and the {@link DecisionErrorMessageFactory#summary() summaries} of the mismatches), one per line, then
 * the decision's explanation once.
 */
public final class ShouldMeetExpectations extends DecisionErrorMessageFactory {

    private ShouldMeetExpectations(Decision decision, List<String> lines) {
        super(decision, "%s", String.join("\n", lines));
    }

    /**
     * @param decision the decision, not null
     * @param lines    what to say before the explanation, one line each
     * @return the message, ending with the decision's explanation
     */
    public static DecisionErrorMessageFactory shouldMeetExpectations(Decision decision, List<String> lines) {
        return new ShouldMeetExpectations(decision, lines);
    }
}
