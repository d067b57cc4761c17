package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static io.siyu.rules.funnel.Fixtures.ACNE;
import static io.siyu.rules.funnel.Fixtures.DAY_0;
import static io.siyu.rules.funnel.Fixtures.DRYNESS;
import static io.siyu.rules.funnel.Fixtures.onDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 customers over 30 days through a real funnel; the expected numbers are worked out here from
 * each customer's plan, with the funnel rules written out by hand (day 0, days 1-5, 6-11, 12+).
 */
class FunnelScenarioTest {
    private static final int CUSTOMERS = 1000;
    private static final int LAST_DAY = 29;

    private enum Action { BUY, LEAVE, NOTHING }

    /** What one customer does; the days are funnel days of that customer. */
    private record Plan(String id, int startDay, TagSet tags, Action action, int actionDay, int repurchaseAfterDays) {
        boolean acts() {
            return action != Action.NOTHING && startDay + actionDay <= LAST_DAY;
        }

        boolean bought() {
            return action == Action.BUY && acts();
        }

        boolean repurchased() {
            return bought() && repurchaseAfterDays > 0 && startDay + actionDay + repurchaseAfterDays <= LAST_DAY;
        }

        int elapsed() {
            return LAST_DAY - startDay;
        }
    }

    private static final List<Plan> PLANS = new ArrayList<>();
    private static Funnel funnel;

    @BeforeAll
    static void runThirtyDays() {
        SplittableRandom random = new SplittableRandom(2026);
        List<FunnelEvent> events = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            int[] gaps = {0, 3, 10, 40};
            Plan plan = new Plan(String.format("c%04d", i), i % 20, i % 2 == 0 ? ACNE : DRYNESS,
                    Action.values()[random.nextInt(3)], random.nextInt(16), gaps[random.nextInt(4)]);
            PLANS.add(plan);
            Instant added = onDay(plan.startDay(), "09:00").plusSeconds(i);
            events.add(new FunnelEvent.Added(plan.id() + "-a", plan.id(), added));
            events.add(new FunnelEvent.Surveyed(plan.id() + "-s", plan.id(), added.plusSeconds(30), plan.tags()));
            if (plan.acts()) {
                Instant at = onDay(plan.startDay() + plan.actionDay(), "20:00");
                events.add(switch (plan.action()) {
                    case BUY -> new FunnelEvent.Purchased(plan.id() + "-p", plan.id(), at, 29_900);
                    case LEAVE -> plan.actionDay() == 0 ? new FunnelEvent.OptedOut(plan.id() + "-o", plan.id(), at)
                            : new FunnelEvent.LeftGroup(plan.id() + "-l", plan.id(), at);
                    case NOTHING -> throw new AssertionError();
                });
            }
            if (plan.repurchased()) {
                Instant at = onDay(plan.startDay() + plan.actionDay(), "21:00")
                        .plus(Duration.ofDays(plan.repurchaseAfterDays()));
                events.add(new FunnelEvent.Purchased(plan.id() + "-r", plan.id(), at, 19_900));
            }
        }
        events.sort(Comparator.comparing(FunnelEvent::timestamp));
        funnel = Funnel.inMemory(FunnelConfig.defaults(), Fixtures.clockAt(DAY_0.plusDays(LAST_DAY) + "T23:00:00"));
        for (FunnelEvent event : events) {
            funnel.record(event);
        }
        funnel.advance(DAY_0.plusDays(LAST_DAY));
    }

    private static long count(java.util.function.Predicate<Plan> which) {
        return PLANS.stream().filter(which).count();
    }

    @Test
    void theReportMatchesTheCountsWorkedOutFromThePlans() {
        FunnelCounts total = funnel.report().total();

        assertThat(total.entered()).isEqualTo(CUSTOMERS);
        assertThat(total.convertedDayZero()).isEqualTo(count(p -> p.bought() && p.actionDay() == 0));
        assertThat(total.convertedSeeding()).isEqualTo(count(p -> p.bought() && p.actionDay() >= 1 && p.actionDay() <= 5));
        assertThat(total.convertedConversion())
                .isEqualTo(count(p -> p.bought() && p.actionDay() >= 6 && p.actionDay() <= 11));
        assertThat(total.convertedLate()).isEqualTo(count(p -> p.bought() && p.actionDay() >= 12));
        assertThat(total.left()).isEqualTo(count(p -> p.action() == Action.LEAVE && p.acts()));
        assertThat(total.nurture()).isEqualTo(count(p -> !p.acts() && p.elapsed() >= 12));
        assertThat(total.active()).isEqualTo(count(p -> !p.acts() && p.elapsed() <= 11));
        assertThat(total.grouped()).isEqualTo(count(p -> p.elapsed() >= 1 && !(p.acts() && p.actionDay() == 0)));
        assertThat(total.buyers()).isEqualTo(count(Plan::bought));
        assertThat(total.repurchased7Days()).isEqualTo(count(p -> p.repurchased() && p.repurchaseAfterDays() <= 7));
        assertThat(total.repurchased30Days()).isEqualTo(count(Plan::repurchased));
        assertThat(total.revenueFen()).isEqualTo(29_900 * count(Plan::bought) + 19_900 * count(Plan::repurchased));
        assertThat(total.cumulativeRate()).isEqualTo(
                (double) count(p -> p.bought() && p.actionDay() <= 11) / CUSTOMERS);
    }

    @Test
    void theCohortRowsSplitTheTotal() {
        FunnelReport report = funnel.report();
        assertThat(report.byCohort()).containsOnlyKeys("D", "F");
        assertThat(report.byCohort().get("D").entered()).isEqualTo(count(p -> p.tags().equals(ACNE)));
        assertThat(report.byCohort().get("F").converted())
                .isEqualTo(count(p -> p.tags().equals(DRYNESS) && p.bought() && p.actionDay() <= 11));
        assertThat(report.byGroup().values().stream().mapToInt(FunnelCounts::entered).sum())
                .isEqualTo(report.total().grouped());
    }

    @Test
    void theGroupsAreTheSameTagCohortsOfEachDay() {
        LocalDate lastDay = DAY_0.plusDays(LAST_DAY);
        // Day 29: only the groups of days 18 (even customers: acne) and 19 (odd: dryness) are still in
        // conversion; earlier ones are done and nobody started later.
        assertThat(funnel.activeGroups(lastDay)).extracting(CohortGroup::groupId, CohortGroup::stage, CohortGroup::day)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D-2026-12-11-1", Stage.CONVERSION, 11),
                        org.assertj.core.groups.Tuple.tuple("F-2026-12-12-1", Stage.CONVERSION, 10));
        funnel.store().forEachJourney(journey -> {
            if (journey.isGrouped()) {
                assertThat(journey.groupId()).startsWith(journey.cohortCodes() + "-" + journey.startDate() + "-");
            }
        });
    }

    @Test
    void theTableIsAligned() {
        String table = funnel.report().toTable();
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("segment").contains("entered", "cumulative", "repurchase 7d");
        assertThat(lines.get(1)).startsWith("total").contains(" 1000 ");
        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
    }
}
