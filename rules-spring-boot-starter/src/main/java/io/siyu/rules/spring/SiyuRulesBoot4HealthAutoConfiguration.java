package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The rule pack's health indicator ({@code siyuRules}) on Spring Boot 4, whose health API is in
 * {@code org.springframework.boot.health}: the same states as on Boot 3 ({@link PackHealth}). Off with
 * {@code management.health.siyurules.enabled=false}.
 */
@AutoConfiguration(after = SiyuRulesAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(LiveRulePack.class)
@ConditionalOnEnabledHealthIndicator("siyurules")
public class SiyuRulesBoot4HealthAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesBoot4HealthAutoConfiguration() {
    }

    /**
     * The indicator.
     *
     * @param live       the pack
     * @param properties the properties, for the language of the states
     * @return the indicator, named {@code siyuRules} in the health endpoint
     */
    @Bean
    @ConditionalOnMissingBean(name = "siyuRulesHealthIndicator")
    Boot4PackHealthIndicator siyuRulesHealthIndicator(LiveRulePack live, ObjectProvider<SiyuRulesProperties> properties) {
        SiyuRulesProperties p = properties.getIfAvailable();
        return new Boot4PackHealthIndicator(live, p == null ? null : p.getLocale());
    }
}
