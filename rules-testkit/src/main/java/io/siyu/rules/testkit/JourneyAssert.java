package io.siyu.rules.testkit;

import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import org.assertj.core.api.AbstractAssert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Fluent assertions on a customer's funnel {@link Journey}; a failure says what was expected and what the
 * journey is, then shows the whole journey:
 * <pre>{@code
 * assertThat(funnel.journey("c1").orElseThrow()).isIn(SEEDING).isOnDay(3).isInGroup("D-2026-11-23-1")
 *         .hasNotConverted();
 * }</pre>
 * A failure reads {@code Expected customer c1 to be in stage CONVERSION but was SEEDING.}, a blank line,
 * {@code Journey:} and one line per field. Obtain one with {@link RuleAssertions#assertThat(Journey)}.
 */
public final class JourneyAssert extends AbstractAssert<JourneyAssert, Journey> {

    private LocalDate today;

    JourneyAssert(Journey actual) {
        super(actual, JourneyAssert.class);
    }

    /**
     * The date "now" is for {@link #isOnDay(int)}: a journey in progress counts its days from its start
     * date, so its day depends on the date it is looked at. Funnel scenarios set it to their own today.
     */
    public JourneyAssert asOf(LocalDate date) {
        this.today = Objects.requireNonNull(date, "date");
        return this;
    }

    /** The journey is in {@code stage} now. */
    public JourneyAssert isIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        return expect(checked().stage() == stage, "to be in stage " + stage, actual.stage(), stage);
    }

    /**
     * The journey's funnel day is {@code day} on the date set by {@link #asOf(LocalDate)} (day 0 is the day
     * the customer was added). The day stops counting once the customer bought, moved to nurture or left,
     * so for such a journey no date is needed.
     *
     * @throws IllegalStateException when the journey is in progress and no date was set
     */
    public JourneyAssert isOnDay(int day) {
        Journey journey = checked();
        if (today == null && journey.stage().isInProgress()) {
            throw new IllegalStateException("customer " + journey.customerId() + " is in " + journey.stage()
                    + ": its day depends on the date; call asOf(date) before isOnDay(" + day + ")");
        }
        int actualDay = journey.dayOn(today == null ? journey.startDate() : today);
        return expect(actualDay == day, "to be on day " + day, actualDay, day);
    }

    /** The journey's day 0 is {@code date} (in the funnel's timezone). */
    public JourneyAssert startedOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return expect(date.equals(checked().startDate()), "to have started on " + date, actual.startDate(), date);
    }

    /** The customer was put into the group {@code groupId}, e.g. {@code D-2026-11-23-1}. */
    public JourneyAssert isInGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        return expect(checked().groupId().equals(groupId), "to be in group " + groupId, group(actual), groupId);
    }

    /** The customer was put into some cohort group. */
    public JourneyAssert isGrouped() {
        return expect(checked().isGrouped(), "to be in a group", "it is in no group");
    }

    /** The customer was not (yet) put into a cohort group. */
    public JourneyAssert isNotGrouped() {
        return expect(!checked().isGrouped(), "not to be in a group", "it is in " + actual.groupId());
    }

    /** The customer's cohort codes are {@code codes} (e.g. {@code "D"}; empty for a customer never surveyed). */
    public JourneyAssert hasCohort(String codes) {
        Objects.requireNonNull(codes, "codes");
        return expect(checked().cohortCodes().equals(codes), "to have cohort \"" + codes + "\"",
                "\"" + actual.cohortCodes() + "\"", codes);
    }

    /** The customer bought at least once (whatever the stage is now). */
    public JourneyAssert hasConverted() {
        return expect(checked().isConverted(), "to have bought", "it has no purchase");
    }

    /** The customer never bought. */
    public JourneyAssert hasNotConverted() {
        return expect(!checked().isConverted(), "not to have bought", "it first bought in " + actual.convertedIn());
    }

    /** The customer's first purchase was made in {@code stage} ({@code ONE_TO_ONE} = day 0). */
    public JourneyAssert convertedIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        return expect(checked().convertedIn() == stage, "to have first bought in " + stage,
                orNone(actual.convertedIn()), stage);
    }

    /** The customer left the funnel while in {@code stage}. */
    public JourneyAssert leftIn(Stage stage) {
        Objects.requireNonNull(stage, "stage");
        return expect(checked().leftIn() == stage, "to have left in " + stage, orNone(actual.leftIn()), stage);
    }

    /** Exactly {@code purchases} purchases were recorded. */
    public JourneyAssert hasPurchases(int purchases) {
        return expect(checked().purchases() == purchases, "to have " + purchases + " purchase"
                + (purchases == 1 ? "" : "s"), actual.purchases(), purchases);
    }

    /** The purchases add up to {@code revenueFen} fen (¥1 = 100 fen). */
    public JourneyAssert hasRevenueFen(long revenueFen) {
        return expect(checked().revenueFen() == revenueFen, "to have revenue " + revenueFen + " fen",
                actual.revenueFen() + " fen", revenueFen);
    }

    private Journey checked() {
        isNotNull();
        return actual;
    }

    /**
     * Passes when {@code ok}; else fails with {@code Expected customer ID <what> but was <was>.} and the
     * journey. {@code expected} is the value an IDE diffs against {@code was} (null: no diff).
     */
    private JourneyAssert expect(boolean ok, String what, Object was, Object expected) {
        return ok ? this : fail(what + " but was " + was, expected, was);
    }

    /** Passes when {@code ok}; else fails with {@code Expected customer ID <what>, but <but>.} and the journey. */
    private JourneyAssert expect(boolean ok, String what, String but) {
        return ok ? this : fail(what + ", but " + but, null, null);
    }

    private JourneyAssert fail(String sentence, Object expected, Object was) {
        throw Explained.failure(info, "Expected customer " + actual.customerId() + " " + sentence + ".\n\n"
                + describe(actual), expected, was);
    }

    private static String group(Journey journey) {
        return journey.isGrouped() ? journey.groupId() : "in no group";
    }

    private static Object orNone(Stage stage) {
        return stage == null ? "none" : stage;
    }

    /** {@code Journey:} and one indented line per field, the way failures show a journey. */
    static String describe(Journey journey) {
        return "Journey:\n"
                + "  customer:   " + journey.customerId() + "\n"
                + "  stage:      " + journey.stage() + "\n"
                + "  stage day:  " + journey.stageDay() + (journey.startDate() == null ? "" : " (day 0: "
                + journey.startDate() + ")") + "\n"
                + "  cohort:     " + (journey.cohortCodes().isEmpty() ? "(untagged)" : journey.cohortCodes()) + "\n"
                + "  group:      " + group(journey) + "\n"
                + "  purchases:  " + journey.purchases() + " (" + journey.revenueFen() + " fen"
                + moment(", first at ", journey.firstPurchaseAt()) + ")\n"
                + "  converted:  " + orNone(journey.convertedIn()) + "\n"
                + "  left:       " + orNone(journey.leftIn()) + "\n"
                + "  last event: " + (journey.lastEventId() == null ? "none" : journey.lastEventId()
                + moment(" at ", journey.lastEventAt()));
    }

    private static String moment(String prefix, Optional<Instant> at) {
        return at.map(i -> prefix + i).orElse("");
    }
}
