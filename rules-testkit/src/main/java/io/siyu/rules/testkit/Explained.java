package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import org.assertj.core.api.WritableAssertionInfo;
import org.assertj.core.internal.Failures;
import org.opentest4j.AssertionFailedError;

import java.util.List;

/** The one place that turns "what went wrong" (plus a decision) into the failure a reader sees. */
final class Explained {
    private Explained() {
    }

    /** {@code summary}, a blank line, then {@code Why:} and the decision's {@link Decision#explain()}. */
    static String message(String summary, Decision decision) {
        return summary + "\n\nWhy:\n" + decision.explain();
    }

    /** Several mismatches, one per line, then the explanation. */
    static String message(List<String> mismatches, Decision decision) {
        return message(String.join("\n", mismatches), decision);
    }

    /**
     * The failure an assertion throws: {@code message} prefixed with the description given with
     * {@code as(...)}, or replaced by {@code overridingErrorMessage(...)}. It carries the expected and actual
     * values when there are any, so that IDEs can show a diff.
     */
    static AssertionError failure(WritableAssertionInfo info, String message, Object expected, Object actual) {
        String text = info.overridingErrorMessage();
        if (text == null) {
            text = info.hasDescription() ? "[" + info.descriptionText() + "] " + message : message;
        }
        AssertionError error = expected == null && actual == null ? new AssertionFailedError(text)
                : new AssertionFailedError(text, expected, actual);
        Failures.instance().removeAssertJRelatedElementsFromStackTraceIfNeeded(error);
        return error;
    }
}
