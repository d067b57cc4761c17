package io.siyu.rules.testkit;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.testkit.error.JourneyErrorMessageFactory;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.time.LocalDate;
import java.util.Objects;

import static io.siyu.rules.testkit.error.ShouldBeGrouped.shouldBeGrouped;
import static io.siyu.rules.testkit.error.ShouldBeInGroup.shouldBeInGroup;
import static io.siyu.rules.testkit.error.ShouldBeInStage.shouldBeInStage;
import static io.siyu.rules.testkit.error.ShouldBeOnDay.shouldBeOnDay;
import static io.siyu.rules.testkit.error.ShouldHaveCohort.shouldHaveCohort;
import static io.siyu.rules.testkit.error.ShouldHaveConverted.shouldHaveConverted;
import static io.siyu.rules.testkit.error.ShouldHaveConvertedIn.shouldHaveConvertedIn;
import static io.siyu.rules.testkit.error.ShouldHaveLeftIn.shouldHaveLeftIn;
import static io.siyu.rules.testkit.error.ShouldHavePurchases.shouldHavePurchases;
import static io.siyu.rules.testkit.error.ShouldHaveRevenue.shouldHaveRevenue;
import static io.siyu.rules.testkit.error.ShouldHaveStartedOn.shouldHaveStartedOn;
import static io.siyu.rules.testkit.error.ShouldNotBeGrouped.shouldNotBeGrouped;
import static io.siyu.rules.testkit.error.ShouldNotHaveConverted.shouldNotHaveConverted;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

/**
 * Fluent assertions on a customer's funnel {@link Journey}; a failure says what was expected and what the
 * journey is, then shows the whole journey:
 * <pre>{@code
 * assertThat(funnel.journey("c1").orElseThrow()).isIn(SEEDING).isOnDay(3).isInGroup("D-2026-11-23-1")
 *         .hasNotConverted();
 * }</pre>
 * A failure reads {@code Expected customer c1 to be in stage CONVERSION but was SEEDING.}, a blank line,
 * {@code Journey:} and one line per field. Failures comparing two values are
 * {@code org.opentest4j.AssertionFailedError}s carrying both, so that IDEs show a diff.
 *
 * <p>Every assertion throws an {@link AssertionError} when the journey is null or the check fails, and a
 * {@link NullPointerException} for a null argument. Like all AssertJ assertions, an instance is for one thread.
 *
 * <h2>Your own journey assertions</h2>
 * Tests use {@link JourneyAssert}, from {@link RuleAssertions#assertThat(Journey)}. To add assertions of your
 * own, extend this class with {@code SELF} set to your class and, for messages that show the journey like the
 * others, extend {@link JourneyErrorMessageFactory}:
 * <pre>{@code
 * public final class CampaignJourneyAssert extends AbstractJourneyAssert<CampaignJourneyAssert> {
 *     public CampaignJourneyAssert(Journey actual) {
 *         super(actual, CampaignJourneyAssert.class);
 *     }
 *
 *     public CampaignJourneyAssert boughtInTheGroup() {
 *         return isGrouped().convertedIn(Stage.SEEDING);
 *     }
 *
 *     public CampaignJourneyAssert spentAtLeast(long fen) {
 *         isNotNull();
 *         if (actual.revenueFen() < fen) {
 *             throwAssertionError(new ShouldHaveSpentAtLeast(actual, fen));
 *         }
 *         return myself;
 *     }
 *
 *     private static final class ShouldHaveSpentAtLeast extends JourneyErrorMessageFactory {
 *         ShouldHaveSpentAtLeast(Journey journey, long fen) {
 *             super(journey, "to have spent at least %s fen but spent %s", fen, journey.revenueFen());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the type of the concrete assertion, returned by every assertion so that chains keep it
 */
