package io.siyu.rules.testkit;

import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.testkit.error.FunnelReportErrorMessageFactory;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.Objects;
import java.util.SortedMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import static io.siyu.rules.testkit.error.ShouldHaveCount.shouldHaveCount;
import static io.siyu.rules.testkit.error.ShouldHaveRateCloseTo.shouldHaveRateCloseTo;
import static io.siyu.rules.testkit.error.ShouldHaveSegment.shouldHaveSegment;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

/**
 * Fluent assertions on a {@link FunnelReport}: on its total, or on one cohort or group after
 * {@link #cohort(String)} / {@link #group(String)}. A failure says which number of which segment was
 * expected, what it was, and shows the whole report table:
 * <pre>{@code
 * assertThat(funnel.report()).hasEntered(3).hasConvertedOnDayZero(1)
 *         .hasCumulativeRateCloseTo(0.45, within(0.02))
 *         .cohort("D").hasConvertedInSeeding(1);
 * }</pre>
 * {@code within} is AssertJ's {@code Assertions.within(Double)}. Failures comparing two numbers are
 * {@code org.opentest4j.AssertionFailedError}s carrying both, so that IDEs show a diff.
 *
 * <p>Every assertion throws an {@link AssertionError} when the report is null or the check fails, and a
 * {@link NullPointerException} for a null argument. Like all AssertJ assertions, an instance is for one thread.
 *
 * <h2>Your own report assertions</h2>
 * Tests use {@link FunnelReportAssert}, from {@link RuleAssertions#assertThat(FunnelReport)}. To add assertions
 * of your own, extend this class with {@code SELF} set to your class. {@link #cohort(String)},
 * {@link #group(String)} and {@link #total()} move to another segment through {@link #newSegmentAssert}, which
 * your class implements with a constructor of its own; {@link #segment()} and {@link #counts()} give your
 * assertions the segment under assertion. For messages that show the report table like the others, extend
 * {@link FunnelReportErrorMessageFactory}:
 * <pre>{@code
 * public final class CampaignReportAssert extends AbstractFunnelReportAssert<CampaignReportAssert> {
 *     public CampaignReportAssert(FunnelReport actual) {
 *         super(actual, CampaignReportAssert.class);
 *     }
 *
 *     private CampaignReportAssert(FunnelReport actual, String segment, FunnelCounts counts) {
 *         super(actual, segment, counts, CampaignReportAssert.class);
 *     }
 *
 *     @Override
 *     protected CampaignReportAssert newSegmentAssert(String segment, FunnelCounts counts) {
 *         return new CampaignReportAssert(actual, segment, counts);
 *     }
 *
 *     public CampaignReportAssert lostNobody() {
 *         if (counts().left() != 0) {
 *             throwAssertionError(new ShouldHaveLostNobody(actual, segment(), counts().left()));
 *         }
 *         return myself;
 *     }
 *
 *     private static final class ShouldHaveLostNobody extends FunnelReportErrorMessageFactory {
 *         ShouldHaveLostNobody(FunnelReport report, String segment, long left) {
 *             super(report, "Expected nobody (%s) to leave but %s did.", segment, left);
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the type of the concrete assertion, returned by every assertion so that chains keep it
 */
