package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.siyu.rules.decision.IntentLevel.COLD;
import static io.siyu.rules.decision.IntentLevel.HOT;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each decision assertion passes on a matching decision and fails with expected, actual and why. */
@RulePackTest("src/test/resources/packs/skincare")
class DecisionAssertTest {
    static TestCustomers customers;
    /** 34DU1 asking the price: HOT, offered the product. */
    static Decision hot;
    /** 3DU3 asking the price: COLD, the offer vetoed by restraint, a light touch instead. */
    static Decision restrained;
    /** Everything vetoed by the daily cap: nothing to do. */
    static Decision capped;

    @BeforeAll
    static void decide() {
        hot = customers.customer("c-hot").codes("34DU1").message("这个多少钱呀").decide();
        restrained = customers.customer("c-early").codes("3DU3").message("多少钱").decide();
        capped = customers.customer("c-capped").codes("3DU1").message("怎么买").touchesToday(3).decide();
    }

    /** The explanation every failure ends with. */
    private static String why(Decision d) {
        return "\n\nWhy:\n" + d.explain();
    }

    @Test
    void hasAction() {
        assertThat(hot).hasAction("OFFER_PRODUCT");
        assertThatThrownBy(() -> assertThat(restrained).hasAction("OFFER_PRODUCT"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected action OFFER_PRODUCT but was STOP_GENTLY." + why(restrained));
    }

    @Test
    void failureMessageExplainsTheDecision() {
        assertThatThrownBy(() -> assertThat(restrained).hasAction("OFFER_PRODUCT"))
                .hasMessageContaining("Why:\nCustomer c-early — pack skincare-test 1.0.0")
                .hasMessageContaining("OFFER_PRODUCT (acne.offer) — 需求还不强烈，先不推产品  [克制：需求未明确不推产品]")
                .hasMessageContaining("Rules fired: 随便了解 → 问了价格 → 痘痘点到为止 → 一问价就推荐 → 克制：需求未明确不推产品");
    }

    @Test
    void descriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(restrained).as("restraint case").hasAction("OFFER_PRODUCT"))
                .hasMessageStartingWith("[restraint case] Expected action OFFER_PRODUCT but was STOP_GENTLY.");
    }

    @Test
    void hasNoAction() {
        assertThat(capped).hasNoAction();
        assertThatThrownBy(() -> assertThat(hot).hasNoAction())
                .hasMessage("Expected no action (NONE) but was OFFER_PRODUCT." + why(hot));
    }

    @Test
    void usedScript() {
        assertThat(hot).usedScript("acne.offer");
        assertThatThrownBy(() -> assertThat(restrained).usedScript("acne.offer"))
                .hasMessage("Expected script acne.offer but was acne.light." + why(restrained));
        assertThatThrownBy(() -> assertThat(capped).usedScript("acne.offer"))
                .hasMessageStartingWith("Expected script acne.offer but was (no script).");
    }

    @Test
    void usedNoScript() {
        assertThat(capped).usedNoScript();
        assertThatThrownBy(() -> assertThat(hot).usedNoScript())
                .hasMessage("Expected no script but was acne.offer." + why(hot));
    }

    @Test
    void hasIntent() {
        assertThat(hot).hasIntent(HOT);
        assertThatThrownBy(() -> assertThat(restrained).hasIntent(HOT))
                .hasMessage("Expected intent HOT but was COLD (score 20)." + why(restrained));
    }

    @Test
    void hasScore() {
        assertThat(hot).hasScore(70);
        assertThatThrownBy(() -> assertThat(restrained).hasScore(70))
                .hasMessage("Expected intent score 70 but was 20." + why(restrained));
    }

    @Test
    void fired() {
        assertThat(hot).fired("痘痘直接推荐", "问了价格");
        assertThatThrownBy(() -> assertThat(restrained).fired("痘痘直接推荐"))
                .hasMessage("Expected rule \"痘痘直接推荐\" to fire, but it did not. Fired: 随便了解 → 问了价格 → "
                        + "痘痘点到为止 → 一问价就推荐 → 克制：需求未明确不推产品." + why(restrained));
        assertThatThrownBy(() -> assertThat(restrained).fired("问了价格", "越快越好", "回复了"))
                .hasMessageStartingWith("Expected rules \"越快越好\", \"回复了\" to fire, but they did not.");
    }

    @Test
    void didNotFire() {
        assertThat(hot).didNotFire("克制：需求未明确不推产品");
        assertThatThrownBy(() -> assertThat(restrained).didNotFire("克制：需求未明确不推产品"))
                .hasMessage("Expected rule \"克制：需求未明确不推产品\" not to fire, but it did." + why(restrained));
    }

