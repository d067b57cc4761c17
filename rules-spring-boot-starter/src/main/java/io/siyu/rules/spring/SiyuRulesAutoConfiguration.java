package io.siyu.rules.spring;

import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

import java.time.Clock;

/**
 * The rule pack of a Spring Boot application: a {@link LiveRulePack} read from {@code siyu.rules.pack}, built while
 * the application starts (or in the background, {@code siyu.rules.startup=background}), optionally watched, and
 * closed at shutdown; the {@link Clock} it decides with; the {@link PackSource} it is read from. Every bean backs off
 * when the application defines one of the same type. Every {@link DecisionListener} bean and every
 * {@link PackOptionsCustomizer} bean is applied to the pack's options, in {@code @Order} order.
 *
 * <p>Off with {@code siyu.rules.enabled=false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration")
@ConditionalOnProperty(prefix = SiyuRulesProperties.PREFIX, name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SiyuRulesProperties.class)
public class SiyuRulesAutoConfiguration {
    /** Made by Spring. */
    public SiyuRulesAutoConfiguration() {
    }

    /**
     * The clock decisions and the funnel read "now" from: the system clock in {@code siyu.rules.clock.zone}, or
     * fixed at {@code siyu.rules.clock.fixed}.
     *
     * @param properties the properties
     * @return the clock
     */
    @Bean
    @ConditionalOnMissingBean
    public Clock siyuRulesClock(SiyuRulesProperties properties) {
        SiyuRulesProperties.ClockSettings clock = properties.getClock();
        return clock.getFixed() != null ? Clock.fixed(clock.getFixed(), clock.getZone()) : Clock.system(clock.getZone());
    }

    /**
     * Where the pack is read from: {@code siyu.rules.pack}, with a class path location resolved by the
     * application's class loader.
     *
     * @param properties     the properties
     * @param resourceLoader the application's resource loader (its class loader sees the fat jar's classes)
     * @return the source
     * @throws InvalidConfigurationPropertyValueException when {@code siyu.rules.pack} is not set
     */
    @Bean
    @Lazy // Made only when the starter's pack needs it: a host with a LiveRulePack of its own sets no location.
    @ConditionalOnMissingBean
    public PackSource siyuRulesPackSource(SiyuRulesProperties properties, ResourceLoader resourceLoader) {
        String location = properties.getPack();
        if (location == null || location.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(SiyuRulesProperties.PREFIX + ".pack", location,
                    StarterMessages.format(properties.getLocale(), "property.pack-missing"));
        }
        ClassLoader loader = resourceLoader.getClassLoader();
        return PackLocation.source(location, loader != null ? loader : getClass().getClassLoader());
    }

    /**
     * Keeps the application's readiness at REFUSING_TRAFFIC while a pack built in the background is not ready.
     *
     * @param publisher    where availability changes are published
     * @param availability Spring Boot's record of the availability states, made before this listener so that it is
     *                     told of each state first (see {@link PackReadiness})
     * @return the listener (also told when the pack is ready)
     */
    @Bean
    @ConditionalOnProperty(prefix = SiyuRulesProperties.PREFIX, name = "startup", havingValue = "background")
    PackReadiness siyuRulesReadiness(ApplicationEventPublisher publisher,
                                     ObjectProvider<ApplicationAvailability> availability) {
        availability.getIfAvailable();
        return new PackReadiness(publisher);
    }

    /**
     * The live rule pack: built now ({@code siyu.rules.startup=blocking}, the default; a broken pack stops the
     * application with its diagnostics) or in the background; watched when {@code siyu.rules.watch.enabled};
     * closed when the application stops.
     *
     * @param properties  the properties
     * @param source      where the pack is
     * @param clock       the clock decisions read
     * @param listeners   every {@link DecisionListener} bean, in {@code @Order} order
     * @param customizers every {@link PackOptionsCustomizer} bean, in {@code @Order} order
     * @return the live pack
     * @throws io.siyu.rules.pack.RulePackException when the pack is built now and has problems
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public LiveRulePack siyuRulesPack(SiyuRulesProperties properties, PackSource source, Clock clock,
                                      ObjectProvider<DecisionListener> listeners,
                                      ObjectProvider<PackOptionsCustomizer> customizers) {
        PackOptions.Builder options = PackOptions.builder()
                .compileMode(properties.getCompileMode())
                .maxFirings(properties.getMaxFirings())
                .clock(clock);
        if (properties.getLocale() != null) {
            options.locale(properties.getLocale());
        }
        listeners.orderedStream().forEach(options::listener);
        customizers.orderedStream().forEach(c -> c.customize(options));
        PackOptions built = options.build();
        LiveRulePack live = properties.getStartup() == SiyuRulesProperties.Startup.BACKGROUND
                ? LiveRulePack.loadAsync(source, built) : LiveRulePack.load(source, built);
        if (properties.getWatch().isEnabled()) {
            try {
                live.watch(properties.getWatch().getDebounce());
            } catch (RuntimeException e) {
                live.close();
                throw e;
            }
        }
        return live;
    }
}
