package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.siyu.rules.funnel.Fixtures.ACNE;
import static io.siyu.rules.funnel.Fixtures.DAY_0;
import static io.siyu.rules.funnel.Fixtures.DRYNESS;
import static io.siyu.rules.funnel.Fixtures.clockAt;
import static io.siyu.rules.funnel.Fixtures.onDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelTest {

    private final Funnel funnel = Funnel.inMemory(FunnelConfig.defaults(), clockAt("2026-12-31T12:00:00"));

    private void enter(String customer, int day, io.siyu.rules.codebook.TagSet tags) {
        funnel.record(new FunnelEvent.Added(customer + "-a", customer, onDay(day, "10:00")));
        funnel.record(new FunnelEvent.Surveyed(customer + "-s", customer, onDay(day, "10:01"), tags));
    }

    /** Every journey of a funnel. */
    static List<Journey> all(Funnel funnel) {
        List<Journey> journeys = new ArrayList<>();
        funnel.store().forEachJourney(journeys::add);
        return journeys;
    }

    private static String id(int n) {
        return String.format("c%03d", n);
    }

    @Test
    void aDayAfterTodayIsRefusedAndNothingMovesSoTheFunnelStillAdvancesDayByDay() {
        Funnel today1 = Funnel.inMemory(FunnelConfig.defaults(), clockAt("2026-11-24T12:00:00"));
        today1.record(new FunnelEvent.Added("c1-a", "c1", onDay(0, "10:00")));
        today1.record(new FunnelEvent.Surveyed("c1-s", "c1", onDay(0, "10:01"), ACNE));
        Journey before = today1.journey("c1").orElseThrow();

        assertThatThrownBy(() -> today1.advance(java.time.LocalDate.of(2031, 1, 1)))
                .isInstanceOfSatisfying(FunnelException.class, e -> {
                    assertThat(e.key()).isEqualTo("funnel.advance-in-future");
                    assertThat(e.message(java.util.Locale.ENGLISH)).startsWith(
                            "Cannot advance the funnel to 2031-01-01: it is after today (2026-11-24) by the funnel's "
                                    + "clock, and an advance cannot be undone. Give today or an earlier day");
                    assertThat(e.message(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith(
                            "无法把漏斗推进到 2031-01-01：它晚于漏斗时钟的今天（2026-11-24）");
                });
        assertThatThrownBy(() -> today1.advance(DAY_0.plusDays(2))).as("tomorrow is the future too")
                .isInstanceOf(FunnelException.class);
        assertThat(today1.store().advancedThrough()).as("nothing advanced").contains(DAY_0);
        assertThat(today1.journey("c1")).contains(before);

        today1.advance(DAY_0.plusDays(1));
        assertThat(today1.journey("c1").orElseThrow().stage()).as("today works").isEqualTo(Stage.SEEDING);
    }

    @Test
    void the201stMemberOfACohortOpensASecondGroup() {
        for (int n = 200; n >= 0; n--) {
            enter(id(n), 0, ACNE);
        }
        enter("dry", 0, DRYNESS);

        funnel.advance(DAY_0.plusDays(1));

        Map<String, Long> sizes = all(funnel).stream()
                .collect(Collectors.groupingBy(Journey::groupId, Collectors.counting()));
        assertThat(sizes).containsOnly(Map.entry("D-2026-11-23-1", 200L), Map.entry("D-2026-11-23-2", 1L),
                Map.entry("F-2026-11-23-1", 1L));
        assertThat(funnel.journey("c200").orElseThrow().groupId()).as("customer id order").isEqualTo("D-2026-11-23-2");
        assertThat(funnel.journey("c199").orElseThrow().groupId()).isEqualTo("D-2026-11-23-1");
        assertThat(funnel.activeGroups(DAY_0.plusDays(1)))
                .extracting(CohortGroup::groupId, CohortGroup::cohortCodes, CohortGroup::stage, CohortGroup::day,
                        CohortGroup::members)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-1", "D", Stage.SEEDING, 1, 200),
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-2", "D", Stage.SEEDING, 1, 1),
                        org.assertj.core.groups.Tuple.tuple("F-2026-11-23-1", "F", Stage.SEEDING, 1, 1));
    }

    @Test
    void groupsAreListedInTheOrderOfTheCustomersWhoOpenedThemAcrossCohorts() {
        Funnel pairs = Funnel.inMemory(FunnelConfig.defaults().withGroupCapacity(2), clockAt("2026-12-31T12:00:00"));
        String[][] customers = {{"a1", "F"}, {"a2", "D"}, {"a3", "D"}, {"a4", "F"}, {"a5", "D"}, {"a6", "F"}};
        for (String[] customer : customers) {
            pairs.record(new FunnelEvent.Added(customer[0] + "-a", customer[0], onDay(0, "10:00")));
            pairs.record(new FunnelEvent.Surveyed(customer[0] + "-s", customer[0], onDay(0, "10:01"),
                    customer[1].equals("D") ? ACNE : DRYNESS));
        }

        pairs.advance(DAY_0.plusDays(1));

        assertThat(pairs.activeGroups(DAY_0.plusDays(1))).extracting(CohortGroup::groupId)
                .as("opened by a1, a2, a5, a6")
                .containsExactly("F-2026-11-23-1", "D-2026-11-23-1", "D-2026-11-23-2", "F-2026-11-23-2");
        assertThat(pairs.journey("a5").orElseThrow().groupId()).isEqualTo("D-2026-11-23-2");
        assertThat(pairs.journey("a4").orElseThrow().groupId()).isEqualTo("F-2026-11-23-1");
    }

    @Test
    void customersOfAnotherDayGetTheirOwnGroupAndBuyersOnDayZeroNone() {
        enter("a", 0, ACNE);
        enter("b", 1, ACNE);
        enter("buyer", 1, ACNE);
        funnel.record(new FunnelEvent.Purchased("p", "buyer", onDay(1, "11:00"), 100));
        funnel.advance(DAY_0.plusDays(2));

        assertThat(funnel.journey("a").orElseThrow().groupId()).isEqualTo("D-2026-11-23-1");
        assertThat(funnel.journey("b").orElseThrow().groupId()).isEqualTo("D-2026-11-24-1");
        assertThat(funnel.journey("buyer").orElseThrow().isGrouped()).isFalse();
        assertThat(funnel.activeGroups(DAY_0.plusDays(2))).extracting(CohortGroup::groupId, CohortGroup::day)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D-2026-11-23-1", 2),
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-24-1", 1));
        assertThat(funnel.activeGroups(DAY_0.plusDays(12))).extracting(CohortGroup::groupId)
                .as("day 12 of the first group is past its conversion days").containsExactly("D-2026-11-24-1");
    }

    @Test
    void anEventOfALaterDayCrossesTheDayBoundaryForEveryone() {
        enter("a", 0, ACNE);
        enter("b", 0, ACNE);
        funnel.record(new FunnelEvent.MessageReceived("m", "a", onDay(2, "09:00")));

        assertThat(funnel.journey("b").orElseThrow())
                .extracting(Journey::stage, Journey::stageDay, Journey::groupId)
                .containsExactly(Stage.SEEDING, 2, "D-2026-11-23-1");
    }

    @Test
    void aLateCustomerCatchesUpAtTheNextDayBoundary() {
        enter("early", 0, ACNE);
        funnel.advance(DAY_0.plusDays(3));
        enter("late", 0, ACNE);
        assertThat(funnel.journey("late").orElseThrow())
                .as("its day-0 events apply at day 0").extracting(Journey::stage, Journey::cohortCodes)
                .containsExactly(Stage.ONE_TO_ONE, "D");

        funnel.advance(DAY_0.plusDays(4));
        assertThat(funnel.journey("late").orElseThrow())
                .extracting(Journey::stage, Journey::stageDay, Journey::groupId)
                .containsExactly(Stage.SEEDING, 4, "D-2026-11-23-1");
    }

    @Test
    void onlyAddedOrSurveyedEnterTheFunnelAndEarlierEventsWaitInTheJournal() {
        Funnel.Recorded early = funnel.recordAll(List.of(
                new FunnelEvent.MessageReceived("m", "late-adder", onDay(0, "09:00")))).get(0);
        assertThat(early.outcome()).isEqualTo(Funnel.Outcome.IGNORED);
        assertThat(early.journey().stage()).isEqualTo(Stage.NEW);
        assertThat(funnel.report().total().entered()).isZero();

        Funnel.Recorded added = funnel.recordAll(List.of(
                new FunnelEvent.Added("a", "late-adder", onDay(0, "08:00")))).get(0);
        assertThat(added.outcome()).as("older than the message: rebuilt from the journal")
                .isEqualTo(Funnel.Outcome.REPLAYED);
        assertThat(added.journey()).extracting(Journey::stage, Journey::lastEventId)
                .containsExactly(Stage.ONE_TO_ONE, "m");
        funnel.record(new FunnelEvent.Surveyed("s", "surveyed", onDay(0, "10:00"), ACNE));
        assertThat(funnel.journey("surveyed").orElseThrow().stage()).isEqualTo(Stage.ONE_TO_ONE);
        assertThat(funnel.report().total().entered()).isEqualTo(2);
    }

    @Test
    void anEventIsADuplicateOverTheWholeHistoryNotOnlyTheLastOne() {
        enter("a", 0, ACNE);
        FunnelEvent order = new FunnelEvent.Purchased("order-1", "a", onDay(0, "12:00"), 100);
        funnel.record(order);
        funnel.record(new FunnelEvent.MessageReceived("m", "a", onDay(0, "12:01")));
        funnel.advance(DAY_0.plusDays(3));

        assertThat(funnel.recordAll(List.of(order, order)))
                .extracting(Funnel.Recorded::outcome).containsOnly(Funnel.Outcome.DUPLICATE);
        assertThat(funnel.journey("a").orElseThrow().purchases()).isEqualTo(1);
        assertThat(funnel.report().total().revenueFen()).isEqualTo(100);
    }

    @Test
    void recordingAnEventTwiceChangesNothing() {
        enter("a", 0, ACNE);
        FunnelEvent purchase = new FunnelEvent.Purchased("p", "a", onDay(0, "12:00"), 100);
        Journey once = funnel.record(purchase);
        Journey twice = funnel.record(purchase);
        assertThat(twice).isEqualTo(once);
        assertThat(twice.purchases()).isEqualTo(1);
    }

    @Test
    void advancingTwiceOnTheSameDayChangesNothing() {
        for (int n = 0; n < 50; n++) {
            enter(id(n), n % 3, n % 2 == 0 ? ACNE : DRYNESS);
        }
        funnel.advance(DAY_0.plusDays(4));
        Map<String, Journey> first = all(funnel).stream()
                .collect(Collectors.toMap(Journey::customerId, Function.identity()));
        funnel.advance(DAY_0.plusDays(4));
        all(funnel).forEach(journey -> assertThat(journey).isSameAs(first.get(journey.customerId())));
    }

    @Test
    void aJournalReplayedFromJsonGivesTheSameJourneysAndGroups() {
        List<FunnelEvent> journal = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            String c = id(n);
            int day = n % 4;
            journal.add(new FunnelEvent.Added(c + "-a", c, onDay(day, "09:00")));
            journal.add(new FunnelEvent.Surveyed(c + "-s", c, onDay(day, "09:10"), n % 3 == 0 ? DRYNESS : ACNE));
        }
        for (int n = 0; n < 30; n += 4) {
            journal.add(new FunnelEvent.Purchased(id(n) + "-p", id(n), onDay(4 + n % 9, "20:00"), 100L * n));
        }
        for (int n = 1; n < 30; n += 4) {
            journal.add(new FunnelEvent.LeftGroup(id(n) + "-l", id(n), onDay(5 + n % 5, "21:00")));
        }
        journal.sort(java.util.Comparator.comparing(FunnelEvent::timestamp));
        // Live: a daily advance at 00:05 between the events; replay: the events only.
        for (FunnelEvent event : journal) {
            funnel.record(event);
            funnel.advance(java.time.LocalDate.ofInstant(event.timestamp(), Fixtures.SHANGHAI));
        }
        funnel.advance(DAY_0.plusDays(20));

        FunnelJson json = FunnelJson.create();
        List<FunnelEvent> stored = json.readJournal(json.writeJournal(journal));
        Funnel replayed = Funnel.inMemory(FunnelConfig.defaults(), clockAt("2026-12-31T12:00:00"));
        replayed.replay(stored);
        replayed.replay(stored);
        replayed.advance(DAY_0.plusDays(20));

        assertThat(all(replayed).stream().sorted(java.util.Comparator.comparing(Journey::customerId)).toList())
                .isEqualTo(all(funnel).stream().sorted(java.util.Comparator.comparing(Journey::customerId)).toList());
        assertThat(replayed.report()).isEqualTo(funnel.report());
    }

    @Test
    void aFunnelOverAnExistingStoreContinuesItsGroups() {
        Funnel small = Funnel.inMemory(FunnelConfig.defaults().withGroupCapacity(2), clockAt("2026-12-31T12:00:00"));
        for (String c : List.of("a", "b", "c")) {
            small.record(new FunnelEvent.Surveyed(c, c, onDay(0, "10:00"), ACNE));
        }
        small.advance(DAY_0.plusDays(1));
        Funnel restarted = Funnel.create(small.config(), clockAt("2026-12-31T12:00:00"), small.store());
        restarted.record(new FunnelEvent.Surveyed("d", "d", onDay(0, "23:00"), ACNE));
        restarted.record(new FunnelEvent.Surveyed("e", "e", onDay(0, "23:00"), ACNE));
        restarted.advance(DAY_0.plusDays(2));

        assertThat(restarted.journey("d").orElseThrow().groupId()).isEqualTo("D-2026-11-23-2");
        assertThat(restarted.journey("e").orElseThrow().groupId()).isEqualTo("D-2026-11-23-3");
    }

    @Test
    void theDailyPlanListsContentMissingContentAndOneToOneCustomers() {
        enter("a", 0, ACNE);
        enter("b", 0, DRYNESS);
        enter("new1", 1, ACNE);
        funnel.advance(DAY_0.plusDays(1));

        DailyPlan plan = funnel.planFor(DAY_0.plusDays(1), day -> day.has("D") && day.isSeeding()
                ? List.of(new PlannedContent("seed-acne-1", "Why acne comes back", "seed acne day " + day.day(), ""))
                : List.of());

        assertThat(plan.groups()).hasSize(1);
        assertThat(plan.groups().get(0).day().groupId()).isEqualTo("D-2026-11-23-1");
        assertThat(plan.groups().get(0).content()).extracting(PlannedContent::reason)
                .containsExactly("seed acne day 1");
        assertThat(plan.missingContent()).extracting(GroupDay::groupId).containsExactly("F-2026-11-23-1");
        assertThat(plan.isComplete()).isFalse();
        assertThat(plan.oneToOne()).extracting(Journey::customerId).containsExactly("new1");
    }

    @Test
    void theTableShowsTheRarePurchaseColumnsOnlyWhenThereAreSomeAndRevenueWithItsUnit() {
        enter("c1", 0, ACNE);
        enter("c2", 0, ACNE);
        funnel.record(new FunnelEvent.Purchased("p1", "c1", onDay(0, "11:00"), 29_900));
        String plain = funnel.report().toTable(java.util.Locale.ENGLISH, false);
        assertThat(plain.lines().findFirst().orElseThrow()).contains("day 0", "revenue ¥")
                .doesNotContain("late", "after leaving", "before entering");
        assertThat(funnel.report().toTable(java.util.Locale.SIMPLIFIED_CHINESE, false)).contains("收入（元）");

        // c2 never bought in the window: a purchase on day 20 is a late one, and the table shows its column.
        funnel.advance(DAY_0.plusDays(20));
        funnel.record(new FunnelEvent.Purchased("p2", "c2", onDay(20, "11:00"), 9_900));
        List<String> lines = funnel.report().toTable(java.util.Locale.ENGLISH, false).lines().toList();
        assertThat(lines.get(0)).contains("late").doesNotContain("after leaving", "before entering");
        assertThat(lines.get(0).split("\\s{2,}")).hasSameSizeAs(lines.get(1).split("\\s{2,}"));
    }
}
