package io.siyu.rules.examples;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Veto;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.testkit.RuleCases;
import io.siyu.rules.testkit.RuleCoverage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The neighbourhood store pack: strategy by store type, group matrix, gifts, fission, VIP, group health. */
class RetailPackTest {
    private static final Codebook CODEBOOK = Codebook.load(ExamplePacks.retail().resolve("codebook.json"));
    private static final RulePack PACK = Packs.load(ExamplePacks.retail(), Packs.TEN_AM);

    /** A returning customer of the store, not in any group yet. */
    private static Customer.Builder regular(String codes) {
        return Customer.builder("r-" + codes).tags(CODEBOOK.decode(codes)).purchasedBefore(true)
                .attribute("nickname", "王阿姨");
    }

    /** The store's case table ({@code tests/cases.csv}), one dynamic test per row, run by the testkit. */
    @TestFactory
    Stream<DynamicTest> cases() {
        RuleCases cases = RuleCases.from(PACK, Path.of("packs/retail/tests/cases.csv"))
                .recordingTo(RuleCoverage.independent(PACK));
        assertThat(cases.rows()).hasSizeGreaterThanOrEqualTo(15);
        return cases.dynamicTests();
    }

    @Test
    void loadsWithEnoughRules() {
        assertThat(PACK.rules()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "S1YG13, retail.group.parenting",
            "S1LV2, retail.group.health",
            "S1YG2, retail.group.trends",
            "S2MV3, retail.group.premium",
            "S1MG1V1, retail.group.bargain",
            "S3MG2, retail.group.neighbours",
    })
    void routesIntoTheGroupMatrix(String codes, String script) {
        Decision d = PACK.decide(regular(codes).build());
        assertThat(d.action()).isEqualTo("INVITE_TO_GROUP");
        assertThat(d.scriptId()).contains(script);
    }

    @Test
    void strategyFollowsTheStoreType() {
        assertThat(PACK.decide(regular("S1M").attribute("group", "joined").build()).scriptId())
                .contains("retail.activate.checkin");
        assertThat(PACK.decide(regular("S2M").attribute("group", "joined").build()).scriptId())
                .contains("retail.alliance");
        assertThat(PACK.decide(regular("S2M").attribute("group", "joined").replied(true).silentHours(30)
                .attribute("purchases30d", 2).attribute("monthlySpend", 520).build()).scriptId())
                .contains("retail.alliance.coupon");
        assertThat(PACK.decide(regular("S3M").attribute("group", "joined").build()).scriptId())
                .contains("retail.niche.content");
    }

    @Test
    void storedValueOnlyForHotCustomersOfAFrequentStore() {
        Customer.Builder warm = regular("S1MV2").attribute("group", "joined").attribute("purchases30d", 2)
                .attribute("monthlySpend", 520).replied(true).silentHours(30);
        Decision notYet = PACK.decide(warm.build());
        assertThat(notYet.intent()).isEqualTo(IntentLevel.WARM);
        assertThat(notYet.action()).isNotEqualTo("STORED_VALUE");
        assertThat(notYet.vetoed()).extracting(Veto::rule).contains("克制：储值只推给热客户");

        Decision hot = PACK.decide(warm.message("怎么充值？").build());
        assertThat(hot.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(hot.action()).isEqualTo("STORED_VALUE");
    }

    @Test
    void newCustomerGetsACheapLeadInGift() {
        Customer fresh = Customer.builder("n1").tags(CODEBOOK.decode("S1YG1")).attribute("leadGiftCost", 2.5).build();
        assertThat(PACK.decide(fresh).scriptId()).contains("retail.gift.leadin");
        Decision tooDear = PACK.decide(fresh.toBuilder().attribute("leadGiftCost", 8).build());
        assertThat(tooDear.action()).isEqualTo("INVITE_TO_GROUP");
        assertThat(tooDear.vetoed()).extracting(Veto::rule).contains("引流礼品成本不超过 3 元");
    }

    @Test
    void valueCustomersArePromotedAndFreeloadersRemoved() {
        Customer.Builder loyal = regular("S1MV3").attribute("group", "joined").attribute("monthlySpend", 680)
                .attribute("purchases30d", 6);
        assertThat(PACK.decide(loyal.build()).action()).isEqualTo("PROMOTE_VIP");
        assertThat(PACK.decide(loyal.attribute("vip", "yes").build()).action()).isNotEqualTo("PROMOTE_VIP");

        Customer.Builder freeloader = regular("S1MV1").attribute("group", "joined").attribute("redPacketsGrabbed", 14)
                .attribute("purchases30d", 0);
        assertThat(PACK.decide(freeloader.build()).scriptId()).contains("retail.freeloader.notice");
        Decision vip = PACK.decide(freeloader.attribute("vip", "yes").build());
        assertThat(vip.action()).isNotEqualTo("REMOVE_FROM_GROUP");
        assertThat(vip.vetoed()).extracting(Veto::rule).contains("已是 VIP：不重复升级，也不当白嫖清理");
    }

    @Test
    void fissionIsRewarded() {
        Customer.Builder inGroup = regular("S1M").attribute("group", "joined");
        assertThat(PACK.decide(inGroup.attribute("friendTopUps", 1).build()).scriptId()).contains("retail.reward.topup");
        assertThat(PACK.decide(regular("S1M").attribute("invitesThisWeek", 2).attribute("group", "joined").build())
                .scriptId()).contains("retail.reward.invite");
        assertThat(PACK.decide(regular("S1M").attribute("postedMoments", "yes").attribute("group", "joined").build())
                .scriptId()).contains("retail.reward.moments");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "value,       60, 0.1, 0.1, 0.5,  REWARD_GROUP",
            "chicken-rib, 5,  0.7, 0.1, 0.3,  REVIVE_GROUP",
            "dead,        0,  0.9, 0.0, 0.01, DISSOLVE_GROUP",
            "spam,        30, 0.2, 0.6, 0.2,  CLEAN_GROUP",
    })
    void groupHealthFromAGroupRecord(String kind, int chats, double muted, double ads, double redPackets,
                                     String action) {
        Customer group = Customer.builder("group-" + kind).tags(TagSet.none()).attribute("kind", "group")
                .attribute("memberChats7d", chats).attribute("mutedShare", muted).attribute("adShare", ads)
                .attribute("redPacketResponse", redPackets).build();
        assertThat(PACK.decide(group).action()).isEqualTo(action);
    }

    @Test
    void dailyCapAndRefusalLeaveOnlyWaiting() {
        assertThat(PACK.decide(regular("S1LV2").touchesToday(2).build()).action()).isEqualTo("WAIT");
        assertThat(PACK.decide(regular("S1LV2").message("不需要，别发了").build()).action()).isEqualTo("WAIT");
    }

    @Test
    void quietHoursStartAtHalfPastNineForANeighbourhoodStore() {
        Customer elderly = regular("S1LV2").build();
        Decision late = Packs.load(ExamplePacks.retail(), Packs.at(2026, 11, 23, 21, 45)).decide(elderly);
        assertThat(late.action()).isEqualTo("WAIT");
        assertThat(late.vetoed()).extracting(Veto::rule).contains("免打扰时段");
        assertThat(Packs.load(ExamplePacks.retail(), Packs.at(2026, 11, 23, 21, 15)).decide(elderly).action())
                .isEqualTo("INVITE_TO_GROUP");
    }
}