public abstract class AbstractFunnelReportAssert<SELF extends AbstractFunnelReportAssert<SELF>>
        extends AbstractAssert<SELF, FunnelReport> {
    private static final String TOTAL = "total";

    /** The segment the counts are about: {@value #TOTAL}, {@code cohort D} or {@code group D-2026-11-23-1}. */
    private final String segment;
    private final FunnelCounts counts;

    /**
     * An assertion on the report's total.
     *
     * @param actual   the report under assertion; may be null (every assertion then fails)
     * @param selfType the concrete class, {@code SELF}
     */
    protected AbstractFunnelReportAssert(FunnelReport actual, Class<?> selfType) {
        this(actual, TOTAL, actual == null ? null : actual.total(), selfType);
    }

    /**
     * An assertion on one segment of the report, as {@link #newSegmentAssert} creates.
     *
     * @param actual   the report under assertion; may be null (every assertion then fails)
     * @param segment  how messages name the segment: {@code total}, {@code cohort D}, {@code group D-2026-11-23-1}
     * @param counts   the segment's counts; null only when {@code actual} is
     * @param selfType the concrete class, {@code SELF}
     */
    protected AbstractFunnelReportAssert(FunnelReport actual, String segment, FunnelCounts counts,
                                         Class<?> selfType) {
        super(actual, selfType);
        this.segment = Objects.requireNonNull(segment, "segment");
        this.counts = counts;
    }

    /**
     * A new assertion of the concrete type on the same report ({@code actual}), about another segment. The
     * description, representation and overriding error message of this assertion are copied onto it.
     *
     * @param segment how messages name the segment, e.g. {@code cohort D}
     * @param counts  the segment's counts, not null
     * @return a new assertion, not this one
     */
    protected abstract SELF newSegmentAssert(String segment, FunnelCounts counts);

    /**
     * Further assertions are about the cohort with these codes ({@code "D"}, or {@code "untagged"}); fails when
     * the report has no such cohort.
     */
    @CheckReturnValue
    public SELF cohort(String codes) {
        return segment("cohort", codes, checked().byCohort());
    }

    /** Further assertions are about the group with this id, e.g. {@code D-2026-11-23-1}; fails when there is none. */
    @CheckReturnValue
    public SELF group(String groupId) {
        return segment("group", groupId, checked().byGroup());
    }

    /** Further assertions are about the total again. */
    @CheckReturnValue
    public SELF total() {
        return withThisState(newSegmentAssert(TOTAL, checked().total()));
    }

    private SELF segment(String kind, String key, SortedMap<String, FunnelCounts> segments) {
        Objects.requireNonNull(key, "key");
        FunnelCounts found = segments.get(key);
        if (found == null) {
            throwAssertionError(shouldHaveSegment(actual, kind, key, segments.keySet()));
        }
        return withThisState(newSegmentAssert(kind + " " + key, found));
    }

    /** {@code next}, described, represented and with the overriding message as this assertion is. */
    private SELF withThisState(SELF next) {
        if (info.hasDescription()) {
            next.describedAs(info.description());
        }
        next.withRepresentation(info.representation());
        String overridingErrorMessage = info.overridingErrorMessage();
        if (overridingErrorMessage != null) {
            next.overridingErrorMessage(overridingErrorMessage);
        }
        return next;
    }

    /** {@code entered} journeys entered the funnel (past {@code NEW}). */
    public SELF hasEntered(int entered) {
        return count("entered", entered, FunnelCounts::entered);
    }

    /** {@code grouped} customers were put into a cohort group. */
    public SELF hasGrouped(int grouped) {
        return count("grouped", grouped, FunnelCounts::grouped);
    }

    /** {@code converted} customers first bought on day 0, one to one. */
    public SELF hasConvertedOnDayZero(int converted) {
        return count("converted on day 0", converted, FunnelCounts::convertedDayZero);
    }

    /** {@code converted} customers first bought during the seeding days. */
    public SELF hasConvertedInSeeding(int converted) {
        return count("converted in seeding", converted, FunnelCounts::convertedSeeding);
    }

    /** {@code converted} customers first bought during the conversion days. */
    public SELF hasConvertedInConversion(int converted) {
        return count("converted in conversion", converted, FunnelCounts::convertedConversion);
    }

    /** {@code converted} customers first bought in nurture, after the conversion days. */
    public SELF hasConvertedLate(int converted) {
        return count("converted late", converted, FunnelCounts::convertedLate);
    }

    /** {@code converted} customers first bought within the funnel's days (day 0, seeding, conversion). */
    public SELF hasConverted(int converted) {
        return count("converted", converted, FunnelCounts::converted);
    }

    /** {@code active} journeys are still between day 0 and the last conversion day. */
    public SELF hasActive(int active) {
        return count("active", active, FunnelCounts::active);
    }

    /** {@code nurture} journeys are in nurture now. */
    public SELF hasInNurture(int nurture) {
        return count("in nurture", nurture, FunnelCounts::nurture);
    }

    /** {@code left} customers left the funnel. */
    public SELF hasLeft(int left) {
        return count("left", left, FunnelCounts::left);
    }

    /** {@code buyers} customers bought at least once. */
    public SELF hasBuyers(int buyers) {
        return count("buyers", buyers, FunnelCounts::buyers);
    }

    /** {@code repurchased} buyers bought again within 7 days of their first purchase. */
    public SELF hasRepurchasedWithin7Days(int repurchased) {
        return count("repurchased within 7 days", repurchased, FunnelCounts::repurchased7Days);
    }

    /** The purchases add up to {@code revenueFen} fen (¥1 = 100 fen). */
    public SELF hasRevenueFen(long revenueFen) {
        return count("revenue (fen)", revenueFen, FunnelCounts::revenueFen);
    }

    /** The day-0 conversion rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.12). */
    public SELF hasDayZeroRateCloseTo(double rate, Offset<Double> offset) {
        return rate("day-0 rate", rate, offset, FunnelCounts::dayZeroRate);
    }

    /** The cumulative conversion rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.45). */
    public SELF hasCumulativeRateCloseTo(double rate, Offset<Double> offset) {
        return rate("cumulative rate", rate, offset, FunnelCounts::cumulativeRate);
    }

    /** The 7-day repurchase rate (0 to 1) is within {@code offset} of {@code rate} (Gaozi: about 0.35). */
    public SELF hasRepurchase7DaysRateCloseTo(double rate, Offset<Double> offset) {
        return rate("7-day repurchase rate", rate, offset, FunnelCounts::repurchase7DaysRate);
    }

    private SELF count(String what, long expected, ToLongFunction<FunnelCounts> field) {
        long was = field.applyAsLong(counts());
        if (was != expected) {
            failWithDiff(shouldHaveCount(actual, what, segment, expected, was), expected, was);
        }
        return myself;
    }

    private SELF rate(String what, double expected, Offset<Double> offset, ToDoubleFunction<FunnelCounts> field) {
        Objects.requireNonNull(offset, "offset");
        double was = field.applyAsDouble(counts());
        if (!(Math.abs(was - expected) <= offset.value)) {
            failWithDiff(shouldHaveRateCloseTo(actual, what, segment, expected, offset.value, was), expected, was);
        }
        return myself;
    }

    /** How messages name the segment under assertion: {@code total}, {@code cohort D}, {@code group D-...}. */
    protected final String segment() {
        return segment;
    }

    /**
     * The counts of the segment under assertion.
     *
     * @throws AssertionError when the report is null
     */
    protected final FunnelCounts counts() {
        checked();
        return counts;
    }

    private FunnelReport checked() {
        isNotNull();
        return actual;
    }

    /**
     * Fails with {@code message} as {@code throwAssertionError} would (description, overriding message), but as
     * an {@code AssertionFailedError} carrying {@code expected} and {@code actualValue} for an IDE's diff.
     */
    private void failWithDiff(ErrorMessageFactory message, Object expected, Object actualValue) {
        failWithActualExpectedAndMessage(actualValue, expected, "%s",
                message.create(emptyDescription(), info.representation()));
    }
}
