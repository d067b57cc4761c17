package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.util.Locale;

/** {@link PackHealth} as a Spring Boot 3 health indicator ({@code org.springframework.boot.actuate.health}). */
final class Boot3PackHealthIndicator implements HealthIndicator {
    private final LiveRulePack live;
    private final Locale locale;

    Boot3PackHealthIndicator(LiveRulePack live, Locale locale) {
        this.live = live;
        this.locale = locale;
    }

    @Override
    public Health health() {
        PackHealth.Report report = PackHealth.of(live, locale);
        return Health.status(new Status(report.status())).withDetails(report.details()).build();
    }
}
