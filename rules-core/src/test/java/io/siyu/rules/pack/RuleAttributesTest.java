package io.siyu.rules.pack;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.funnel.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Drools attributes a pack honours work with its phases and the decision's clock, never the computer's:
 * a {@code date-effective} rule fires from that day in the pack's timezone, as the pack's clock says.
 */
class RuleAttributesTest {
    @TempDir
    Path dir;

    private RulePack pack(String rules) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": 1, \"timezone\": \"Asia/Shanghai\"}");
        Files.writeString(dir.resolve("rules/r.drl"), rules);
        return RulePack.load(dir, PackOptions.builder().locale(Locale.ENGLISH).build());
    }

    private static String at(RulePack pack, String time) {
        OffsetDateTime t = OffsetDateTime.parse(time);
        return pack.withClock(Clock.fixed(t.toInstant(), t.getOffset())).decide(Customer.builder("c").build()).action();
    }

    @Test
    void datesAreJudgedByTheDecisionsClockInThePacksTimezone() throws IOException {
        RulePack pack = pack("""
                rule "双十一"
                    ruleflow-group "propose"
                    date-effective "01-Nov-2026"
                    date-expires "2026-11-12"
                when
                    Customer( )
                then
                    actions.propose("PROMO", 50, "双十一");
                end

                rule "平时"
                    ruleflow-group "propose"
                when
                    Customer( )
                then
                    actions.propose("WAIT", 10, "平时");
                end
                """);

        assertThat(at(pack, "2026-10-31T23:59:59+08:00")).isEqualTo("WAIT");
        // 16:00 UTC on 31 October is midnight on 1 November in Shanghai, the pack's timezone.
        assertThat(at(pack, "2026-10-31T16:00:00Z")).isEqualTo("PROMO");
        assertThat(at(pack, "2026-11-11T23:59:59+08:00")).isEqualTo("PROMO");
        assertThat(at(pack, "2026-11-12T00:00:00+08:00")).isEqualTo("WAIT");
        // The example of the issue: the verdict depends on the clock given, not on the day the test runs.
        assertThat(at(pack, "2026-11-05T10:00:00+08:00")).isEqualTo("PROMO");
        assertThat(pack.withClock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
                .decide(Customer.builder("c").build()).firedRules()).containsExactly("平时");
    }

    @Test
    void aDatedContentRuleIsJudgedByTheGroupDaysDate() throws IOException {
        RulePack pack = pack("""
                rule "双十一群"
                    ruleflow-group "content"
                    date-effective "2026-11-01"
                when
                    GroupDay( seeding )
                then
                    actions.propose("GROUP_POST", 50, "双十一");
                end
                """);
        GroupDay before = new GroupDay("g1", Stage.SEEDING, 1, TagSet.none(), LocalDate.of(2026, 10, 31));
        GroupDay on = new GroupDay("g1", Stage.SEEDING, 1, TagSet.none(), LocalDate.of(2026, 11, 1));

        assertThat(pack.contentFor(before)).isEmpty();
        assertThat(pack.contentFor(on)).extracting(PlannedContent::reason).containsExactly("双十一");
    }

    @Test
    void anActivationGroupLetsOneRuleOfItFireInAPhase() throws IOException {
        RulePack pack = pack("""
                rule "高优先"
                    ruleflow-group "propose"
                    activation-group "只推一个"
                    salience 10
                when
                    Customer( )
                then
                    actions.propose("A", 50, "a");
                end

                rule "低优先"
                    ruleflow-group "propose"
                    activation-group "只推一个"
                when
                    Customer( )
                then
                    actions.propose("B", 40, "b");
                end
                """);

        Decision d = pack.decide(Customer.builder("c").build());

        assertThat(d.firedRules()).containsExactly("高优先");
        assertThat(d.losing()).isEmpty();
    }
}
