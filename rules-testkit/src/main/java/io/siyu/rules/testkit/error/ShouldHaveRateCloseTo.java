package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.FunnelReport;

import java.util.Locale;

/**
 * A rate of the report is off by more than the offset:
 * {@code Expected cumulative rate (total) to be 0.4500 ± 0.0200 but was 0.6000.}, each with four decimals.
 */
public final class ShouldHaveRateCloseTo extends FunnelReportErrorMessageFactory {

    private ShouldHaveRateCloseTo(FunnelReport report, String what, String segment, double expected, double offset,
                                  double rate) {
        super(report, "Expected %s (%s) to be %s ± %s but was %s.", what, segment, decimal(expected), decimal(offset),
                decimal(rate));
    }

    /** Four decimals with a full stop, whatever the default locale. */
    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * @param report   the report, not null
     * @param what     the rate, as the message names it: {@code day-0 rate}
     * @param segment  {@code total}, {@code cohort D} or {@code group D-2026-11-23-1}
     * @param expected the rate expected, 0 to 1
     * @param offset   how far off it may be
     * @param rate     the rate in the report, 0 to 1
     * @return the message, ending with the report table
     */
    public static FunnelReportErrorMessageFactory shouldHaveRateCloseTo(FunnelReport report, String what,
                                                                        String segment, double expected,
                                                                        double offset, double rate) {
        return new ShouldHaveRateCloseTo(report, what, segment, expected, offset, rate);
    }
}
