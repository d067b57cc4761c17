package io.siyu.rules.spring;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application context with the starter's auto-configurations, as a Spring Boot application has them. */
final class Runners {
    private Runners() {
    }

    static ApplicationContextRunner starter() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SiyuRulesAutoConfiguration.class,
                        SiyuRulesMetricsAutoConfiguration.class, SiyuRulesFunnelStoreAutoConfiguration.class,
                        SiyuRulesFunnelAutoConfiguration.class, SiyuRulesHealthAutoConfiguration.class,
                        SiyuRulesBoot4HealthAutoConfiguration.class, SiyuRulesActuatorAutoConfiguration.class))
                .withPropertyValues("siyu.rules.locale=en", "siyu.rules.clock.fixed=" + Packs.MORNING);
    }
}
