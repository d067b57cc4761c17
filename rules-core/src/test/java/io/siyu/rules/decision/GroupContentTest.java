package io.siyu.rules.decision;

import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The pack's content rules choose each cohort group's post for a funnel day. */
class GroupContentTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void planForADayGivesEachGroupItsContentAndReportsGroupsWithout() {
        LocalDate day0 = LocalDate.of(2026, 11, 23);
        Clock day1 = Clock.fixed(day0.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
        RulePack pack = RulePack.load(SkincareDecisionTest.PACK, PackOptions.builder().clock(day1).build());
        Funnel funnel = pack.funnel(FunnelStore.inMemory());
        Instant morning = day0.atTime(10, 0).atZone(SHANGHAI).toInstant();
        String[][] customers = {{"acne-1", "3DU2"}, {"acne-2", "34DU3"}, {"dry-1", "1AU2"}};
        for (String[] c : customers) {
            funnel.record(new FunnelEvent.Added("add-" + c[0], c[0], morning));
            funnel.record(new FunnelEvent.Surveyed("survey-" + c[0], c[0], morning.plusSeconds(60),
                    pack.codebook().decode(c[1])));
        }
        funnel.advance(day0.plusDays(1));

        DailyPlan plan = pack.planFor(day0.plusDays(1), funnel);

        assertThat(plan.groups()).singleElement().satisfies(g -> {
            assertThat(g.day().stage()).isEqualTo(Stage.SEEDING);
            assertThat(g.day().day()).isEqualTo(1);
            assertThat(g.day().tags().codes()).isEqualTo("D");
            assertThat(g.content()).singleElement().satisfies(content -> {
                assertThat(content.scriptId()).isEqualTo("acne.seeding.d1");
                assertThat(content.text()).startsWith("姐妹们早上好～");
                assertThat(content.reason()).isEqualTo("种草第1天：讲清楚痘痘为什么反复");
                assertThat(content.rule()).isEqualTo("痘痘群 种草第1天");
            });
        });
        assertThat(plan.missingContent()).singleElement()
                .satisfies(missing -> assertThat(missing.tags().codes()).isEqualTo("A"));
    }
}
