package io.siyu.rules.testkit.error;

import io.siyu.rules.decision.Decision;

import java.util.Arrays;

/**
 * The message of a failed assertion on a {@link Decision}: one summary sentence saying what was expected and
 * what happened, a blank line, {@code Why:} and the decision's {@link Decision#explain() explanation}:
 * <pre>
 * Expected action OFFER_PRODUCT but was STOP_GENTLY.
 *
 * Why:
 * Customer c-early — pack skincare-test 1.0.0
 *   ...
 * </pre>
 * Extend it for the messages of your own decision assertions, giving only the summary:
 * <pre>{@code
 * final class ShouldBeQuiet extends DecisionErrorMessageFactory {
 *     ShouldBeQuiet(Decision decision) {
 *         super(decision, "Expected no text but was \"%s\".", decision.text());
 *     }
 * }
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public abstract class DecisionErrorMessageFactory extends PlainErrorMessageFactory {
    private static final String WHY = "\n\nWhy:\n%s";

    private final String summaryFormat;
    private final Object[] summaryArguments;

    /**
     * @param decision         the decision under assertion, not null; its explanation ends the message
     * @param summaryFormat    the summary sentence, with {@code %s} for each argument (and no other conversion)
     * @param summaryArguments the values for the {@code %s}s, shown as {@link String#valueOf(Object)} gives them
     *                         (strings are not quoted: put quotes in {@code summaryFormat} where you want them)
     */
    protected DecisionErrorMessageFactory(Decision decision, String summaryFormat, Object... summaryArguments) {
        super(summaryFormat + WHY, append(summaryArguments, decision.explain()));
        this.summaryFormat = summaryFormat;
        this.summaryArguments = summaryArguments.clone();
    }

    /**
     * The summary sentence alone, without the explanation: for a report that lists several mismatches of one
     * decision above a single explanation, as case tables do.
     */
    public String summary() {
        return String.format(summaryFormat, Arrays.stream(summaryArguments).map(String::valueOf).toArray());
    }
}
