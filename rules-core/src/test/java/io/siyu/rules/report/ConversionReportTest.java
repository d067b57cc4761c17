package io.siyu.rules.report;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.report.ConversionReport.Comparison;
import io.siyu.rules.report.ConversionReport.Outcome;
import io.siyu.rules.report.ConversionReport.Rate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attribution, the intervals and the verdicts, and a simulated experiment whose true effects the report recovers. */
class ConversionReportTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String shanghaiLocal) {
        return OffsetDateTime.parse(shanghaiLocal + "+08:00").toInstant();
    }

    @Test
    void wilsonAndNewcombeGiveThePublishedIntervals() {
        // Newcombe (1998), Statistics in Medicine 17: 56/70 vs 48/80, method 10: 0.0524 to 0.3339.
        Comparison c = Comparison.of("a", Rate.of(56, 70), "b", Rate.of(48, 80));
        assertThat(c.difference()).isCloseTo(0.2, within(1e-9));
        assertThat(c.low()).isCloseTo(0.0524, within(0.0001));
        assertThat(c.high()).isCloseTo(0.3339, within(0.0001));
        assertThat(c.outcome()).isEqualTo(Outcome.BETTER);
        // Wilson's interval: 0/10 is 0 to 0.2775, 5/10 is 0.2366 to 0.7634 (the textbook values).
        assertThat(Rate.of(0, 10).high()).isCloseTo(0.2775, within(0.0001));
        assertThat(Rate.of(0, 10).low()).isZero();
        assertThat(Rate.of(5, 10).low()).isCloseTo(0.2366, within(0.0001));
        assertThat(Rate.of(5, 10).high()).isCloseTo(0.7634, within(0.0001));
        // Two-proportion z-test: z = 0.2 / sqrt(p(1-p)(1/70+1/80)) with p = 104/150.
        double p = 104.0 / 150;
        double z = 0.2 / Math.sqrt(p * (1 - p) * (1.0 / 70 + 1.0 / 80));
        assertThat(z).isCloseTo(2.6502, within(0.001));
        assertThat(c.pValue()).isCloseTo(0.0080, within(0.0002));
        assertThat(Rate.of(0, 0)).isEqualTo(new Rate(0, 0, 0, 0, 1));
    }

    @Test
    void theVerdictsSayWhatToDoInEnglishAndChinese() {
        Comparison beats = Comparison.of("B", Rate.of(150, 1000), "A", Rate.of(100, 1000));
        assertThat(beats.verdict(Locale.ENGLISH)).startsWith("B beats A: 15.0% vs 10.0% bought, +5.0 points (95% interval +2.");
        assertThat(beats.verdict(Locale.SIMPLIFIED_CHINESE)).startsWith("B 胜过 A：成交率 15.0% 对 10.0%，相差 +5.0 个百分点");
        Comparison loses = Comparison.of("A", Rate.of(100, 1000), "B", Rate.of(150, 1000));
        assertThat(loses.outcome()).isEqualTo(Outcome.WORSE);
        assertThat(loses.verdict(Locale.ENGLISH)).startsWith("B beats A: 15.0% vs 10.0% bought, +5.0 points");

        Comparison early = Comparison.of("B", Rate.of(12, 100), "A", Rate.of(10, 100));
        assertThat(early.outcome()).isEqualTo(Outcome.NOT_YET);
        // 2 points at ~11%: about 3,800 per arm for 80% power, 100 each so far.
        assertThat(early.moreNeeded()).isBetween(3_500L, 4_100L);
        assertThat(early.verdict(Locale.ENGLISH)).startsWith("Not enough data yet: about 3,");
        assertThat(early.verdict(Locale.SIMPLIFIED_CHINESE)).startsWith("数据还不够：B 和 A 各约需再多 3,");

        assertThat(Comparison.of("B", Rate.of(10, 100), "A", Rate.of(10, 100)).verdict(Locale.ENGLISH))
                .startsWith("No difference between B and A so far");
        assertThat(Comparison.of("treatment", Rate.of(10, 100), "holdout", Rate.of(0, 0)).verdict(Locale.ENGLISH))
                .isEqualTo("No data yet for holdout.");
    }

    @Test
    void aPurchaseIsAttributedToTheLastSendWithinTheWindowCountedInThePacksDaysAcrossMidnight() {
        List<FunnelEvent> journal = List.of(
                new FunnelEvent.Added("a", "c1", at("2026-11-23T10:00:00")),
                new FunnelEvent.Sent("s1", "c1", at("2026-11-23T10:05:00"), "d-1", "acne.light", ""),
                new FunnelEvent.Sent("s2", "c1", at("2026-11-23T23:50:00"), "d-2", "acne.offer", "B"),
                // 10 minutes after midnight: the last send is the offer, not the light touch.
                new FunnelEvent.Purchased("p1", "c1", at("2026-11-24T00:05:00"), 29_900),
                // The 7th day after the send's day ends at midnight in Shanghai: still in the window ...
                new FunnelEvent.Purchased("p2", "c1", at("2026-11-29T23:59:00"), 19_900),
                // ... and 20 minutes later it is over, though only 6 days and 20 minutes have passed.
                new FunnelEvent.Purchased("p3", "c1", at("2026-11-30T00:10:00"), 19_900));
        ConversionReport shanghai = ConversionReport.builder(Holdout.NONE, 7, SHANGHAI).add(journal).build();
        assertThat(shanghai.scripts()).extracting(ConversionReport.ScriptConversion::scriptId)
                .containsExactly("acne.light", "acne.offer");
        ConversionReport.Variant offer = shanghai.scripts().get(1).variants().get(0);
        assertThat(offer.variant()).isEqualTo("B");
        assertThat(offer.purchases()).isEqualTo(2);
        assertThat(offer.revenueFen()).isEqualTo(49_800);
        assertThat(offer.conversion()).extracting(Rate::successes, Rate::trials).containsExactly(1L, 1L);
        assertThat(shanghai.scripts().get(0).variants().get(0).conversion().successes()).isZero();
        assertThat(shanghai.unattributedPurchases()).isEqualTo(1);
        assertThat(shanghai.treatment()).extracting(Rate::successes, Rate::trials).containsExactly(1L, 1L);

        // Counted in UTC days the last purchase (16:10 UTC on the 29th) would still be in the window: the zone matters.
        ConversionReport utc = ConversionReport.builder(Holdout.NONE, 7, ZoneOffset.UTC).add(journal).build();
        assertThat(utc.unattributedPurchases()).isZero();
    }

    @Test
    void everyCustomerWhoEnteredIsCountedInTheirArm() {
        Holdout half = new Holdout(5_000, "arms");
        ConversionReport.Builder b = ConversionReport.builder(half, 7, SHANGHAI);
        int held = 0;
        for (int i = 0; i < 200; i++) {
            String id = "c" + i;
            held += half.holdsOut(id) ? 1 : 0;
            b.add(List.of(new FunnelEvent.Added("a", id, at("2026-11-23T10:00:00")),
                    new FunnelEvent.Purchased("p", id, at("2026-11-25T10:00:00"), 100)));
        }
        // Bought before entering, or never entered: not in an arm.
        b.add(List.of(new FunnelEvent.Purchased("p", "outsider", at("2026-11-25T10:00:00"), 100)));
        ConversionReport r = b.build();
        assertThat(r.holdoutArm().trials()).isEqualTo(held);
        assertThat(r.treatment().trials()).isEqualTo(200 - held);
        assertThat(r.holdoutArm().rate()).isEqualTo(1.0);
        assertThat(r.toJson()).contains("\"holdoutPercent\":50.0", "\"verdict\":", "\"verdictZh\":");
    }

    /** The chance to buy over a journey with no leaving: day 0, seeding days, conversion days (until {@code days}). */
    private static double chance(double f, FunnelForecast.Assumptions a, FunnelConfig c, int days) {
        double none = 1 - f * a.dayZeroConversion();
        for (int d = 1; d <= Math.min(days, c.lastConversionDay()); d++) {
            none *= 1 - f * (d <= c.lastSeedingDay() ? a.seedingConversion() : a.conversionConversion());
        }
        return 1 - none;
    }

    @Test
    void aSimulatedExperimentWithKnownEffectsIsRecoveredWithinTheIntervals() {
        FunnelConfig config = FunnelConfig.defaults();
        FunnelForecast.Assumptions assumptions = new FunnelForecast.Assumptions(150, 40, LocalDate.of(2026, 1, 5),
                List.of(TagSet.of(List.of(new Tag("concern", "acne", "D")))), 0.10, 0, 0.01, 0, 0.04, 0, 0, 0, 0,
                29_900, 19_900);
        Holdout holdout = new Holdout(2_000, "sim");
        FunnelForecast.Experiment experiment = new FunnelForecast.Experiment(holdout, 0.5, "acne.offer",
                Map.of("A", 1.0, "B", 1.6));
        FunnelStore store = FunnelStore.inMemory();
        FunnelForecast.run(config, assumptions, experiment, 7, store);

        ConversionReport report = ConversionReport.builder(holdout, 7, config.zone()).add(List.of()).build();
        ConversionReport.Builder builder = ConversionReport.builder(holdout, 7, config.zone());
        store.forEachJournal(builder::add);
        report = builder.build();

        int journey = config.lastConversionDay();
        double trueTreatment = (chance(1.0, assumptions, config, journey) + chance(1.6, assumptions, config, journey)) / 2;
        double trueHoldout = chance(0.5, assumptions, config, journey);
        Comparison uplift = report.uplift();
        assertThat(report.treatment().trials() + report.holdoutArm().trials()).isEqualTo(6_000);
        assertThat(report.holdoutArm().trials()).isBetween(1_080L, 1_320L);
        assertThat(uplift.outcome()).isEqualTo(Outcome.BETTER);
        assertThat(trueTreatment - trueHoldout).isBetween(uplift.low(), uplift.high());
        assertThat(trueTreatment).isBetween(report.treatment().low(), report.treatment().high());
        assertThat(trueHoldout).isBetween(report.holdoutArm().low(), report.holdoutArm().high());

        // Attributed within 7 days of the day-0 send: days 0 to 6.
        ConversionReport.ScriptConversion offer = report.scripts().get(0);
        Comparison variants = offer.comparison().orElseThrow();
        assertThat(variants.a()).isEqualTo("B");
        double trueB = chance(1.6, assumptions, config, 6);
        double trueA = chance(1.0, assumptions, config, 6);
        assertThat(trueB - trueA).isBetween(variants.low(), variants.high());
        assertThat(variants.outcome()).isEqualTo(Outcome.BETTER);
        assertThat(report.toTable(Locale.ENGLISH)).contains("treatment beats holdout", "acne.offer B", "acne.offer A",
                "acne.offer: B beats A");
        // Every column of the arms table has a figure in every row (an arm counts customers, not sends).
        List<String> arms = report.toTable(Locale.ENGLISH).lines().skip(1).limit(3).toList();
        assertThat(arms.get(0).split("\\s{2,}")).containsExactly("arm", "customers", "buyers", "rate", "95% interval");
        assertThat(arms.subList(1, 3)).allSatisfy(row -> assertThat(row.split("\\s{2,}")).hasSize(5));
    }

    @Test
    void aPurchaseInTheSameMillisecondAsASendIsAttributedToIt() {
        Instant t = at("2026-11-23T10:00:00");
        ConversionReport r = ConversionReport.builder(Holdout.NONE, 7, SHANGHAI).add(List.of(
                new FunnelEvent.Purchased("p", "c1", t, 100),
                new FunnelEvent.Sent("s", "c1", t, "d-1", "acne.offer", ""),
                new FunnelEvent.Added("a", "c1", t.minusSeconds(60)))).build();
        assertThat(r.unattributedPurchases()).isZero();
        assertThat(r.scripts().get(0).variants().get(0).purchases()).isEqualTo(1);
    }
}
