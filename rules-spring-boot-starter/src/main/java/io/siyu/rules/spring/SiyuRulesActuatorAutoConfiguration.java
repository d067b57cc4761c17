package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The rule pack in Actuator (Spring Boot 3.5 and 4 alike): the {@code siyuRules} entry of {@code /actuator/info}
 * (off with {@code management.info.siyurules.enabled=false}) and the {@link SiyuRulesEndpoint} (off unless its
 * access is granted).
 */
@AutoConfiguration(after = SiyuRulesAutoConfiguration.class)
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean(LiveRulePack.class)
public class SiyuRulesActuatorAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesActuatorAutoConfiguration() {
    }

    /**
     * The info entry.
     *
     * @param live the pack
     * @return the contributor
     */
    @Bean
    @ConditionalOnMissingBean(name = "siyuRulesInfoContributor")
    @ConditionalOnEnabledInfoContributor("siyurules")
    InfoContributor siyuRulesInfoContributor(LiveRulePack live) {
        return new PackInfoContributor(live);
    }

    /**
     * The endpoint, when its access is granted and it is exposed.
     *
     * @param live the pack
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = SiyuRulesEndpoint.class)
    public SiyuRulesEndpoint siyuRulesEndpoint(LiveRulePack live) {
        return new SiyuRulesEndpoint(live);
    }
}
