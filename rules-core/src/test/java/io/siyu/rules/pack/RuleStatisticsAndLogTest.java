package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule statistics over a pack's life, and the decision log written and read back. */
class RuleStatisticsAndLogTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static PackOptions options(Instant now) {
        return PackOptions.builder().locale(Locale.ENGLISH).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static Customer warm(RulePack pack, String id) {
        return Customer.builder(id).tags(pack.codebook().decode("3DU2")).replied(true).attribute("nickname", "小美")
                .build();
    }

    @Test
    void fireWinAndVetoCountsAddUpOverDecisionsAndReset() {
        RulePack pack = RulePack.load(SKINCARE, options(Instant.parse("2026-11-23T04:00:00Z")).toBuilder()
                .ruleStatistics(true).build());
        List<Decision> decisions = pack.decideAll(List.of(warm(pack, "c1"), warm(pack, "c2"),
                Customer.builder("c3").tags(pack.codebook().decode("3DU3")).message("多少钱").build()));
        RuleStatistics stats = pack.ruleStatistics();
        assertThat(stats.decisions()).isEqualTo(3);
        for (RuleStatistics.Row row : stats.rules()) {
            String name = row.rule().name();
            assertThat(row.fires()).as(name).isEqualTo(decisions.stream()
                    .mapToLong(d -> d.firedRules().stream().filter(name::equals).count()).sum());
            assertThat(row.wins()).as(name).isEqualTo(decisions.stream()
                    .filter(d -> d.winner().map(w -> w.getRule().equals(name)).orElse(false)).count());
            assertThat(row.vetoes()).as(name).isEqualTo(decisions.stream()
                    .mapToLong(d -> d.vetoed().stream().filter(v -> v.rule().equals(name)).count()).sum());
        }
        assertThat(stats.rules().stream().mapToLong(RuleStatistics.Row::wins).sum()).isEqualTo(3);
        assertThat(stats.neverFired()).isNotEmpty().allMatch(RuleStatistics.Row::neverFired);
        assertThat(stats.toTable(Locale.ENGLISH)).contains("never fired", "3 decisions");
        assertThat(stats.toTable(Locale.SIMPLIFIED_CHINESE)).contains("从未触发", "共 3 个决策");
        // The Chinese header's counts line up with the rows' on a terminal (a Chinese character is 2 columns).
        List<String> lines = stats.toTable(Locale.SIMPLIFIED_CHINESE).lines().toList();
        java.util.Set<Integer> vetoesEnd = new java.util.HashSet<>();
        for (int i = 0; i < stats.rules().size() + 1; i++) {
            String name = i == 0 ? "规则" : stats.rules().get(i - 1).rule().name();
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile("^ +(\\d+|触发) +(\\d+|胜出) +(\\d+|否决)")
                    .matcher(lines.get(i).substring(name.length()));
            assertThat(counts.find()).as(lines.get(i)).isTrue();
            vetoesEnd.add(io.siyu.rules.internal.text.TextTable.width(
                    lines.get(i).substring(0, name.length() + counts.end())));
        }
        assertThat(vetoesEnd).as(String.join("\n", lines)).hasSize(1);
        // A pack with another clock is the same pack: it counts into the same statistics.
        pack.withClock(Clock.systemUTC()).decide(warm(pack, "c4"));
        assertThat(pack.ruleStatistics().decisions()).isEqualTo(4);

        pack.resetRuleStatistics();
        assertThat(pack.ruleStatistics().decisions()).isZero();
        assertThat(pack.ruleStatistics().rules()).allMatch(r -> r.fires() == 0 && r.wins() == 0 && r.vetoes() == 0);
    }

    @Test
    void withoutStatisticsNothingIsCounted() {
        RulePack pack = RulePack.load(SKINCARE, options(Instant.parse("2026-11-23T04:00:00Z")));
        pack.decide(warm(pack, "c1"));
        assertThat(pack.ruleStatistics().decisions()).isZero();
        assertThat(pack.ruleStatistics().rules()).hasSameSizeAs(pack.rules());
    }

