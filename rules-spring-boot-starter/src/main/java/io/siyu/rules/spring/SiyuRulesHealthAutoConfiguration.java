package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The rule pack's health indicator ({@code siyuRules}) on Spring Boot 3: see {@link PackHealth} for its states.
 * Off with {@code management.health.siyurules.enabled=false}.
 */
@AutoConfiguration(after = SiyuRulesAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnBean(LiveRulePack.class)
@ConditionalOnEnabledHealthIndicator("siyurules")
public class SiyuRulesHealthAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesHealthAutoConfiguration() {
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
    Boot3PackHealthIndicator siyuRulesHealthIndicator(LiveRulePack live, ObjectProvider<SiyuRulesProperties> properties) {
        SiyuRulesProperties p = properties.getIfAvailable();
        return new Boot3PackHealthIndicator(live, p == null ? null : p.getLocale());
    }
}