    @Test
    void vetoed() {
        assertThat(restrained).vetoed("OFFER_PRODUCT");
        assertThatThrownBy(() -> assertThat(hot).vetoed("OFFER_PRODUCT"))
                .hasMessage("Expected OFFER_PRODUCT to be vetoed, but nothing was vetoed." + why(hot));
        assertThatThrownBy(() -> assertThat(restrained).vetoed("INVITE_TO_GROUP"))
                .hasMessageStartingWith("Expected INVITE_TO_GROUP to be vetoed, but only OFFER_PRODUCT was.");
    }

    @Test
    void vetoedWithReason() {
        assertThat(restrained).vetoedWithReason("OFFER_PRODUCT", "先不推产品");
        assertThatThrownBy(() -> assertThat(restrained).vetoedWithReason("OFFER_PRODUCT", "免打扰时段"))
                .hasMessage("Expected OFFER_PRODUCT to be vetoed because \"免打扰时段\" but it was vetoed because "
                        + "\"需求还不强烈，先不推产品\" [克制：需求未明确不推产品]." + why(restrained));
    }

    @Test
    void wasNotVetoed() {
        assertThat(hot).wasNotVetoed("OFFER_PRODUCT");
        assertThatThrownBy(() -> assertThat(restrained).wasNotVetoed("OFFER_PRODUCT"))
                .hasMessage("Expected OFFER_PRODUCT not to be vetoed, but 克制：需求未明确不推产品 vetoed it: "
                        + "需求还不强烈，先不推产品." + why(restrained));
    }

    @Test
    void textContains() {
        assertThat(hot).textContains("高姿净痘精华");
        assertThatThrownBy(() -> assertThat(restrained).textContains("高姿净痘精华"))
                .hasMessage("Expected the text to contain \"高姿净痘精华\" but it was \"亲，痘痘期记得清淡饮食、别用手挤哦，"
                        + "有问题随时找小丸子～\"." + why(restrained));
        assertThatThrownBy(() -> assertThat(capped).textContains("亲"))
                .hasMessageStartingWith("Expected the text to contain \"亲\" but it was empty.");
    }

    @Test
    void hasVariant() {
        Decision motive = customers.customer("customer-1").codes("3DU2").replied().decide();
        String variant = motive.variantId().orElseThrow();
        String other = variant.equals("a") ? "b" : "a";

        assertThat(motive).hasVariant(variant);
        assertThatThrownBy(() -> assertThat(motive).hasVariant(other))
                .hasMessage("Expected variant " + other + " but was " + variant + "." + why(motive));
        assertThatThrownBy(() -> assertThat(hot).hasVariant("a"))
                .hasMessageStartingWith("Expected variant a but was (no variant).");
    }

    @Test
    void hasEvidence() {
        assertThat(hot).hasEvidence("问了价格").hasEvidence("希望越快改善越好");
        assertThatThrownBy(() -> assertThat(restrained).hasEvidence("回复了上一条消息"))
                .hasMessage("Expected intent evidence \"回复了上一条消息\" but there was only -10 只是随便了解 [随便了解], "
                        + "+30 问了价格或购买方式 [问了价格]." + why(restrained));
    }

    @Test
    void failedAndSucceeded() {
        Decision failed = customers.customer("c-fail").codes("3DU3").attribute("weatherAlert", true).decide();

        assertThat(failed).failed().failedWith("city.tip").hasAction(Decision.FAILED);
        assertThat(hot).succeeded();
        assertThatThrownBy(() -> assertThat(hot).failed())
                .hasMessage("Expected the decision to fail but it succeeded with action OFFER_PRODUCT." + why(hot));
        assertThatThrownBy(() -> assertThat(failed).succeeded())
                .hasMessageStartingWith("Expected the decision to succeed but it failed: ")
                .hasMessageContaining("city.tip")
                .hasMessageContaining("Why:\nCustomer c-fail — pack skincare-test 1.0.0\n  FAILED: ");
        assertThatThrownBy(() -> assertThat(failed).failedWith("loop"))
                .hasMessageStartingWith("Expected the failure to mention \"loop\" but it was: ");
    }

    @Test
    void chainsReadAsASentence() {
        assertThat(hot).succeeded().hasAction("OFFER_PRODUCT").usedScript("acne.offer").hasIntent(HOT).hasScore(70)
                .fired("痘痘直接推荐").didNotFire("克制：需求未明确不推产品").textContains("新人价");
        assertThat(restrained).hasAction("STOP_GENTLY").hasIntent(COLD).vetoed("OFFER_PRODUCT")
                .vetoedWithReason("OFFER_PRODUCT", "需求还不强烈");
    }

    @Test
    void nullDecisionFailsClearly() {
        assertThatThrownBy(() -> assertThat((Decision) null).hasAction("X"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }
}
