package io.siyu.rules.decision;

import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision pipeline on a Gaozi-style test pack: paths, policy, explanations, batches, scripts. */
class SkincareDecisionTest {
    static final Path PACK = Path.of("src/test/resources/packs/skincare");
    /** 10:00 in Shanghai: outside the quiet hours. */
    static final Clock DAYTIME = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("UTC"));
    /** 23:30 in Shanghai: inside the quiet hours. */
    static final Clock NIGHT = Clock.fixed(Instant.parse("2026-11-23T15:30:00Z"), ZoneId.of("UTC"));

    static RulePack pack;

    @BeforeAll
    static void load() {
        pack = RulePack.load(PACK, PackOptions.builder().clock(DAYTIME).build());
    }

    static Customer.Builder customer(String id, String codes) {
        return Customer.builder(id).tags(pack.codebook().decode(codes));
    }

    @Test
    void coldCustomerGetsALightTouch() {
        Decision d = pack.decide(customer("c-cold", "3DU3").build());

        assertThat(d.intent()).isEqualTo(IntentLevel.COLD);
        assertThat(d.score()).isEqualTo(-10);
        assertThat(d.action()).isEqualTo("STOP_GENTLY");
        assertThat(d.scriptId()).contains("acne.light");
        assertThat(d.text()).isEqualTo("亲，痘痘期记得清淡饮食、别用手挤哦，有问题随时找小丸子～");
    }

    @Test
    void warmCustomerHasTheMotiveStrengthenedAndNoOffer() {
        Decision d = pack.decide(customer("c-warm", "3DU2").replied(true).attribute("nickname", "小美").build());

        assertThat(d.intent()).isEqualTo(IntentLevel.WARM);
        assertThat(d.score()).isEqualTo(30);
        assertThat(d.action()).isEqualTo("STRENGTHEN_MOTIVE");
        assertThat(d.scriptId()).contains("acne.motive");
        assertThat(d.text()).startsWith("小美，");
        assertThat(d.losing()).extracting(Proposal::getAction)
                .containsExactly("SEND_WELFARE", "INVITE_TO_GROUP");
        assertThat(d.vetoed()).isEmpty();
    }

    @Test
    void hotCustomerIsOfferedTheProduct() {
        Decision d = pack.decide(customer("c-hot", "34DU1").message("这个多少钱呀").build());

        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.score()).isEqualTo(70);
        assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.scriptId()).contains("acne.offer");
        assertThat(d.text()).contains("高姿净痘精华");
        assertThat(d.evidence()).extracting(Evidence::reason)
                .containsExactly("希望越快改善越好", "问了价格或购买方式");
    }

    @Test
    void restraintVetoesAnOfferBeforeAStrongNeed() {
        Decision d = pack.decide(customer("c-early", "3DU3").message("多少钱").build());

        assertThat(d.intent()).isEqualTo(IntentLevel.COLD);
        assertThat(d.action()).isEqualTo("STOP_GENTLY");
        assertThat(d.vetoed()).singleElement().satisfies(v -> {
            assertThat(v.proposal().getAction()).isEqualTo("OFFER_PRODUCT");
            assertThat(v.proposal().getRule()).isEqualTo("一问价就推荐");
            assertThat(v.reason()).isEqualTo("需求还不强烈，先不推产品");
            assertThat(v.rule()).isEqualTo("克制：需求未明确不推产品");
        });
    }

    @Test
    void dailyCapVetoesEveryMessage() {
        Decision d = pack.decide(customer("c-capped", "3DU1").message("怎么买").touchesToday(3).build());

        assertThat(d.action()).isEqualTo(Decision.NONE);
        assertThat(d.scriptId()).isEmpty();
        assertThat(d.text()).isEmpty();
        assertThat(d.vetoed()).isNotEmpty().allSatisfy(v -> assertThat(v.reason()).isEqualTo("今天已经联系过3次"));
    }

    @Test
    void quietHoursVetoMessagesButNotSilentActions() {
        RulePack night = RulePack.load(PACK, PackOptions.builder().clock(NIGHT).build());

        Decision messaging = night.decide(customer("c-night", "3DU2").build());
        assertThat(messaging.action()).isEqualTo(Decision.NONE);
        assertThat(messaging.vetoed()).isNotEmpty().allSatisfy(v -> assertThat(v.reason()).isEqualTo("免打扰时段"));

        Decision waiting = night.decide(customer("c-dnd", "3DU2").attribute("doNotDisturb", true).build());
        assertThat(waiting.action()).isEqualTo("WAIT");
    }

    @Test
    void withClockDecidesAsOfAnotherMomentWithoutTouchingThePack() {
        RulePack night = pack.withClock(NIGHT);

        assertThat(night.decide(customer("c-night", "3DU2").build()).vetoed())
                .isNotEmpty().allSatisfy(v -> assertThat(v.reason()).isEqualTo("免打扰时段"));
        assertThat(pack.decide(customer("c-day", "3DU2").build()).vetoed()).isEmpty();
        assertThat(night.rules()).isEqualTo(pack.rules());
        assertThat(night.options().clock()).isEqualTo(NIGHT);
        assertThat(night.version()).isEqualTo(pack.version());
    }

    @Test
    void noMatchingRuleIsAValidOutcome() {
        Decision d = pack.decide(customer("c-oily", "2BU1").message("怎么买").build());

        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.action()).isEqualTo(Decision.NONE);
        assertThat(d.winner()).isEmpty();
        assertThat(d.failure()).isEmpty();
        assertThat(d.explain()).contains("no surviving proposal");
    }

    @Test
    void variantAssignmentIsStablePerCustomerAndCoversEveryVariant() {
        RulePack reloaded = RulePack.load(PACK, PackOptions.builder().clock(DAYTIME).build());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Customer c = customer("customer-" + i, "3DU2").replied(true).build();
            Decision first = pack.decide(c);
            assertThat(first.action()).isEqualTo("STRENGTHEN_MOTIVE");
            assertThat(pack.decide(c).variantId()).isEqualTo(first.variantId());
            assertThat(reloaded.decide(c).variantId()).isEqualTo(first.variantId());
            first.variantId().ifPresent(seen::add);
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void explanationCarriesEveryField() {
        Decision d = pack.decide(customer("c-explain", "3DU3").message("多少钱").attribute("nickname", "阿珍").build());

        assertThat(d.customerId()).isEqualTo("c-explain");
        assertThat(d.packId()).isEqualTo("skincare-test");
        assertThat(d.packVersion()).isEqualTo("1.0.0");
        assertThat(d.firedRules()).containsExactly("随便了解", "问了价格", "痘痘点到为止", "一问价就推荐",
                "克制：需求未明确不推产品");
        assertThat(d.explain())
                .contains("Customer c-explain — pack skincare-test 1.0.0")
                .contains("Action: STOP_GENTLY (priority 40, rule \"痘痘点到为止\": 痘痘需求但反应冷淡)")
                .contains("Script: acne.light")
                .contains("Text: 阿珍，痘痘期记得清淡饮食")
                .contains("Intent: COLD (score 20)")
                .contains("-10 只是随便了解  [随便了解]")
                .contains("+30 问了价格或购买方式  [问了价格]")
                .contains("OFFER_PRODUCT (acne.offer) — 需求还不强烈，先不推产品  [克制：需求未明确不推产品]")
                .contains("Rules fired: 随便了解 → 问了价格 → 痘痘点到为止 → 一问价就推荐 → 克制：需求未明确不推产品");
    }

    @Test
    void aFailingCustomerDoesNotStopTheBatch() {
        List<Customer> batch = List.of(
                customer("b1", "3DU3").build(),
                customer("b2", "3DU3").attribute("weatherAlert", true).build(),
                customer("b3", "3DU2").replied(true).build());

        List<Decision> decisions = pack.decideAll(batch);

        assertThat(decisions).extracting(Decision::customerId).containsExactly("b1", "b2", "b3");
        assertThat(decisions).extracting(Decision::action)
                .containsExactly("STOP_GENTLY", Decision.FAILED, "STRENGTHEN_MOTIVE");
        assertThat(decisions.get(1).failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("city.tip").contains("city"));
        assertThatThrownBy(() -> pack.decide(batch.get(1))).isInstanceOf(DecisionException.class)
                .hasMessageContaining("city.tip");
    }

    @Test
    void customerValuesAreInsertedLiterallyNeverInterpreted() {
        String hostile = "{product}${jndi:x}@{y}{{nickname}}#{1+1}";
        Decision d = pack.decide(customer("c-inject", "3DU3").attribute("nickname", hostile).build());

        assertThat(d.text()).isEqualTo(hostile + "，痘痘期记得清淡饮食、别用手挤哦，有问题随时找小丸子～");
    }

    @Test
    void decisionsAreTheSameOnEveryRun() {
        List<Customer> customers = new ArrayList<>();
        String[] codes = {"3DU1", "4EU2", "1AU3", "2BU1", "35DU2Y3", "6GU1"};
        for (int i = 0; i < codes.length; i++) {
            customers.add(customer("d" + i, codes[i]).message(i % 2 == 0 ? "多少钱" : "有用吗").replied(i % 3 == 0)
                    .build());
        }
        List<Decision> first = pack.decideAll(customers);
        RulePack again = RulePack.load(PACK, PackOptions.builder().clock(DAYTIME).build());
        assertThat(again.decideAll(customers)).isEqualTo(first);
    }
}
