package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.FunnelReport;

/** A number of the report is another: {@code Expected entered (cohort E) to be 3 but was 2.} */
public final class ShouldHaveCount extends FunnelReportErrorMessageFactory {

    private ShouldHaveCount(FunnelReport report, String what, String segment, long expected, long count) {
        super(report, "Expected %s (%s) to be %s but was %s.", what, segment, expected, count);
    }

    /**
     * @param report   the report, not null
     * @param what     the number, as the message names it: {@code entered}, {@code revenue (fen)}
     * @param segment  {@code total}, {@code cohort D} or {@code group D-2026-11-23-1}
     * @param expected the number expected
     * @param count    the number in the report
     * @return the message, ending with the report table
     */
    public static FunnelReportErrorMessageFactory shouldHaveCount(FunnelReport report, String what, String segment,
                                                                  long expected, long count) {
        return new ShouldHaveCount(report, what, segment, expected, count);
    }
}
