package io.siyu.rules.spring;

import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.pack.LiveRulePack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * A {@link Funnel} over the application's {@link FunnelStore} (the starter's {@code JdbcFunnelStore}, or one the
 * application defines), with the pack's {@code funnel.json} and the {@link Clock} bean. When the pack is built in
 * the background the funnel does not wait for it: its settings are read from the pack's {@code funnel.json}
 * directly. The settings are those of the pack at start: a reload that changes {@code funnel.json} takes effect at
 * the next start. When {@code SiyuRulesMetrics} is there, the events recorded are counted.
 */
@AutoConfiguration(after = {SiyuRulesFunnelStoreAutoConfiguration.class, SiyuRulesMetricsAutoConfiguration.class})
@ConditionalOnBean({LiveRulePack.class, FunnelStore.class})
@ConditionalOnProperty(prefix = SiyuRulesProperties.PREFIX, name = "funnel.enabled", matchIfMissing = true)
public class SiyuRulesFunnelAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesFunnelAutoConfiguration() {
    }

    /**
     * The funnel.
     *
     * @param live       the pack, whose {@code funnel.json} sets the funnel
     * @param store      where the funnel keeps everything
     * @param clock      what "today" is
     * @param properties the properties, for the language of problems in {@code funnel.json}
     * @param metrics    the meters, when there are
     * @return the funnel
     * @throws io.siyu.rules.funnel.FunnelConfigException when the pack is built in the background and its
     *                                                    {@code funnel.json} has problems
     */
    @Bean
    @ConditionalOnMissingBean
    public Funnel siyuFunnel(LiveRulePack live, FunnelStore store, Clock clock,
                             ObjectProvider<SiyuRulesProperties> properties, ObjectProvider<FunnelStoreMeter> metrics) {
        SiyuRulesProperties p = properties.getIfAvailable();
        FunnelConfig config = live.isReady() ? live.current().funnelConfig()
                : PackFunnelConfig.read(live.source(), p == null ? null : p.getLocale());
        FunnelStoreMeter meter = metrics.getIfAvailable();
        return Funnel.create(config, clock, meter == null ? store : meter.meter(store));
    }
}
