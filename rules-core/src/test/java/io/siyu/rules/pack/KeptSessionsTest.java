package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack decides each customer as if its session were new, whatever came before on the same session: the
 * engine keeps sessions between decisions (deleting the decision's facts) when every rule starts with a fact,
 * and resets them when a rule starts with {@code not}, {@code exists}, {@code eval} or nothing — rules that
 * Drools matches once per session, which a kept session would fire only once.
 */
class KeptSessionsTest {
    private static final Clock TEN_AM = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    private static final String KEPT = """
            rule "多少钱"
                ruleflow-group "intent"
            when
                Customer( asked("多少钱") )
            then
                intent.add(70, "问价");
            end

            rule "只推一个 A"
                ruleflow-group "propose"
                activation-group "只推一个"
                salience 10
            when
                Customer( hasAttribute("x") )
            then
                actions.propose("A", 50, "a");
            end

            rule "只推一个 B"
                ruleflow-group "propose"
                activation-group "只推一个"
            when
                Customer( )
            then
                actions.propose("B", 40, "b");
            end

            rule "锁定"
                ruleflow-group "propose"
                lock-on-active true
            when
                Customer( )
                Intent( hot )
            then
                actions.propose("HOT", 60, "hot");
            end

            rule "规则自己插入的事实"
                ruleflow-group "propose"
            when
                Customer( asked("提醒") )
            then
                insert(new Proposal("REMIND", "", 1, "插入", "规则自己插入的事实", 99));
            end

            rule "看见插入的事实"
                ruleflow-group "policy"
            when
                Proposal( action == "REMIND" )
            then
                policy.veto("B", "有提醒");
            end
            """;

    private static final String RESET = """
            rule "不热"
                ruleflow-group "propose"
            when
                not Intent( hot )
            then
                actions.propose("NOT_HOT", 30, "not hot");
            end

            rule "总是"
                ruleflow-group "propose"
            when
                eval( true )
            then
                actions.propose("ALWAYS", 20, "always");
            end

            rule "有人"
                ruleflow-group "propose"
            when
                exists Customer( )
            then
                actions.propose("SOMEONE", 10, "someone");
            end

            rule "空条件"
                ruleflow-group "policy"
            when
            then
                policy.veto("NOTHING", "never proposed");
            end

            rule "多少钱"
                ruleflow-group "intent"
            when
                Customer( asked("多少钱") )
            then
                intent.add(70, "问价");
            end
            """;

    private static RulePack pack(String rules) {
        return RulePack.load(PackSource.files(Map.of(
                "pack.json", "{\"id\": \"p\", \"version\": 1, \"timezone\": \"Asia/Shanghai\"}",
                "rules/r.drl", rules)), PackOptions.builder().locale(Locale.ENGLISH).clock(TEN_AM).build());
    }

    private static List<Customer> customers() {
        List<Customer> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Customer.Builder b = Customer.builder("c" + i);
            if (i % 2 == 0) {
                b.message("多少钱");
            }
            if (i % 3 == 0) {
                b.message("提醒我");
            }
            if (i % 4 == 0) {
                b.attribute("x", true);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Each customer decided by a pack that has decided nothing before: the reference. */
    private static List<Decision> eachOnAFreshPack(String rules, List<Customer> customers) {
        List<Decision> out = new ArrayList<>();
        for (Customer c : customers) {
            out.add(pack(rules).decide(c));
        }
        return out;
    }

    /** One pack deciding the customers three rounds over decides each as a pack of its own would; those decisions. */
    private static List<Decision> decidesRoundAfterRoundAsFreshPacks(String rules) {
        List<Customer> customers = customers();
        List<Decision> expected = eachOnAFreshPack(rules, customers);
        RulePack pack = pack(rules);
        for (int round = 0; round < 3; round++) {
            assertThat(pack.decideAll(customers)).isEqualTo(expected);
        }
        return expected;
    }

    @Test
    void aKeptSessionDecidesEveryCustomerAsANewOneWould() {
        List<Decision> expected = decidesRoundAfterRoundAsFreshPacks(KEPT);
        assertThat(expected).extracting(Decision::action).contains("B", "HOT", Decision.NONE);
        assertThat(expected).anySatisfy(d -> assertThat(d.firedRules()).contains("只推一个 A"));
        assertThat(expected.get(3).vetoed()).isNotEmpty(); // the fact a rule inserted was seen, then cleared
        assertThat(expected.get(1).vetoed()).isEmpty();
    }

    @Test
    void rulesThatDroolsMatchesOncePerSessionFireInEveryDecision() {
        List<Decision> expected = decidesRoundAfterRoundAsFreshPacks(RESET);
        assertThat(expected).allSatisfy(d -> assertThat(d.firedRules()).contains("总是", "有人", "空条件"));
        assertThat(expected).filteredOn(d -> d.intent() != io.siyu.rules.decision.IntentLevel.HOT)
                .allSatisfy(d -> assertThat(d.action()).isEqualTo("NOT_HOT"));
    }
}