    @Test
    void theLogKeepsDecisionsWithoutPersonalDataRotatesByDayAndReadsBackWhy(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("logs/decisions.jsonl");
        DecisionLog log = DecisionLog.toFile(file).zone(SHANGHAI).build();
        RulePack nov23 = RulePack.load(SKINCARE, options(Instant.parse("2026-11-23T04:00:00Z")).toBuilder()
                .listener(log).build());
        Decision first = nov23.decide(warm(nov23, "c1"));
        nov23.decide(warm(nov23, "c2"));
        RulePack nov24 = nov23.withClock(Clock.fixed(Instant.parse("2026-11-24T05:00:00Z"), ZoneOffset.UTC));
        Decision second = nov24.decide(Customer.builder("c1").tags(nov23.codebook().decode("3DU3")).message("多少钱")
                .attribute("nickname", "小美").build());
        log.close();

        assertThat(first.text()).contains("小美");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("decisions-2026-11-23-1.jsonl", "decisions.jsonl");
        }
        String all = Files.readString(file.resolveSibling("decisions-2026-11-23-1.jsonl"), StandardCharsets.UTF_8)
                + Files.readString(file, StandardCharsets.UTF_8);
        assertThat(all.lines()).hasSize(3);
        assertThat(all).doesNotContain("小美").contains("\"text\":\"\"", "\"decisionId\":\"" + first.id() + "\"",
                "\"packId\":\"skincare-test\"", "\"arm\":\"TREATMENT\"");

        List<Decision> c1 = DecisionLog.read(file, "c1", Optional.empty(), SHANGHAI);
        assertThat(c1).extracting(Decision::id).containsExactly(first.id(), second.id());
        assertThat(c1.get(0).action()).isEqualTo(first.action());
        assertThat(c1.get(0).firedRules()).isEqualTo(first.firedRules());
        assertThat(c1.get(0).explain()).contains("STRENGTHEN_MOTIVE").doesNotContain("小美");
        assertThat(DecisionLog.read(file, "c1", Optional.of(LocalDate.of(2026, 11, 24)), SHANGHAI))
                .extracting(Decision::id).containsExactly(second.id());
        assertThat(DecisionLog.read(file, "nobody", Optional.empty(), SHANGHAI)).isEmpty();
    }

    @Test
    void theLogRotatesBySizeKeepsABoundedNumberOfFilesAndSamplesCustomers(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("decisions.jsonl");
        DecisionLog log = DecisionLog.toFile(file).maxFileBytes(2_048).maxFiles(2).zone(SHANGHAI).build();
        RulePack pack = RulePack.load(SKINCARE, options(Instant.parse("2026-11-23T04:00:00Z")).toBuilder()
                .listener(log).build());
        for (int i = 0; i < 30; i++) {
            pack.decide(warm(pack, "c" + i));
        }
        log.close();
        try (Stream<Path> files = Files.list(tmp)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(3); // the current file and two rotated ones
            for (Path f : all) {
                assertThat(Files.size(f)).isLessThanOrEqualTo(2_048);
            }
        }

        Path sampled = tmp.resolve("sampled/decisions.jsonl");
        DecisionLog half = DecisionLog.toFile(sampled).sampleRate(0.5).build();
        RulePack sampling = RulePack.load(SKINCARE, options(Instant.parse("2026-11-23T04:00:00Z")).toBuilder()
                .listener(half).build());
        for (int i = 0; i < 200; i++) {
            sampling.decide(warm(sampling, "c" + i));
            sampling.decide(warm(sampling, "c" + i));
        }
        half.close();
        List<String> lines = Files.readAllLines(sampled, StandardCharsets.UTF_8);
        assertThat(lines.size()).isBetween(140, 260).isEven();
    }

    @Test
    void aListenerReadsTheStatisticsOfTheVersionThatStoppedServingWhenALivePackReloads() {
        List<long[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        DecisionListener metrics = new DecisionListener() {
            @Override
            public void reloaded(RulePack previous, RulePack current) {
                seen.add(new long[] {previous.ruleStatistics().decisions(), current.ruleStatistics().decisions()});
            }
        };
        PackOptions options = options(Instant.parse("2026-11-23T04:00:00Z")).toBuilder().ruleStatistics(true)
                .listener(metrics).build();
        try (LiveRulePack live = LiveRulePack.load(PackSource.directory(SKINCARE), options)) {
            RulePack first = live.current();
            live.decide(warm(first, "c1"));
            live.decide(warm(first, "c2"));
            live.reload();
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).containsExactly(2, 0);
            live.decide(warm(first, "c3"));
            assertThat(live.current().ruleStatistics().decisions()).isEqualTo(1);
        }
    }
}
