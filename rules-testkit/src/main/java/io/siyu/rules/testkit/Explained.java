package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;

import java.util.List;

import static io.siyu.rules.testkit.error.ShouldMeetExpectations.shouldMeetExpectations;

/** The message of a case-table row whose decision differs from what the row expects. */
final class Explained {
    private Explained() {
    }

    /** Several mismatches, one per line, then a blank line, {@code Why:} and the decision's explanation. */
    static String message(List<String> mismatches, Decision decision) {
        return shouldMeetExpectations(decision, mismatches).create();
    }
}
