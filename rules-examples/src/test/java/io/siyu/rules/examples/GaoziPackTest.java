package io.siyu.rules.examples;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.Veto;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The 高姿 pack's one-to-one playbook: intent levels, the three responses, the Perfect Diary steps, policy. */
class GaoziPackTest {
    private static final Codebook CODEBOOK = Codebook.load(ExamplePacks.gaozi().resolve("codebook.json"));
    private static final RulePack PACK = Packs.load(ExamplePacks.gaozi(), Packs.TEN_AM);

    /** A surveyed customer who already got the welfare gift, so that the level decides the response. */
    private static Customer.Builder surveyed(String codes) {
        return Customer.builder("c-" + codes).tags(CODEBOOK.decode(codes)).attribute("nickname", "小美")
                .attribute("welfare", "sent");
    }

    @Test
    void hasRulesInEveryPhase() {
        Map<Phase, Long> perPhase = PACK.rules().stream()
                .collect(Collectors.groupingBy(r -> r.phase(), Collectors.counting()));
        assertThat(perPhase).containsEntry(Phase.INTENT, 17L).containsEntry(Phase.PROPOSE, 39L)
                .containsEntry(Phase.POLICY, 7L);
        assertThat(PACK.rules()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void coldAcneCustomerGetsALightTouch() {
        Decision d = PACK.decide(surveyed("3DU3").build());
        assertThat(d.intent()).isEqualTo(IntentLevel.COLD);
        assertThat(d.action()).isEqualTo("STOP_GENTLY");
        assertThat(d.scriptId()).contains("acne.cold");
    }

    @Test
    void warmAcneCustomerGetsTheMotiveStrengthened() {
        Decision d = PACK.decide(surveyed("34DU2").replied(true).build());
        assertThat(d.intent()).isEqualTo(IntentLevel.WARM);
        assertThat(d.action()).isEqualTo("STRENGTHEN_MOTIVE");
        assertThat(d.scriptId()).contains("acne.motive");
    }

    @Test
    void hotAcneCustomerGetsTheProduct() {
        Decision d = PACK.decide(surveyed("3DU1P2").message("这个多少钱？").replied(true).build());
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.scriptId()).contains("acne.offer");
        assertThat(d.text()).startsWith("小美，").contains("净痘修护精华").doesNotContain("{");
    }

    @Test
    void restraintVetoesAnEarlyOffer() {
        // Warm, and she opened the product link: the link rule proposes an offer, restraint vetoes it.
        Decision d = PACK.decide(surveyed("4CU2").clickedLink(true).build());
        assertThat(d.intent()).isEqualTo(IntentLevel.WARM);
        assertThat(d.action()).isEqualTo("STRENGTHEN_MOTIVE");
        assertThat(d.scriptId()).contains("closed.motive");
        assertThat(d.vetoed()).anySatisfy(v -> {
            assertThat(v.proposal().getAction()).isEqualTo("OFFER_PRODUCT");
            assertThat(v.rule()).isEqualTo("克制：需求未到热，不推产品");
            assertThat(v.reason()).contains("克制");
        });
    }

    @Test
    void theSameLinkClickIsFollowedUpOnceTheNeedIsHot() {
        Decision d = PACK.decide(surveyed("2BU1").clickedLink(true).replied(true).build());
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.scriptId()).contains("oily.offer");
        assertThat(d.vetoed()).extracting(v -> v.proposal().getAction()).doesNotContain("OFFER_PRODUCT");
    }

