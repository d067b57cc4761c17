package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.RulePack;
import org.opentest4j.AssertionFailedError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A funnel story told day by day against a pack, with a fake clock that moves only when the test says so:
 * <pre>{@code
 * import static io.siyu.rules.testkit.FunnelScenario.day;
 * import static io.siyu.rules.testkit.FunnelScenario.scenario;
 *
 * FunnelReport report = scenario(pack)
 *         .customer("c1", "3DU2")                        // added and surveyed on day 0
 *         .onDay(0).noPurchase()
 *         .advanceTo(day(3)).expectStage("c1", SEEDING).expectGroupContent("c1", "acne.seeding.d3")
 *         .purchase("c1", 29900).expectStage("c1", CONVERTED)
 *         .advanceTo(day(12)).report();
 * }</pre>
 *
 * <p>The scenario owns its clock (starting on day 0, by default {@link RuleCases#DEFAULT_TIME}, 10:00 in
 * Shanghai on 23 November 2026) and a {@link Funnel} with the pack's {@code funnel.json} over a fresh
 * in-memory store; the pack's own clock is not used. Day {@code n} is {@code n} days after day 0 at the
 * same time of day, in the funnel's timezone. Every event happens at the clock's current moment and gets
 * a generated id ({@code added-1}, {@code purchased-7}, ...).
 *
 * <p>Group content comes from the pack's {@code content} rules ({@code pack.planFor(date, funnel)}), and
 * the rules that chose it are recorded in {@code RuleCoverage.of(pack)} (or the coverage given to
 * {@link #recordingTo}). Every {@code expect...} failure says what was expected on which day, and shows
 * the journey or the day's plan.
 *
 * <p>Not thread-safe: one scenario per test. It holds no static state; scenarios never share a clock.
 */
public final class FunnelScenario {
    private final RulePack pack;
    private final ZonedDateTime dayZero;
    private final ScenarioClock clock;
    private final Funnel funnel;
    private final Set<String> customers = new LinkedHashSet<>();
    private RuleCoverage coverage;
    private int today;
    private int lastPurchaseDay = -1;
    private long events;

    private FunnelScenario(RulePack pack, OffsetDateTime dayZero) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.dayZero = Objects.requireNonNull(dayZero, "dayZero").atZoneSameInstant(pack.funnelConfig().zone());
        this.clock = new ScenarioClock(dayZero.toInstant(), pack.funnelConfig().zone());
        this.funnel = Funnel.create(pack.funnelConfig(), clock, FunnelStore.inMemory());
        this.coverage = RuleCoverage.of(pack);
    }

    /** A scenario against {@code pack}, starting on day 0 at {@link RuleCases#DEFAULT_TIME}. */
    public static FunnelScenario scenario(RulePack pack) {
        return scenario(pack, RuleCases.DEFAULT_TIME);
    }

    /** A scenario against {@code pack}, starting on day 0 at {@code dayZero}. */
    public static FunnelScenario scenario(RulePack pack, OffsetDateTime dayZero) {
        return new FunnelScenario(pack, dayZero);
    }

    /** Day {@code n} of the scenario, for {@code advanceTo(day(3))}; day 0 is the day it starts. */
    public static int day(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a scenario day is 0 or more, got " + n);
        }
        return n;
    }

    /** Records the content rules that fire in {@code coverage} instead of {@code RuleCoverage.of(pack)}. */
    public FunnelScenario recordingTo(RuleCoverage coverage) {
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        return this;
    }

    // ---- customers and events ----

    /** A customer who adds the service account now and fills in no survey (an untagged customer). */
    public FunnelScenario customer(String customerId) {
        return record(new FunnelEvent.Added(nextId("added"), customerId, now()));
    }

    /** A customer who adds the service account now and is surveyed with these codes, e.g. {@code "3DU2"}. */
    public FunnelScenario customer(String customerId, String codes) {
        return surveyed(customerId, pack.codebook().decode(Objects.requireNonNull(codes, "codes")));
    }

    /**
     * A customer who adds the service account now and answers the survey (question id → option id, or a
     * list of option ids), encoded with the pack's codebook.
     */
    public FunnelScenario customerWithAnswers(String customerId, Map<String, ?> answers) {
        return surveyed(customerId, pack.codebook().encode(Objects.requireNonNull(answers, "answers")));
    }

    private FunnelScenario surveyed(String customerId, TagSet tags) {
        customer(customerId);
        record(new FunnelEvent.Surveyed(nextId("surveyed"), customerId, now(), tags));
        return this;
    }

    /** The customer buys now, for {@code amountFen} fen (¥299 = 29900). */
    public FunnelScenario purchase(String customerId, long amountFen) {
        return record(new FunnelEvent.Purchased(nextId("purchased"), customerId, now(), amountFen));
    }

    /** The customer sends a message now. */
    public FunnelScenario message(String customerId) {
        return record(new FunnelEvent.MessageReceived(nextId("message"), customerId, now()));
    }

    /** The customer leaves the group now. */
    public FunnelScenario leaveGroup(String customerId) {
        return record(new FunnelEvent.LeftGroup(nextId("left"), customerId, now()));
    }

    /** The customer opts out of marketing now. */
    public FunnelScenario optOut(String customerId) {
        return record(new FunnelEvent.OptedOut(nextId("opted-out"), customerId, now()));
    }

    /** The customer blocks the service account now. */
    public FunnelScenario block(String customerId) {
        return record(new FunnelEvent.Blocked(nextId("blocked"), customerId, now()));
    }

    /**
     * Records any event, as the host CRM would; for events the other methods do not make. An event that does
     * not apply in the journey's stage is kept in the funnel's journal and changes nothing.
     */
    public FunnelScenario record(FunnelEvent event) {
        funnel.record(Objects.requireNonNull(event, "event"));
        switch (event.kind()) {
            case ADDED, SURVEYED -> customers.add(event.customerId());
            case PURCHASED -> lastPurchaseDay = today;
            default -> {
                // nothing the scenario keeps track of
            }
        }
        return this;
    }

    /**
     * States that nobody buys on the current day (the scenario's default): fails if a purchase was
     * recorded on this day.
     */
    public FunnelScenario noPurchase() {
        if (lastPurchaseDay == today) {
            throw new AssertionFailedError(onToday() + "expected no purchase, but the scenario recorded one on this "
                    + "day.");
        }
        return this;
    }

    // ---- time ----

    /**
     * Moves the clock to day {@code day} (same time of day as day 0) and runs the funnel's day boundary:
     * customers whose day 0 is over are grouped, groups move from seeding to conversion, and so on.
     * Staying on the current day is allowed and changes nothing.
     *
     * @throws IllegalArgumentException when {@code day} is before the current day: time never goes back
     */
    public FunnelScenario advanceTo(int day) {
        if (day < today) {
            throw new IllegalArgumentException("time only moves forward: the scenario is on day " + today
                    + " and cannot go back to day " + day);
        }
        today = day(day);
        clock.set(dayZero.plusDays(day).toInstant());
        funnel.advance();
        return this;
    }

    /** The same as {@link #advanceTo(int)}; reads better at the start of what happens on a day. */
    public FunnelScenario onDay(int day) {
        return advanceTo(day);
    }

    // ---- expectations ----

    /** The customer's journey is in {@code stage} now. */
    public FunnelScenario expectStage(String customerId, Stage stage) {
        return expectJourney(customerId, journey -> journey.isIn(stage));
    }

    /**
     * Any assertions on the customer's journey now:
     * {@code expectJourney("c1", j -> j.isInGroup("D-2026-11-23-1").isOnDay(3))}; failures start with the day.
     */
    public FunnelScenario expectJourney(String customerId, Consumer<JourneyAssert> assertions) {
        Objects.requireNonNull(assertions, "assertions");
        assertions.accept(RuleAssertions.assertThat(journey(customerId)).as(dayLabel()).asOf(today()));
        return this;
    }

    /** Any assertions on the funnel's report now: {@code expectReport(r -> r.hasEntered(3))}. */
    public FunnelScenario expectReport(Consumer<FunnelReportAssert> assertions) {
        Objects.requireNonNull(assertions, "assertions");
        assertions.accept(RuleAssertions.assertThat(report()).as(dayLabel()));
        return this;
    }

    /** Today some active group gets the script {@code scriptId} from the pack's content rules. */
    public FunnelScenario expectGroupContent(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        DailyPlan plan = plan();
        boolean found = plan.groups().stream().flatMap(g -> g.content().stream())
                .anyMatch(c -> c.scriptId().equals(scriptId));
        if (!found) {
            throw new AssertionFailedError(onToday() + "expected a group to get " + scriptId + ", but none did.\n\n"
                    + describe(plan), scriptId, null);
        }
        return this;
    }

    /** Today the customer's group gets the script {@code scriptId} from the pack's content rules. */
    public FunnelScenario expectGroupContent(String customerId, String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        Journey journey = journey(customerId);
        DailyPlan plan = plan();
        String expectation = onToday() + "expected customer " + customerId + "'s group to get " + scriptId;
        if (!journey.isGrouped()) {
            throw new AssertionFailedError(expectation + ", but the customer is in no group.\n\n"
                    + JourneyAssert.describe(journey) + "\n\n" + describe(plan));
        }
        List<String> got = plan.groups().stream().filter(g -> g.day().groupId().equals(journey.groupId()))
                .flatMap(g -> g.content().stream()).map(PlannedContent::scriptId).toList();
        if (!got.contains(scriptId)) {
            String what = got.isEmpty() ? "it got nothing" : "it got " + String.join(", ", got);
            throw new AssertionFailedError(expectation + " (" + journey.groupId() + "), but " + what + ".\n\n"
                    + JourneyAssert.describe(journey) + "\n\n" + describe(plan), scriptId, String.join(", ", got));
        }
        return this;
    }

    /** Today every active group has content from the pack's content rules. */
    public FunnelScenario expectNoContentMissing() {
        DailyPlan plan = plan();
        if (!plan.isComplete()) {
            throw new AssertionFailedError(onToday() + "expected content for every active group, but "
                    + plan.missingContent().size() + " got none: " + plan.missingContent().stream()
                    .map(GroupDay::groupId).collect(Collectors.joining(", ")) + ".\n\n" + describe(plan));
        }
        return this;
    }

    // ---- what there is ----

    /**
     * Today's plan: each active group's content chosen by the pack's content rules (recorded in the
     * coverage), the group days with none, and the customers in one-to-one service on their day 0.
     */
    public DailyPlan plan() {
        return coverage.record(pack.planFor(funnel.today(), funnel));
    }

    /**
     * The customer's journey now.
     *
     * @throws AssertionFailedError when the scenario has no such customer
     */
    public Journey journey(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return funnel.journey(customerId).orElseThrow(() -> new AssertionFailedError(onToday() + "there is no "
                + "customer " + customerId + " in the scenario; its customers are "
                + (customers.isEmpty() ? "none" : String.join(", ", customers)) + "."));
    }

    /** The funnel's report now. */
    public FunnelReport report() {
        return funnel.report();
    }

    /** The scenario's day number (0 on the day it starts). */
    public int currentDay() {
        return today;
    }

    /** The calendar date of the current day, in the funnel's timezone. */
    public LocalDate today() {
        return funnel.today();
    }

    /** The funnel the scenario drives, for anything the scenario does not say itself. */
    public Funnel funnel() {
        return funnel;
    }

    /** The pack. */
    public RulePack pack() {
        return pack;
    }

    private Instant now() {
        return clock.instant();
    }

    private String nextId(String kind) {
        return kind + "-" + (++events);
    }

    private String dayLabel() {
        return "Day " + today + " (" + today() + ")";
    }

    private String onToday() {
        return "On day " + today + " (" + today() + ") ";
    }

    /** The day's plan, one line per group, the way scenario failures show it. */
    static String describe(DailyPlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("Plan for " + plan.date() + ":");
        for (DailyPlan.GroupPlan group : plan.groups()) {
            for (PlannedContent content : group.content()) {
                lines.add("  " + groupDay(group.day()) + ": " + content.scriptId() + " — " + content.reason()
                        + (content.rule().isEmpty() ? "" : " [" + content.rule() + "]"));
            }
        }
        for (GroupDay missing : plan.missingContent()) {
            lines.add("  " + groupDay(missing) + ": no content");
        }
        if (plan.groups().isEmpty() && plan.missingContent().isEmpty()) {
            lines.add("  no active groups");
        }
        if (!plan.oneToOne().isEmpty()) {
            lines.add("  one to one: " + plan.oneToOne().stream().map(Journey::customerId)
                    .collect(Collectors.joining(", ")));
        }
        return String.join("\n", lines);
    }

    private static String groupDay(GroupDay day) {
        return day.groupId() + " (" + day.stage().name().toLowerCase(Locale.ROOT) + " day " + day.day() + ")";
    }

    @Override
    public String toString() {
        return "FunnelScenario[" + pack.id() + ", day " + today + ", " + customers.size() + " customers]";
    }
}
