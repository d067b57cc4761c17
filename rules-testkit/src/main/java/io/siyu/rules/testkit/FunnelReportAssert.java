package io.siyu.rules.testkit;

import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelReport;

/**
 * The assertions on a {@link FunnelReport} that {@link RuleAssertions#assertThat(FunnelReport)} gives; they are
 * all in {@link AbstractFunnelReportAssert}, which is also the class to extend for assertions of your own.
 */
public final class FunnelReportAssert extends AbstractFunnelReportAssert<FunnelReportAssert> {

    FunnelReportAssert(FunnelReport actual) {
        super(actual, FunnelReportAssert.class);
    }

    private FunnelReportAssert(FunnelReport actual, String segment, FunnelCounts counts) {
        super(actual, segment, counts, FunnelReportAssert.class);
    }

    @Override
    protected FunnelReportAssert newSegmentAssert(String segment, FunnelCounts counts) {
        return new FunnelReportAssert(actual, segment, counts);
    }
}
