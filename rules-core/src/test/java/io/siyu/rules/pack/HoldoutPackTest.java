package io.siyu.rules.pack;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A held-out customer never gets a text: decide, decideAll, group content, the day's plan. */
class HoldoutPackTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static RulePack pack;
    static RulePack noHoldout;

    /** The skincare pack with half of its customers held out. */
    @BeforeAll
    static void load() throws IOException {
        Path dir = tmp.resolve("skincare-holdout");
        try (Stream<Path> files = Files.walk(SKINCARE)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve(SKINCARE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        String manifest = Files.readString(dir.resolve("pack.json"), StandardCharsets.UTF_8).strip();
        Files.writeString(dir.resolve("pack.json"), manifest.substring(0, manifest.length() - 1)
                + ", \"holdout\": {\"percent\": 50, \"salt\": \"test\"}, \"attribution\": {\"windowDays\": 3}}\n",
                StandardCharsets.UTF_8);
        PackOptions options = PackOptions.builder().locale(Locale.ENGLISH).clock(NOON).build();
        pack = RulePack.load(dir, options);
        noHoldout = RulePack.load(SKINCARE, options);
    }

    /** Warm acne customers (the motive script, which has variants a and b), half of them held out. */
    private static List<Customer> customers() {
        List<Customer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(Customer.builder("c-" + i).tags(pack.codebook().decode("3DU2")).replied(true)
                    .attribute("nickname", "小美").build());
        }
        return out;
    }

    @Test
    void packJsonSetsTheHoldoutAndTheAttributionWindow() {
        assertThat(pack.manifest().holdout()).isEqualTo(new Holdout(5_000, "test"));
        assertThat(pack.manifest().attributionWindowDays()).isEqualTo(3);
        assertThat(noHoldout.manifest().holdout()).isEqualTo(Holdout.NONE);
        assertThat(noHoldout.manifest().attributionWindowDays()).isEqualTo(7);
    }

    @Test
    void aHeldOutCustomerGetsHoldoutWithNoTextAndWhatWouldHaveBeenSent() {
        List<Decision> decisions = customers().stream().map(pack::decide).toList();
        List<Decision> held = decisions.stream().filter(Decision::isHeldOut).toList();
        assertThat(held).hasSizeBetween(8, 32);
        for (Decision d : held) {
            assertThat(d.action()).isEqualTo(Decision.HOLDOUT);
            assertThat(d.arm()).isEqualTo(Holdout.Arm.HOLDOUT);
            assertThat(d.text()).isEmpty();
            assertThat(d.script()).isEmpty();
            assertThat(d.scriptId()).isEmpty();
            assertThat(d.winner()).isEmpty();
            assertThat(d.explain()).doesNotContain("小美").contains("holdout control group: nothing is sent")
                    .contains("would have been STRENGTHEN_MOTIVE acne.motive variant");
            Decision.Counterfactual c = d.counterfactual().orElseThrow();
            assertThat(c.winner().getAction()).isEqualTo("STRENGTHEN_MOTIVE");
            assertThat(c.scriptId()).contains("acne.motive");
            // The variant the customer would have got: the one the same customer gets without a holdout.
            assertThat(c.variantId()).isEqualTo(noHoldout.decide(customer(d.customerId())).variantId().orElseThrow());
            assertThat(pack.json().write(d)).doesNotContain("小美").contains("\"action\":\"HOLDOUT\"")
                    .contains("\"text\":\"\"").contains("\"arm\":\"HOLDOUT\"")
                    .contains("\"counterfactual\":{\"action\":\"STRENGTHEN_MOTIVE\",\"script\":\"acne.motive\"");
        }
        for (Decision d : decisions.stream().filter(d -> !d.isHeldOut()).toList()) {
            assertThat(d.action()).isEqualTo("STRENGTHEN_MOTIVE");
            assertThat(d.text()).contains("小美");
            assertThat(d.counterfactual()).isEmpty();
        }
        // The same customers are held out by every pack loaded with this pack.json, whatever the order.
        assertThat(pack.decideAll(customers()).stream().filter(Decision::isHeldOut).map(Decision::customerId).toList())
                .isEqualTo(held.stream().map(Decision::customerId).toList());
    }

    private static Customer customer(String id) {
        return Customer.builder(id).tags(pack.codebook().decode("3DU2")).replied(true).attribute("nickname", "小美")
                .build();
    }

    @Test
    void decideAllWithAListenerAndStatisticsSendsNoTextEither() {
        DecisionListenerTest.Recorder recorder = new DecisionListenerTest.Recorder();
        RulePack listened = RulePack.load(pack.source(), pack.options().toBuilder().listener(recorder)
                .ruleStatistics(true).build());
        List<Decision> all = listened.decideAll(customers());
        assertThat(all).filteredOn(Decision::isHeldOut).isNotEmpty().allSatisfy(d -> assertThat(d.text()).isEmpty());
        assertThat(recorder.events).filteredOn(e -> e.endsWith(" HOLDOUT")).hasSize(
                (int) all.stream().filter(Decision::isHeldOut).count());
    }

    @Test
    void aHoldoutDecisionReadsBackFromJsonEqual() {
        DecisionJson json = pack.json();
        for (Customer c : customers()) {
            Decision d = pack.decide(c);
            Decision back = json.readDecision(json.write(d));
            assertThat(back).isEqualTo(d);
            assertThat(back.id()).isEqualTo(d.id()).startsWith("d-").hasSize(26);
            assertThat(back.decidedAt()).contains(NOON.instant());
        }
    }

    @Test
    void controlGroupsAreSeatedApartAndGetNoContentInThePlanOrFromContentFor() {
        Funnel funnel = pack.withClock(Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC))
                .funnel(FunnelStore.inMemory());
        TagSet acne = pack.codebook().decode("3D");
        Instant day0 = Instant.parse("2026-11-23T02:00:00Z");
        for (int i = 0; i < 40; i++) {
            funnel.record(new FunnelEvent.Added("a-" + i, "c-" + i, day0));
            funnel.record(new FunnelEvent.Surveyed("s-" + i, "c-" + i, day0.plusSeconds(1), acne));
        }
        // Day 0: the held-out customers are not on the one-to-one list.
        DailyPlan dayZero = pack.planFor(LocalDate.of(2026, 11, 23), funnel);
        assertThat(dayZero.oneToOne()).extracting(Journey::customerId)
                .noneMatch(id -> pack.manifest().holdout().holdsOut(id)).isNotEmpty();

        funnel.advance(LocalDate.of(2026, 11, 24));
        for (int i = 0; i < 40; i++) {
            Journey j = funnel.journey("c-" + i).orElseThrow();
            assertThat(j.stage()).isEqualTo(Stage.SEEDING);
            assertThat(Holdout.isControlGroup(j.groupId())).as(j.customerId())
                    .isEqualTo(pack.manifest().holdout().holdsOut(j.customerId()));
        }
        assertThat(funnel.activeGroups(LocalDate.of(2026, 11, 24))).extracting(g -> g.groupId())
                .containsExactlyInAnyOrder("D-2026-11-23-1", "holdout-D-2026-11-23-1");

        DailyPlan plan = pack.planFor(LocalDate.of(2026, 11, 24), funnel);
        assertThat(plan.groups()).extracting(g -> g.day().groupId()).containsExactly("D-2026-11-23-1");
        assertThat(plan.missingContent()).extracting(GroupDay::groupId).doesNotContain("holdout-D-2026-11-23-1");
        assertThat(plan.groups().get(0).content()).isNotEmpty();

        GroupDay control = new GroupDay("holdout-D-2026-11-23-1", Stage.SEEDING, 1, acne, LocalDate.of(2026, 11, 24));
        assertThat(pack.contentFor(control)).isEmpty();
        GroupDay treated = new GroupDay("D-2026-11-23-1", Stage.SEEDING, 1, acne, LocalDate.of(2026, 11, 24));
        assertThat(pack.contentFor(treated)).isNotEmpty();
    }

    @Test
    void aWrongHoldoutOrWindowIsAnErrorAtItsPlaceInEnglishAndChinese() {
        String rule = "rule \"x\"\n    ruleflow-group \"propose\"\nwhen\nthen\nend\n";
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            RulePackException e = org.assertj.core.api.Assertions.catchThrowableOfType(RulePackException.class,
                    () -> RulePack.load(PackSource.files(java.util.Map.of(
                            "pack.json", "{\"id\": \"h\", \"version\": \"1\",\n"
                                    + " \"holdout\": {\"percent\": 2.555},\n \"attribution\": {\"windowDays\": 91}}",
                            "rules/x.drl", rule)), PackOptions.builder().locale(locale).build()));
            assertThat(e.diagnostics()).extracting(d -> d.key() + " " + d.path() + " " + d.line())
                    .containsExactly("pack.holdout-precision holdout.percent 2", "json.out-of-range attribution.windowDays 3");
            assertThat(e.diagnostics().get(0).message()).contains(locale == Locale.ENGLISH
                    ? "The holdout share 2.555 has more than two decimals" : "对照组比例 2.555 的小数超过两位");
        }
    }

    @Test
    void aPacksCaseTablesStillTestTheRulesWhenSomeOfTheirCustomersAreHeldOut() {
        io.siyu.rules.cases.CaseRunner runner = io.siyu.rules.cases.CaseRunner.of(pack);
        io.siyu.rules.cases.CaseTable table = io.siyu.rules.cases.CaseTable.load(
                Path.of("src/test/resources/cases/skincare.csv"), Locale.ENGLISH);
        List<io.siyu.rules.cases.CaseResult> results = runner.run(List.of(table));
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r.passed()).as(r.format()).isTrue());
    }
}
