package io.siyu.rules.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link SiyuRulesMetrics} when the application has a Micrometer {@link MeterRegistry} (Spring Boot Actuator makes
 * one): registered with the starter's pack like every other {@code DecisionListener} bean, and counting the funnel's
 * events. Ordered after the meter registry's auto-configuration of Boot 3.5 and of Boot 4 (named, so that neither
 * needs the other on the class path).
 */
@AutoConfiguration(before = SiyuRulesAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = SiyuRulesProperties.PREFIX, name = "enabled", matchIfMissing = true)
public class SiyuRulesMetricsAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesMetricsAutoConfiguration() {
    }

    /**
     * The meters.
     *
     * @param registry the application's registry
     * @return the listener that records them
     */
    @Bean
    @ConditionalOnMissingBean
    public SiyuRulesMetrics siyuRulesMetrics(MeterRegistry registry) {
        return new SiyuRulesMetrics(registry);
    }

    /**
     * Counts the funnel's events with the meters.
     *
     * @param metrics the meters
     * @return the store wrapper the funnel's auto-configuration applies
     */
    @Bean
    FunnelStoreMeter siyuFunnelStoreMeter(SiyuRulesMetrics metrics) {
        return store -> new MeteredFunnelStore(store, metrics);
    }
}
