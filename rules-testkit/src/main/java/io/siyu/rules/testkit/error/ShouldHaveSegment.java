package io.siyu.rules.testkit.error;

import io.siyu.rules.funnel.FunnelReport;

import java.util.Collection;

/**
 * The report has no such cohort or group: {@code Expected the report to have cohort A but it has D, E.}, or
 * {@code ... but it has none.}
 */
public final class ShouldHaveSegment extends FunnelReportErrorMessageFactory {

    private ShouldHaveSegment(FunnelReport report, String kind, String key, Collection<String> keys) {
        super(report, "Expected the report to have %s %s but it has %s.", kind, key,
                keys.isEmpty() ? "none" : String.join(", ", keys));
    }

    /**
     * @param report the report, not null
     * @param kind   {@code cohort} or {@code group}
     * @param key    the cohort codes or group id expected
     * @param keys   the cohorts or groups the report has, in the order to list them
     * @return the message, ending with the report table
     */
    public static FunnelReportErrorMessageFactory shouldHaveSegment(FunnelReport report, String kind, String key,
                                                                    Collection<String> keys) {
        return new ShouldHaveSegment(report, kind, key, keys);
    }
}
