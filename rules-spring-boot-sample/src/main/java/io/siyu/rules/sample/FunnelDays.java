package io.siyu.rules.sample;

import io.siyu.rules.funnel.Funnel;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Crosses the funnel's day boundary every night (five past midnight in Shanghai, {@code crm.advance-cron}): customers
 * whose day 0 ended are seated in their groups, groups move from seeding to conversion. Recording an event of a later
 * day crosses it too, so a night without this job loses nothing; any number of instances may run it (the store's
 * lease lets one advance at a time).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FunnelDays {
    private final Funnel funnel;

    FunnelDays(Funnel funnel) {
        this.funnel = funnel;
    }

    @Scheduled(cron = "${crm.advance-cron:0 5 0 * * *}", zone = "${crm.advance-zone:Asia/Shanghai}")
    void advance() {
        funnel.advance();
    }
}
