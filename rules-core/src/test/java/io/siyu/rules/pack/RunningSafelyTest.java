package io.siyu.rules.pack;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A rule that loops or throws fails only its own customer's decision; one pack serves many threads. */
class RunningSafelyTest {
    /** 10:00 in Shanghai: outside quiet hours, so results do not depend on when the test runs. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final PackOptions OPTIONS = PackOptions.builder().clock(CLOCK).locale(Locale.ENGLISH)
            .maxFirings(200).build();
    private static final TagSet ACNE = TagSet.of(List.of(new Tag("concern", "acne", "D")));

    private static RulePack pack(String name) {
        return RulePack.load(Path.of("src/test/resources/packs", name), OPTIONS);
    }

    private static Customer customer(String id, String... messages) {
        Customer.Builder b = Customer.builder(id).tags(ACNE);
        for (String m : messages) {
            b.message(m);
        }
        return b.build();
    }

    @Test
    @Timeout(60)
    void aLoopingRuleFailsItsCustomerWithRuleFileAndLineAndSparesTheRestOfTheBatch() {
        RulePack looping = pack("broken-loop");
        // c2 has no tags: only the looping rule matches it again after each update.
        Customer loopy = Customer.builder("c2").message("loop").build();
        List<Decision> batch = looping.decideAll(List.of(customer("c1", "多少钱"), loopy, customer("c3")));
        assertThat(batch).extracting(Decision::customerId).containsExactly("c1", "c2", "c3");
        assertThat(batch.get(1).isFailed()).isTrue();
        assertThat(batch.get(1).failure()).contains("rules/intent.drl:17:0: Rule \"count again\" fired again and "
                + "again (200 firings) and was stopped. It probably changes a fact it matches itself; add "
                + "\"no-loop true\" or change its condition.");
        RulePack healthy = pack("mini");
        assertThat(batch.get(0).action()).isEqualTo("OFFER_PRODUCT").isEqualTo(healthy.decide(customer("c1", "多少钱"))
                .action());
        assertThat(batch.get(2).action()).isEqualTo("STOP_GENTLY");

        DecisionException e = catchThrowableOfType(DecisionException.class,
                () -> looping.decide(loopy));
        assertThat(e.customerId()).isEqualTo("c2");
        assertThat(e.diagnostics()).extracting(Diagnostic::file, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rules/intent.drl", 17));
    }

    @Test
    @Timeout(60)
    void aLoopIsBlamedOnTheRuleThatUpdatesNotOnTheInnocentRulesItReactivates() {
        RulePack looping = pack("broken-loop");
        // Every update of this customer re-activates "asked the price" and "wants acne solved" too: they fire
        // as often as the culprit, but only "count again" changes a fact.
        Customer both = Customer.builder("c4").tags(looping.codebook().decode("3D")).message("多少钱")
                .message("loop").build();

        DecisionException e = catchThrowableOfType(DecisionException.class, () -> looping.decide(both));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(17);
            assertThat(d.message()).startsWith("Rule \"count again\" fired again and again");
        });
    }

    @Test
    void aThrowingRuleFailsItsCustomerWithRuleFileAndLineAndSparesTheRestOfTheBatch() {
        RulePack throwing = pack("broken-throw");
        Customer noAge = customer("c1", "年龄?");
        Customer withAge = Customer.builder("c2").tags(ACNE).message("年龄?").attribute("age", "35").build();
        List<Decision> batch = throwing.decideAll(List.of(noAge, withAge, customer("c3")));
        assertThat(batch.get(0).failure()).contains("rules/intent.drl:17:0: Rule \"age bonus\" failed while it ran: "
                + "NumberFormatException: For input string: \"\". Check the \"then\" part of this rule.");
        assertThat(batch.get(1).isFailed()).isFalse();
        assertThat(batch.get(1).score()).isEqualTo(65);
        assertThat(batch.get(2).isFailed()).isFalse();
        assertThat(batch.get(2).action()).isEqualTo("STOP_GENTLY");
    }

    @Test
    @Timeout(120)
    void manyThreadsSharingOnePackGetTheSingleThreadedResults() throws Exception {
        RulePack pack = pack("mini");
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Customer.Builder b = Customer.builder("c" + i);
            if (i % 2 == 0) {
                b.tags(ACNE);
            }
            if (i % 3 == 0) {
                b.message("这个多少钱？");
            }
            customers.add(b.build());
        }
        List<Decision> expected = customers.stream().map(pack::decide).toList();
        assertThat(expected).extracting(Decision::action).contains("OFFER_PRODUCT", "STOP_GENTLY");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Decision>>> runs = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                runs.add(pool.submit(() -> customers.stream().map(pack::decide).toList()));
            }
            for (Future<List<Decision>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }


    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(PackOptions.CompileMode.class)
    void aConditionThatThrowsFailsItsCustomerNamingTheRuleAndSparesTheRest(PackOptions.CompileMode mode,
                                                                           @org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        java.nio.file.Files.writeString(dir.resolve("rules/r.drl"), """
                rule "city initial"
                    ruleflow-group "propose"
                when
                    Customer( text("city").charAt(0) == '上' )
                then
                    actions.propose("LOCAL_OFFER", 10, "Shanghai");
                end
                """);
        RulePack pack = RulePack.load(dir, OPTIONS.toBuilder().compileMode(mode).build());

        List<Decision> batch = pack.decideAll(List.of(Customer.builder("c1").attribute("city", "上海").build(),
                Customer.builder("c2").build(), Customer.builder("c3").attribute("city", "上海").build()));

        assertThat(batch).extracting(Decision::action).containsExactly("LOCAL_OFFER", Decision.FAILED, "LOCAL_OFFER");
        assertThat(batch.get(1).failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("rules/r.drl:1:0: The \"when\" part of rule \"city initial\" failed for this customer: ")
                .contains("StringIndexOutOfBoundsException"));
    }

    /**
     * A computed text compared with a number passes the load-time check (only literals are checked) and fails
     * when the condition first runs; the classic engine then names the condition, not its rule. The failure
     * still names the rule's file and line, and gives no module-path advice for what is not a linkage error.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(PackOptions.CompileMode.class)
    void aConditionComparingANumberWithATextNamesItsRuleAndLineWithoutModulePathAdvice(PackOptions.CompileMode mode,
            @org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        java.nio.file.Files.writeString(dir.resolve("rules/r.drl"), """
                rule "fine"
                    ruleflow-group "propose"
                when
                    Customer( silentHours > 1 )
                then
                    actions.propose("FINE", 10, "fine");
                end

                rule "silent two days"
                    ruleflow-group "propose"
                when
                    Customer( silentHours > ("48" + "小时") )
                then
                    actions.propose("NUDGE", 10, "silent");
                end
                """);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            RulePack pack = RulePack.load(dir, OPTIONS.toBuilder().compileMode(mode).locale(locale).build());

            Decision failed = pack.decideAll(List.of(Customer.builder("c1").silentHours(50).build())).get(0);

            assertThat(failed.action()).isEqualTo(Decision.FAILED);
            assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f)
                    .startsWith(locale == Locale.ENGLISH
                            ? "rules/r.drl:9:0: The \"when\" part of rule \"silent two days\" failed for this customer: "
                            : "rules/r.drl:9:0: 规则 \"silent two days\" 的 \"when\" 部分对这位客户出错：")
                    .doesNotContain("module path", "模块路径"));
        }
    }

    @Test
    void aHelperCalledInAnotherPhaseFailsTheDecisionNamingTheRule(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        java.nio.file.Files.writeString(dir.resolve("rules/r.drl"), """
                rule "early offer"
                    ruleflow-group "intent"
                when
                    Customer( asked("多少钱") )
                then
                    Actions a = actions;
                    a.propose("OFFER_PRODUCT", 90, "asked the price");
                end

                rule "veto too early"
                    ruleflow-group "propose"
                when
                    Customer( asked("算了") )
                then
                    Policy p = policy;
                    p.vetoMessages("changed their mind");
                end
                """);
        // Through a variable, the load-time check of phases (RuleReferences) cannot see which helper is called:
        // the phase discipline at run time still fails the decision, naming the rule.
        RulePack pack = RulePack.load(dir, OPTIONS);

        List<Decision> batch = pack.decideAll(List.of(customer("c1", "多少钱"), customer("c2", "算了"),
                customer("c3")));

        assertThat(batch).extracting(Decision::action).containsExactly(Decision.FAILED, Decision.FAILED,
                Decision.NONE);
        assertThat(batch.get(0).failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("rules/r.drl:1:0: Rule \"early offer\" failed while it ran: IllegalStateException: "
                        + "actions can only be proposed in the \"propose\" phase"));
        assertThat(batch.get(1).failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("rules/r.drl:10:0: Rule \"veto too early\" failed while it ran: IllegalStateException: "
                        + "proposals can only be vetoed in the \"policy\" phase"));
    }
}
