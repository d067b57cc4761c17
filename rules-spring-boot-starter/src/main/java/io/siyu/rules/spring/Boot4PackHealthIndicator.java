package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.util.Locale;

/**
 * {@link PackHealth} as a Spring Boot 4 health indicator ({@code org.springframework.boot.health.contributor}, where
 * Boot 4 moved the health API).
 */
final class Boot4PackHealthIndicator implements HealthIndicator {
    private final LiveRulePack live;
    private final Locale locale;

    Boot4PackHealthIndicator(LiveRulePack live, Locale locale) {
        this.live = live;
        this.locale = locale;
    }

    @Override
    public Health health() {
        PackHealth.Report report = PackHealth.of(live, locale);
        return Health.status(new Status(report.status())).withDetails(report.details()).build();
    }
}
