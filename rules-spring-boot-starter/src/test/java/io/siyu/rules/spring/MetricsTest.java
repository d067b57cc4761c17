package io.siyu.rules.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The meters: recorded by the listener the starter registers when the application has a registry. */
class MetricsTest {

    @Test
    void decisionsAreCountedByActionAndIntentTimedAndTheirRulesCounted() {
        Runners.starter().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("siyu.rules.pack=" + Packs.GAOZI).run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    RulePack pack = context.getBean(LiveRulePack.class).current();
                    pack.decide(pack.json().readCustomer(Packs.HOT_CUSTOMER));
                    pack.decide(pack.json().readCustomer(Packs.HOT_CUSTOMER.replace("\"c1\"", "\"c2\"")));
                    pack.decide(pack.json().readCustomer("{\"id\":\"c3\",\"codes\":\"3DU3\"}"));

                    assertThat(meters.get(SiyuRulesMetrics.DECISIONS).tags("pack", "gaozi", "action", "OFFER_PRODUCT",
                            "intent", "HOT").counter().count()).isEqualTo(2);
                    assertThat(meters.get(SiyuRulesMetrics.DECISIONS).counters()).hasSize(2);
                    assertThat(meters.get(SiyuRulesMetrics.LATENCY).tags("pack", "gaozi").timer().count()).isEqualTo(3);
                    assertThat(meters.get(SiyuRulesMetrics.LATENCY).timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                            .isPositive();
                    assertThat(meters.get(SiyuRulesMetrics.RULES_FIRED).tags("rule", "消息：问价格、问怎么买").counter().count())
                            .as("the rule that hears a price question fired for both hot customers").isEqualTo(2);
                    assertThat(meters.get(SiyuRulesMetrics.RELOADS).tags("outcome", "ready").counter().count()).isOne();
                    assertThat(meters.get(SiyuRulesMetrics.RELOADS).tags("outcome", "rejected").counter().count()).isZero();
                });
    }

    @Test
    void reloadsAreCountedByOutcome(@TempDir Path dir) {
        Packs.write(dir, Packs.mini("1"));
        Runners.starter().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("siyu.rules.pack=file:" + dir).run(context -> {
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    live.reload();
                    Packs.write(dir, Packs.broken());
                    assertThatThrownBy(live::reload).isInstanceOf(RulePackException.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get(SiyuRulesMetrics.RELOADS).tags("outcome", "ready").counter().count()).isOne();
                    assertThat(meters.get(SiyuRulesMetrics.RELOADS).tags("outcome", "reloaded").counter().count()).isOne();
                    assertThat(meters.get(SiyuRulesMetrics.RELOADS).tags("outcome", "rejected").counter().count()).isOne();
                });
    }

    @Test
    void funnelEventsAreCountedByKindAndADuplicateOnce() {
        Runners.starter().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(FunnelStore.class, FunnelStore::inMemory)
                .withBean(PackSource.class, () -> PackSource.files(Packs.mini("1"))).run(context -> {
                    Funnel funnel = context.getBean(Funnel.class);
                    Instant at = Instant.parse(Packs.MORNING).minusSeconds(3600);
                    funnel.record(new FunnelEvent.Added("a-1", "c1", at));
                    funnel.record(new FunnelEvent.Added("a-1", "c1", at));
                    funnel.record(new FunnelEvent.Purchased("p-1", "c1", at.plusSeconds(60), 29900));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get(SiyuRulesMetrics.FUNNEL_EVENTS).tags("kind", "Added").counter().count()).isOne();
                    assertThat(meters.get(SiyuRulesMetrics.FUNNEL_EVENTS).tags("kind", "Purchased").counter().count())
                            .isOne();
                });
    }

    @Test
    void noRegistryNoMeters() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SiyuRulesMetrics.class));
    }
}