public abstract class AbstractJourneyAssert<SELF extends AbstractJourneyAssert<SELF>>
        extends AbstractAssert<SELF, Journey> {

    /** The date {@link #isOnDay(int)} counts to; null until {@link #asOf(LocalDate)}. */
    private LocalDate today;

    /**
     * @param actual   the journey under assertion; may be null (every assertion then fails)
     * @param selfType the concrete class, {@code SELF}
     */
    protected AbstractJourneyAssert(Journey actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * The date "now" is for {@link #isOnDay(int)}: a journey in progress counts its days from its start
     * date, so its day depends on the date it is looked at. Funnel scenarios set it to their own today.
     * It checks nothing by itself, so its result must be used.
     */
    @CheckReturnValue
    public SELF asOf(LocalDate date) {
        this.today = Objects.requireNonNull(date, "date");
        return myself;
    }

    /** The journey is in {@code stage} now. */
    public SELF isIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        if (checked().stage() != stage) {
            failWithDiff(shouldBeInStage(actual, stage), stage, actual.stage());
        }
        return myself;
    }

    /**
     * The journey's funnel day is {@code day} on the date set by {@link #asOf(LocalDate)} (day 0 is the day
     * the customer was added). The day stops counting once the customer bought, moved to nurture or left,
     * so for such a journey no date is needed.
     *
     * @throws IllegalStateException when the journey is in progress and no date was set
     */
    public SELF isOnDay(int day) {
        Journey journey = checked();
        if (today == null && journey.stage().isInProgress()) {
            throw new IllegalStateException("customer " + journey.customerId() + " is in " + journey.stage()
                    + ": its day depends on the date; call asOf(date) before isOnDay(" + day + ")");
        }
        int actualDay = journey.dayOn(today == null ? journey.startDate() : today);
        if (actualDay != day) {
            failWithDiff(shouldBeOnDay(journey, day, actualDay), day, actualDay);
        }
        return myself;
    }

    /** The journey's day 0 is {@code date} (in the funnel's timezone). */
    public SELF startedOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!date.equals(checked().startDate())) {
            failWithDiff(shouldHaveStartedOn(actual, date), date, actual.startDate());
        }
        return myself;
    }

    /** The customer was put into the group {@code groupId}, e.g. {@code D-2026-11-23-1}. */
    public SELF isInGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        if (!checked().groupId().equals(groupId)) {
            failWithDiff(shouldBeInGroup(actual, groupId), groupId, actual.groupId());
        }
        return myself;
    }

    /** The customer was put into some cohort group. */
    public SELF isGrouped() {
        if (!checked().isGrouped()) {
            throwAssertionError(shouldBeGrouped(actual));
        }
        return myself;
    }

    /** The customer was not (yet) put into a cohort group. */
    public SELF isNotGrouped() {
        if (checked().isGrouped()) {
            throwAssertionError(shouldNotBeGrouped(actual));
        }
        return myself;
    }

    /** The customer's cohort codes are {@code codes} (e.g. {@code "D"}; empty for a customer never surveyed). */
    public SELF hasCohort(String codes) {
        Objects.requireNonNull(codes, "codes");
        if (!checked().cohortCodes().equals(codes)) {
            failWithDiff(shouldHaveCohort(actual, codes), codes, actual.cohortCodes());
        }
        return myself;
    }

    /** The customer bought at least once (whatever the stage is now). */
    public SELF hasConverted() {
        if (!checked().isConverted()) {
            throwAssertionError(shouldHaveConverted(actual));
        }
        return myself;
    }

    /** The customer never bought. */
    public SELF hasNotConverted() {
        if (checked().isConverted()) {
            throwAssertionError(shouldNotHaveConverted(actual));
        }
        return myself;
    }

    /** The customer's first purchase was made in {@code stage} ({@code ONE_TO_ONE} = day 0). */
    public SELF convertedIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        if (checked().convertedIn() != stage) {
            failWithDiff(shouldHaveConvertedIn(actual, stage), stage, actual.convertedIn());
        }
        return myself;
    }

    /** The customer left the funnel while in {@code stage}. */
    public SELF leftIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        if (checked().leftIn() != stage) {
            failWithDiff(shouldHaveLeftIn(actual, stage), stage, actual.leftIn());
        }
        return myself;
    }

    /** Exactly {@code purchases} purchases were recorded. */
    public SELF hasPurchases(int purchases) {
        if (checked().purchases() != purchases) {
            failWithDiff(shouldHavePurchases(actual, purchases), purchases, actual.purchases());
        }
        return myself;
    }

    /** The purchases add up to {@code revenueFen} fen (¥1 = 100 fen). */
    public SELF hasRevenueFen(long revenueFen) {
        if (checked().revenueFen() != revenueFen) {
            failWithDiff(shouldHaveRevenue(actual, revenueFen), revenueFen, actual.revenueFen());
        }
        return myself;
    }

    private Journey checked() {
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

    /** The journey as failures show it; funnel scenarios show it too. */
    static String describe(Journey journey) {
        return JourneyErrorMessageFactory.describe(journey);
    }
}
