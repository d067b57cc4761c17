package io.siyu.rules.spring;

import io.siyu.rules.pack.PackSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's tests (scanned from its test jar) run here on Spring Boot 4: this proves the class path is Boot 4's,
 * and that the health indicator made is the one for Boot 4's health API.
 */
class RunsOnBoot4Test {
    @Test
    void theClassPathIsSpringBoot4AndTheBoot4HealthIndicatorIsTheOneMade() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1"))).run(context -> {
            assertThat(context).hasNotFailed();
            Object indicator = context.getBean("siyuRulesHealthIndicator");
            assertThat(indicator).isInstanceOf(Boot4PackHealthIndicator.class)
                    .isInstanceOf(org.springframework.boot.health.contributor.HealthIndicator.class);
            assertThat(HealthProbe.check(indicator).status()).isEqualTo("UP");
        });
    }
}
