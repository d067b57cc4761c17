package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmarks' references compute what the library computes, and the library's pooled sessions keep
 * decisions independent: across threads, and after a decision that failed half-way through a phase.
 */
class ReferencesTest {

    @Test
    void plainDroolsAndHandWrittenJavaAgreeWithTheLibraryOnEveryCustomer() {
        PackFixture.Classic fixture = new PackFixture.Classic();
        fixture.pack = BenchPacks.DEFAULT_PACK;
        fixture.setup(); // throws when plain Drools disagrees on any customer, or hand-written Java on skincare
        try {
            assertThat(fixture.handWritten).isNotNull();
            assertThat(fixture.customers).hasSize(CustomerSet.SIZE);
            assertThat(fixture.customers.stream().map(c -> fixture.rulePack.decide(c).action())
                    .collect(Collectors.toSet()))
                    .contains("STOP_GENTLY", "STRENGTHEN_MOTIVE", "OFFER_PRODUCT", "SEND_WELCOME", "WAIT",
                            "SEND_TIP", Decision.NONE);
        } finally {
            fixture.deletePack();
        }
    }

    @Test
    void theHandWrittenGaoziDecidesAsTheLibraryForEveryBenchAndSampleCustomer() throws Exception {
        PackFixture.Classic fixture = new PackFixture.Classic();
        fixture.pack = BenchPacks.GAOZI;
        fixture.setup(); // throws when plain Drools, or the hand-written Java, disagrees on any bench customer
        try {
            assertThat(fixture.handWritten).isInstanceOf(HandWrittenGaozi.class);
            assertThat(fixture.customers.stream().map(c -> fixture.rulePack.decide(c).action())
                    .collect(Collectors.toSet()))
                    .contains("OFFER_PRODUCT", "ANSWER_DOUBT", "SEND_WELFARE", "STOP_GENTLY", "REMIND_SURVEY",
                            "STRENGTHEN_MOTIVE", "REPURCHASE_CARE", "SEND_WELCOME", "WAIT", "INVITE_TO_GROUP");
        } finally {
            fixture.deletePack();
        }
        Path dir = BenchPacks.directory(BenchPacks.GAOZI);
        try {
            for (java.time.Clock clock : List.of(BenchPacks.DAYTIME, java.time.Clock.fixed(
                    java.time.Instant.parse("2026-11-23T15:00:00Z"), java.time.ZoneOffset.UTC))) {
                RulePack pack = RulePack.load(dir, io.siyu.rules.pack.PackOptions.builder().clock(clock).build());
                HandWritten java = HandWritten.forPack(pack).orElseThrow();
                List<String> lines = Files.readAllLines(dir.resolve("samples/customers.jsonl"), StandardCharsets.UTF_8);
                assertThat(lines).hasSizeGreaterThanOrEqualTo(200);
                for (int i = 0; i < lines.size(); i++) {
                    Customer c = pack.json().readCustomer("customers.jsonl", i + 1, lines.get(i));
                    assertThat(PackFixture.disagreement(java, c, pack.decide(c))).as("%s at %s", c.getId(), clock)
                            .isNull();
                }
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }

    @Test
    void concurrentDecisionsEqualSequentialOnes() throws Exception {
        Path dir = BenchPacks.directory(BenchPacks.DEFAULT_PACK);
        try {
            RulePack pack = BenchPacks.load(dir, CompileMode.CLASSIC);
            List<Customer> customers = CustomerSet.standard(pack.codebook());
            List<Decision> expected = BenchPacks.load(dir, CompileMode.CLASSIC).decideAll(customers);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Decision>>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(threads.submit(() -> pack.decideAll(customers)));
                }
                for (Future<List<Decision>> run : runs) {
                    assertThat(run.get()).isEqualTo(expected);
                }
            } finally {
                threads.shutdown();
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }

    @Test
    void aDecisionThatFailsMidPhaseLeavesNothingBehindForTheNext() throws Exception {
        Path dir = BenchPacks.directory(BenchPacks.DEFAULT_PACK);
        try {
            RulePack clean = BenchPacks.load(dir, CompileMode.CLASSIC);
            List<Customer> customers = CustomerSet.standard(clean.codebook()).subList(0, 200);
            List<Decision> expected = clean.decideAll(customers);
            Files.writeString(dir.resolve("rules/trouble.drl"), """
                    rule "throws"
                        ruleflow-group "intent"
                    when
                        Customer( hasAttribute("boom") )
                    then
                        throw new IllegalStateException("boom");
                    end

                    rule "loops"
                        ruleflow-group "propose"
                    when
                        $c : Customer( hasAttribute("loop") )
                    then
                        update($c);
                    end
                    """, StandardCharsets.UTF_8);
            RulePack pack = BenchPacks.load(dir, CompileMode.CLASSIC);
            Customer boom = Customer.builder("boom").attribute("boom", true).build();
            Customer loop = Customer.builder("loop").attribute("loop", true).build();
            for (int round = 0; round < 3; round++) {
                assertThatThrownBy(() -> pack.decide(boom)).isInstanceOf(DecisionException.class);
                assertThatThrownBy(() -> pack.decide(loop)).isInstanceOf(DecisionException.class)
                        .hasMessageContaining("loop");
                assertThat(pack.decideAll(customers)).isEqualTo(expected);
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }
}