    @Test
    void dailyCapStopsEveryMessage() {
        Customer hot = surveyed("3DU1P2").message("怎么买").replied(true).touchesToday(3).build();
        Decision d = PACK.decide(hot);
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.action()).isEqualTo("WAIT");
        assertThat(d.scriptId()).isEmpty();
        assertThat(d.vetoed()).extracting(Veto::rule).contains("每日触达上限");
        assertThat(PACK.decide(hot.toBuilder().touchesToday(2).build()).action()).isEqualTo("OFFER_PRODUCT");
    }

    @Test
    void quietHoursStopEveryMessage() {
        Customer hot = surveyed("3DU1P2").message("怎么买").replied(true).build();
        RulePack lateEvening = Packs.load(ExamplePacks.gaozi(), Packs.at(2026, 11, 23, 23, 30));
        Decision d = lateEvening.decide(hot);
        assertThat(d.action()).isEqualTo("WAIT");
        assertThat(d.vetoed()).extracting(Veto::rule).contains("免打扰时段");
        assertThat(d.vetoed()).filteredOn(v -> v.proposal().getAction().equals("OFFER_PRODUCT"))
                .extracting(Veto::reason).containsExactly("现在是免打扰时段，不发消息");
        Clock justAfter = Packs.at(2026, 11, 24, 8, 0);
        assertThat(Packs.load(ExamplePacks.gaozi(), justAfter).decide(hot).action()).isEqualTo("OFFER_PRODUCT");
    }

    @Test
    void perfectDiarySteps_welcomeThenWelfareThenSameTagGroup() {
        Decision welcome = PACK.decide(Customer.builder("new").build());
        assertThat(welcome.action()).isEqualTo("SEND_WELCOME");
        assertThat(welcome.scriptId()).contains("welcome.new");

        Customer justSurveyed = Customer.builder("s").tags(CODEBOOK.decode("16FT5U3")).replied(true).build();
        Decision welfare = PACK.decide(justSurveyed);
        assertThat(welfare.action()).isEqualTo("SEND_WELFARE");

        Decision invite = PACK.decide(justSurveyed.toBuilder().attribute("welfare", "sent").silentHours(26)
                .replied(false).build());
        assertThat(invite.action()).isEqualTo("INVITE_TO_GROUP");
        assertThat(invite.scriptId()).contains("group.invite.sensitive");

        Decision inGroup = PACK.decide(justSurveyed.toBuilder().attribute("welfare", "sent").attribute("group", "joined")
                .silentHours(26).replied(false).build());
        assertThat(inGroup.action()).isEqualTo("STOP_GENTLY");
        assertThat(inGroup.vetoed()).extracting(v -> v.proposal().getAction()).contains("INVITE_TO_GROUP");
    }

    @Test
    void eachConcernHasItsOwnScriptsAtEachLevel() {
        Map<String, String> concerns = Map.of("D", "acne", "C", "closed", "A", "dry", "E", "spots", "F", "sensitive",
                "B", "oily", "G", "general", "H", "general");
        concerns.forEach((code, key) -> {
            assertThat(PACK.decide(surveyed(code + "U3").build()).scriptId()).contains(key + ".cold");
            assertThat(PACK.decide(surveyed(code + "U2").replied(true).build()).scriptId()).contains(key + ".motive");
            assertThat(PACK.decide(surveyed(code + "U1").replied(true).build()).scriptId()).contains(key + ".offer");
        });
    }

    @Test
    void refusalIsRespectedEvenWhenTheSurveySaysUrgent() {
        Decision d = PACK.decide(surveyed("3DU1P3").message("不需要了，谢谢").replied(true).build());
        assertThat(d.action()).isEqualTo("STOP_GENTLY");
        assertThat(d.scriptId()).contains("refusal.respect");
        assertThat(d.evidence()).anySatisfy(e -> assertThat(e.points()).isNegative());
    }

    @Test
    void allergyWorryIsAnsweredBeforeAnyOffer() {
        Decision d = PACK.decide(surveyed("6FT5U1P2").message("会不会过敏呀").message("多少钱").build());
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.action()).isEqualTo("ANSWER_DOUBT");
        assertThat(d.scriptId()).contains("doubt.allergy");
        Map<String, String> vetoRules = d.vetoed().stream()
                .collect(Collectors.toMap(v -> v.proposal().getScriptId(), Veto::rule, (a, b) -> a));
        assertThat(vetoRules).containsEntry("sensitive.offer", "克制：过敏顾虑没解答，不推产品");
    }
}
