package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.FunnelReport;

/**
 * The message of a failed assertion on a {@link FunnelReport}: one summary sentence naming the number and the
 * segment, a blank line, then {@code Report:} and the {@link FunnelReport#toTable() report table}:
 * <pre>
 * Expected entered (cohort E) to be 3 but was 2.
 *
 * Report:
 * segment              entered  day 0  ...
 * </pre>
 * Extend it for the messages of your own report assertions, giving only the summary. Instances are immutable
 * and thread-safe.
 */
public abstract class FunnelReportErrorMessageFactory extends PlainErrorMessageFactory {

    /**
     * @param report           the report under assertion, not null; its table ends the message
     * @param summaryFormat    the summary sentence, with {@code %s} for each argument (and no other conversion)
     * @param summaryArguments the values for the {@code %s}s, shown as {@link String#valueOf(Object)} gives them
     */
    protected FunnelReportErrorMessageFactory(FunnelReport report, String summaryFormat, Object... summaryArguments) {
        super(summaryFormat + "\n\nReport:\n%s", append(summaryArguments, report.toTable()));
    }
}
