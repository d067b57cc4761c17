package io.siyu.rules.spring;

import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.RulePack;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The application's readiness while a pack is built in the background: when Spring Boot declares the application
 * ready to accept traffic before the pack serves, this turns readiness back to REFUSING_TRAFFIC, and to
 * ACCEPTING_TRAFFIC once the first version serves. So {@code /actuator/health/readiness} is OUT_OF_SERVICE
 * meanwhile, with no setting of the host's. Thread-safe: the pack's loader thread and the starting thread meet in
 * one lock, so that the pack turning ready while the application turns ready cannot leave readiness refused.
 *
 * <p>Spring Boot's {@code ApplicationAvailabilityBean} records each state as its listener is told; this listener
 * must be told after it, or the REFUSING_TRAFFIC it publishes while ACCEPTING_TRAFFIC is being told would be
 * overwritten by ACCEPTING_TRAFFIC. Listeners of the same order are told in the order they were made, so this one
 * is last in order and its bean method makes Boot's bean first ({@link SiyuRulesAutoConfiguration}): the
 * application's own beans that need the pack make this listener early, before Boot's would otherwise be made
 * (the sample's NotReadyTest failed that way).
 */
final class PackReadiness implements DecisionListener, ApplicationListener<AvailabilityChangeEvent<?>>, Ordered {
    private final ApplicationEventPublisher publisher;
    private final Object lock = new Object();
    private boolean packReady;
    private boolean refused;

    PackReadiness(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        synchronized (lock) {
            if (!packReady) {
                refused = true;
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void ready(RulePack pack) {
        synchronized (lock) {
            packReady = true;
            if (refused) {
                refused = false;
                AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }
}
