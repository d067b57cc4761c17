package io.siyu.rules.testkit;

import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelReport;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;

import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Fluent assertions on a {@link FunnelReport}: on its total, or on one cohort or group after
 * {@link #cohort(String)} / {@link #group(String)}. A failure says which number of which segment was
 * expected, what it was, and shows the whole report table:
 * <pre>{@code
 * assertThat(funnel.report()).hasEntered(3).hasConvertedOnDayZero(1)
 *         .hasCumulativeRateCloseTo(0.45, within(0.02))
 *         .cohort("D").hasConvertedInSeeding(1);
 * }</pre>
 * Obtain one with {@link RuleAssertions#assertThat(FunnelReport)}; {@code within} is AssertJ's
 * {@code Assertions.within(Double)}.
 */
public final class FunnelReportAssert extends AbstractAssert<FunnelReportAssert, FunnelReport> {
    private static final String TOTAL = "total";

    /** The segment the counts are about: {@value #TOTAL}, {@code cohort D} or {@code group D-2026-11-23-1}. */
    private final String segment;
    private final FunnelCounts counts;

    FunnelReportAssert(FunnelReport actual) {
        this(actual, TOTAL, actual == null ? null : actual.total());
    }

    private FunnelReportAssert(FunnelReport actual, String segment, FunnelCounts counts) {
        super(actual, FunnelReportAssert.class);
        this.segment = segment;
        this.counts = counts;
    }

    /** Further assertions are about the cohort with these codes ({@code "D"}, or {@code "untagged"}). */
    public FunnelReportAssert cohort(String codes) {
        return segment("cohort", codes, checked().byCohort());
    }

    /** Further assertions are about the group with this id, e.g. {@code D-2026-11-23-1}. */
    public FunnelReportAssert group(String groupId) {
        return segment("group", groupId, checked().byGroup());
    }

    /** Further assertions are about the total again. */
    public FunnelReportAssert total() {
        return new FunnelReportAssert(checked(), TOTAL, actual.total());
    }

    private FunnelReportAssert segment(String kind, String key, SortedMap<String, FunnelCounts> segments) {
        Objects.requireNonNull(key, "key");
        FunnelCounts found = segments.get(key);
        if (found == null) {
            throw Explained.failure(info, "Expected the report to have " + kind + " " + key + " but it has "
                    + (segments.isEmpty() ? "none" : String.join(", ", segments.keySet())) + ".\n\n" + table(), null,
                    null);
        }
        FunnelReportAssert next = new FunnelReportAssert(actual, kind + " " + key, found);
        if (info.hasDescription()) {
            next.as(info.description());
        }
        return next;
    }

    /** {@code entered} journeys entered the funnel (past {@code NEW}). */
    public FunnelReportAssert hasEntered(int entered) {
        return count("entered", entered, FunnelCounts::entered);
    }

    /** {@code grouped} customers were put into a cohort group. */
    public FunnelReportAssert hasGrouped(int grouped) {
        return count("grouped", grouped, FunnelCounts::grouped);
    }

    /** {@code converted} customers first bought on day 0, one to one. */
    public FunnelReportAssert hasConvertedOnDayZero(int converted) {
        return count("converted on day 0", converted, FunnelCounts::convertedDayZero);
    }

    /** {@code converted} customers first bought during the seeding days. */
    public FunnelReportAssert hasConvertedInSeeding(int converted) {
        return count("converted in seeding", converted, FunnelCounts::convertedSeeding);
    }

    /** {@code converted} customers first bought during the conversion days. */
    public FunnelReportAssert hasConvertedInConversion(int converted) {
        return count("converted in conversion", converted, FunnelCounts::convertedConversion);
    }

    /** {@code converted} customers first bought in nurture, after the conversion days. */
    public FunnelReportAssert hasConvertedLate(int converted) {
        return count("converted late", converted, FunnelCounts::convertedLate);
    }

    /** {@code converted} customers first bought within the funnel's days (day 0, seeding, conversion). */
    public FunnelReportAssert hasConverted(int converted) {
        return count("converted", converted, FunnelCounts::converted);
    }

    /** {@code active} journeys are still between day 0 and the last conversion day. */
    public FunnelReportAssert hasActive(int active) {
        return count("active", active, FunnelCounts::active);
    }

    /** {@code nurture} journeys are in nurture now. */
    public FunnelReportAssert hasInNurture(int nurture) {
        return count("in nurture", nurture, FunnelCounts::nurture);
    }

    /** {@code left} customers left the funnel. */
    public FunnelReportAssert hasLeft(int left) {
        return count("left", left, FunnelCounts::left);
    }

    /** {@code buyers} customers bought at least once. */
    public FunnelReportAssert hasBuyers(int buyers) {
        return count("buyers", buyers, FunnelCounts::buyers);
    }

    /** {@code repurchased} buyers bought again within 7 days of their first purchase. */
    public FunnelReportAssert hasRepurchasedWithin7Days(int repurchased) {
        return count("repurchased within 7 days", repurchased, FunnelCounts::repurchased7Days);
    }

    /** The purchases add up to {@code revenueFen} fen (¥1 = 100 fen). */
    public FunnelReportAssert hasRevenueFen(long revenueFen) {
        return count("revenue (fen)", revenueFen, FunnelCounts::revenueFen);
    }

    /** The day-0 conversion rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.12). */
    public FunnelReportAssert hasDayZeroRateCloseTo(double rate, Offset<Double> offset) {
        return rate("day-0 rate", rate, offset, FunnelCounts::dayZeroRate);
    }

    /** The cumulative conversion rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.45). */
    public FunnelReportAssert hasCumulativeRateCloseTo(double rate, Offset<Double> offset) {
        return rate("cumulative rate", rate, offset, FunnelCounts::cumulativeRate);
    }

    /** The 7-day repurchase rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.35). */
    public FunnelReportAssert hasRepurchase7DaysRateCloseTo(double rate, Offset<Double> offset) {
        return rate("7-day repurchase rate", rate, offset, FunnelCounts::repurchase7DaysRate);
    }

    private FunnelReportAssert count(String what, long expected, ToLongFunction<FunnelCounts> field) {
        long was = field.applyAsLong(counts());
        if (was != expected) {
            throw failure("Expected " + what + " (" + segment + ") to be " + expected + " but was " + was + ".",
                    expected, was);
        }
        return this;
    }

    private FunnelReportAssert rate(String what, double expected, Offset<Double> offset,
                                    ToDoubleFunction<FunnelCounts> field) {
        Objects.requireNonNull(offset, "offset");
        double was = field.applyAsDouble(counts());
        if (!(Math.abs(was - expected) <= offset.value)) {
            throw failure(String.format(Locale.ROOT, "Expected %s (%s) to be %.4f ± %.4f but was %.4f.", what,
                    segment, expected, offset.value, was), expected, was);
        }
        return this;
    }

    private FunnelReport checked() {
        isNotNull();
        return actual;
    }

    private FunnelCounts counts() {
        checked();
        return counts;
    }

    private AssertionError failure(String summary, Object expected, Object was) {
        return Explained.failure(info, summary + "\n\n" + table(), expected, was);
    }

    private String table() {
        return "Report:\n" + actual.toTable();
    }
}
