package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule coverage: what fired, what never did (with file and line), the opt-in check, and thread safety. */
@RulePackTest(Packs.SKINCARE)
class RuleCoverageTest {
    RulePack pack;
    RuleCoverage coverage;
    TestCustomers customers;

    @BeforeEach
    void ownCoverage() {
        coverage = RuleCoverage.independent(pack);
        customers = TestCustomers.of(pack, coverage);
    }

    @Test
    void oneCoveragePerPackInstance() {
        RulePack other = RulePack.load(Path.of(Packs.SKINCARE), pack.options());

        assertThat(RuleCoverage.of(pack)).isSameAs(RuleCoverage.of(pack)).isNotSameAs(RuleCoverage.of(other))
                .isNotSameAs(coverage);
    }

    @Test
    void reportListsFiredAndNeverFiredRulesWithFileAndLine() {
        customers.customer("c1").codes("3DU3").message("多少钱").decide();
        customers.customer("c2").codes("3DU3").decide();

        CoverageReport report = coverage.report();

        assertThat(report.decisions()).isEqualTo(2);
        assertThat(report.fired()).extracting(RuleInfo::name)
                .containsExactly("随便了解", "问了价格", "克制：需求未明确不推产品", "痘痘点到为止", "一问价就推荐");
        assertThat(report.neverFired()).hasSize(pack.rules().size() - 5)
                .first().isEqualTo(new RuleInfo("痘痘群 种草第1天", "rules/content.drl", 3, Phase.CONTENT));
        assertThat(report.ratio()).isEqualTo(5.0 / 32);
        assertThat(report.format())
                .startsWith("Rule coverage of pack skincare-test 1.0.0: 5 of 32 rules fired in 2 decisions\n"
                        + "fired:\n"
                        + "  rules/intent.drl:19  随便了解 (intent)  ×2\n"
                        + "  rules/intent.drl:27  问了价格 (intent)  ×1\n")
                .contains("never fired:\n  rules/content.drl:3  痘痘群 种草第1天 (content)\n"
                        + "  rules/content.drl:11  痘痘群 转化第6天 (content)\n  rules/intent.drl:3  越快越好 (intent)\n")
                .endsWith("  rules/propose.drl:143  什么都不做 (propose)\n");
        assertThat(coverage.firings("随便了解")).isEqualTo(2);
        assertThat(coverage.firings("no such rule")).isZero();
        assertThat(coverage).hasToString("RuleCoverage[skincare-test 1.0.0: 5 of 32 rules fired in 2 decisions]");
    }

    @Test
    void theCoverageCheckNamesEveryRuleThatNeverFired() {
        customers.customer("c1").codes("3DU3").message("多少钱").decide();

        assertThatThrownBy(() -> coverage.assertAllFired(Phase.POLICY))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        3 of 4 rules of phase policy of pack skincare-test 1.0.0 never fired in 1 decision:
                          rules/policy.drl:12  每日触达上限 (policy)
                          rules/policy.drl:21  免打扰时段 (policy)
                          rules/policy.drl:29  拒绝后不邀请进群 (policy)""");
        assertThatThrownBy(() -> coverage.assertAllFired())
                .hasMessageStartingWith("27 of 32 rules of pack skincare-test 1.0.0 never fired in 1 decision:\n"
                        + "  rules/content.drl:3  痘痘群 种草第1天 (content)\n");
    }

    @Test
    void theCoverageCheckPassesOnceEveryRuleOfThePhaseFired() {
        customers.customer("c1").codes("3DU3").message("多少钱").decide();
        customers.customer("c2").codes("3DU2").message("不需要").touchesToday(3).decide();
        RulePack night = RulePack.load(Path.of(Packs.SKINCARE), pack.options().toBuilder()
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T15:30:00Z"), java.time.ZoneOffset.UTC))
                .build());
        coverage.record(night.decide(customers.customer("c3").codes("3DU2").build()));

        assertThatCode(() -> coverage.assertAllFired(Phase.POLICY)).doesNotThrowAnyException();
        assertThat(coverage.neverFired(Phase.POLICY)).isEmpty();
        assertThat(coverage.neverFired(Phase.INTENT, Phase.POLICY)).extracting(RuleInfo::name).contains("越快越好")
                .doesNotContain("随便了解");
    }

    @Test
    void groupContentRecordsTheRuleThatChoseEachPost() {
        GroupDay seedingDay = new GroupDay("D-1", Stage.SEEDING, 1, pack.codebook().decode("D"),
                LocalDate.of(2026, 11, 24));
        GroupDay nothingPlanned = new GroupDay("E-1", Stage.SEEDING, 1, pack.codebook().decode("E"),
                LocalDate.of(2026, 11, 24));

        assertThat(coverage.recordContent(pack.contentFor(seedingDay))).extracting(PlannedContent::scriptId)
                .containsExactly("acne.seeding.d1");
        coverage.recordContent(pack.contentFor(nothingPlanned));
        coverage.recordContent(List.of(new PlannedContent("acne.light", "", "chosen by hand", "")));

        assertThat(coverage.decisions()).isEqualTo(3);
        assertThat(coverage.fired()).extracting(RuleInfo::name).containsExactly("痘痘群 种草第1天");
        assertThatThrownBy(() -> coverage.assertAllFired(Phase.CONTENT))
                .hasMessage("1 of 2 rules of phase content of pack skincare-test 1.0.0 never fired in 3 decisions:\n"
                        + "  rules/content.drl:11  痘痘群 转化第6天 (content)");
    }

    @Test
    void aDailyPlanRecordsEveryGroupWithContent() {
        FunnelScenario story = FunnelScenario.scenario(pack).recordingTo(RuleCoverage.independent(pack))
                .customer("c1", "3DU2").customer("c2", "4EU2").advanceTo(FunnelScenario.day(6));

        coverage.record(pack.planFor(story.today(), story.funnel()));

        assertThat(coverage.decisions()).isEqualTo(1);
        assertThat(coverage.firings("痘痘群 转化第6天")).isEqualTo(1);
        coverage.recordFired(List.of("痘痘群 种草第1天", "痘痘群 种草第1天"));
        assertThat(coverage.firings("痘痘群 种草第1天")).isEqualTo(2);
        assertThatCode(() -> coverage.assertAllFired(Phase.CONTENT)).doesNotThrowAnyException();
    }

    @Test
    void recordingFromManyThreadsLosesNothing() throws Exception {
        Decision d = customers.customer("c1").codes("3DU3").message("多少钱").decide();
        RuleCoverage shared = RuleCoverage.independent(pack);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            IntStream.range(0, 8).forEach(t -> futures.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 500; i++) {
                    shared.record(d);
                }
            }, pool)));
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        assertThat(shared.decisions()).isEqualTo(4000);
        assertThat(shared.firings("随便了解")).isEqualTo(4000);
        assertThat(shared.fired()).hasSize(5);
    }
}
