package io.siyu.rules.spring;

import io.siyu.rules.pack.PackOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The {@code siyu.rules.*} properties: where the rule pack is, how it is compiled and started, whether it is
 * watched, the clock, and the funnel. Bound by Spring Boot and checked when bound (a wrong value stops the
 * application with the property's name and what is expected). See {@code docs/spring-boot.md} for the table.
 *
 * <pre>
 * siyu.rules.pack=classpath:packs/gaozi       # or file:/srv/crm/packs/gaozi, file:/srv/crm/gaozi-1.4.zip
 * siyu.rules.startup=background               # start at once; not ready until the first build is done
 * siyu.rules.locale=zh_CN
 * </pre>
 *
 * <p>A mutable JavaBean, as Spring Boot binds it; not thread-safe while bound, read-only afterwards.
 */
@ConfigurationProperties(prefix = SiyuRulesProperties.PREFIX)
public class SiyuRulesProperties implements Validator {
    /** The prefix of every property. */
    public static final String PREFIX = "siyu.rules";

    /** Whether to set up the rule pack at all (false: the starter defines no bean). */
    private boolean enabled = true;

    /**
     * Where the rule pack is: "classpath:packs/gaozi" (a folder on the class path, also inside the application's
     * fat jar), "file:/srv/crm/packs/gaozi" (a directory, which can be watched), "file:/srv/crm/gaozi.zip" (a zip
     * or jar file). A location without a prefix is a file system path.
     */
    private String pack;

    /** How rule files are compiled: CLASSIC (fast to build) or EXECUTABLE_MODEL (needs drools-model-codegen). */
    private PackOptions.CompileMode compileMode = PackOptions.CompileMode.CLASSIC;

    /** The language of the pack's diagnostics and messages: en or zh_CN (default: the JVM's). */
    private Locale locale;

    /** The most rule firings one phase of one decision may take before it counts as a loop. */
    private int maxFirings = 10_000;

    /**
     * When the pack is built: BLOCKING builds it while the application starts (a broken pack stops the start,
     * listing its problems); BACKGROUND starts the application at once and builds it on another thread, with
     * health and readiness reporting "not ready" until it is built.
     */
    private Startup startup = Startup.BLOCKING;

    private final Watch watch = new Watch();

    private final ClockSettings clock = new ClockSettings();

    private final Funnel funnel = new Funnel();

    /** When the rule pack is built. */
    public enum Startup {
        /** While the application starts, on the starting thread: a broken pack stops the start. */
        BLOCKING,
        /**
         * On a background thread: the application starts at once and is not ready (health OUT_OF_SERVICE,
         * readiness REFUSING_TRAFFIC) until the first build is done; DOWN if it was rejected.
         */
        BACKGROUND
    }

    /** Reloading a directory pack when its files change. */
    public static class Watch {
        /** Whether to reload the pack when its files change; only for a directory pack (file:...). */
        private boolean enabled;

        /** How long the files must be quiet after a change before the pack is reloaded. */
        private Duration debounce = Duration.ofMillis(500);

        /**
         * Whether to reload the pack when its files change.
         *
         * @return false by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether to reload the pack when its files change.
         *
         * @param enabled true to watch
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * How long the files must be quiet after a change before the pack is reloaded.
         *
         * @return the delay; 500 ms by default
         */
        public Duration getDebounce() {
            return debounce;
        }

        /**
         * Sets the debounce delay.
         *
         * @param debounce the delay; zero or more
         */
        public void setDebounce(Duration debounce) {
            this.debounce = debounce;
        }
    }

    /** The clock decisions and the funnel read "now" from. */
    public static class ClockSettings {
        /** The zone of the application's Clock bean (the pack's and the funnel's own timezones still apply). */
        private ZoneId zone = ZoneId.of("UTC");

        /**
         * A fixed instant the clock always reads, e.g. 2026-11-30T02:00:00Z: for demonstrations and tests only
         * (a fixed clock never moves to the next day).
         */
        private Instant fixed;

        /**
         * The zone of the clock.
         *
         * @return UTC by default
         */
        public ZoneId getZone() {
            return zone;
        }

        /**
         * Sets the zone of the clock.
         *
         * @param zone a region id such as Asia/Shanghai
         */
        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * The fixed instant, if any.
         *
         * @return the instant; null for the system clock (the default)
         */
        public Instant getFixed() {
            return fixed;
        }

        /**
         * Fixes the clock at an instant.
         *
         * @param fixed the instant, or null for the system clock
         */
        public void setFixed(Instant fixed) {
            this.fixed = fixed;
        }
    }

    /** The funnel over the application's DataSource. */
    public static class Funnel {
        /**
         * Whether to run the funnel on the application's DataSource (needs rules-jdbc on the class path): its
         * tables, prefixed siyu_funnel_, are created or migrated at start.
         */
        private boolean enabled = true;

        /**
         * Whether the funnel is set up.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the funnel is set up.
         *
         * @param enabled false to leave the DataSource alone
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * Whether the starter sets up the rule pack.
     *
     * @return true by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether the starter sets up the rule pack.
     *
     * @param enabled false to define no bean
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Where the rule pack is.
     *
     * @return the location; null when not set
     */
    public String getPack() {
        return pack;
    }

    /**
     * Sets where the rule pack is.
     *
     * @param pack {@code classpath:...}, {@code file:...} or a path
     */
    public void setPack(String pack) {
        this.pack = pack;
    }

    /**
     * How rule files are compiled.
     *
     * @return CLASSIC by default
     */
    public PackOptions.CompileMode getCompileMode() {
        return compileMode;
    }

    /**
     * Sets how rule files are compiled.
     *
     * @param compileMode the mode
     */
    public void setCompileMode(PackOptions.CompileMode compileMode) {
        this.compileMode = compileMode;
    }

    /**
     * The language of diagnostics.
     *
     * @return the locale; null for the JVM's default
     */
    public Locale getLocale() {
        return locale;
    }

    /**
     * Sets the language of diagnostics.
     *
     * @param locale e.g. {@code zh_CN}
     */
    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    /**
     * The firing limit per phase of a decision.
     *
     * @return 10,000 by default
     */
    public int getMaxFirings() {
        return maxFirings;
    }

    /**
     * Sets the firing limit per phase of a decision.
     *
     * @param maxFirings at least 1
     */
    public void setMaxFirings(int maxFirings) {
        this.maxFirings = maxFirings;
    }

    /**
     * When the pack is built.
     *
     * @return BLOCKING by default
     */
    public Startup getStartup() {
        return startup;
    }

    /**
     * Sets when the pack is built.
     *
     * @param startup BLOCKING or BACKGROUND
     */
    public void setStartup(Startup startup) {
        this.startup = startup;
    }

    /**
     * The watch settings.
     *
     * @return the settings; never null
     */
    public Watch getWatch() {
        return watch;
    }

    /**
     * The clock settings.
     *
     * @return the settings; never null
     */
    public ClockSettings getClock() {
        return clock;
    }

    /**
     * The funnel settings.
     *
     * @return the settings; never null
     */
    public Funnel getFunnel() {
        return funnel;
    }

    /**
     * Validates only this class (Spring Boot calls it when the properties are bound).
     *
     * @param type the class of the object to validate
     * @return whether it is this class
     */
    @Override
    public boolean supports(Class<?> type) {
        return SiyuRulesProperties.class.isAssignableFrom(type);
    }

    /**
     * Checks the properties when they are bound: a pack location (when set) that can be read, a watch only of
     * a directory pack, a non-negative debounce, a firing limit of at least 1. Each problem is rejected against
     * its property, so that the application stops naming it.
     *
     * @param target these properties
     * @param errors where the problems go
     */
    @Override
    public void validate(Object target, Errors errors) {
        SiyuRulesProperties p = (SiyuRulesProperties) target;
        if (!p.enabled) {
            return;
        }
        Locale l = p.locale;
        // No location is checked when the starter's PackSource is made: the host may define its own source.
        if (p.pack != null && !p.pack.isBlank()) {
            String problem = PackLocation.problem(p.pack, l);
            if (problem != null) {
                errors.rejectValue("pack", "siyu.rules.pack.invalid", problem);
            } else if (p.watch.enabled && PackLocation.source(p.pack, getClass().getClassLoader()).directory().isEmpty()) {
                errors.rejectValue("watch.enabled", "siyu.rules.watch.not-a-directory",
                        StarterMessages.format(l, "property.watch-not-directory", p.pack));
            }
        }
        if (p.watch.debounce == null || p.watch.debounce.isNegative()) {
            errors.rejectValue("watch.debounce", "siyu.rules.watch.debounce", StarterMessages.format(l, "property.debounce"));
        }
        if (p.maxFirings < 1) {
            errors.rejectValue("maxFirings", "siyu.rules.max-firings", StarterMessages.format(l, "property.max-firings"));
        }
        required(errors, l, "compileMode", "siyu.rules.compile-mode", p.compileMode);
        required(errors, l, "startup", "siyu.rules.startup", p.startup);
        required(errors, l, "clock.zone", "siyu.rules.clock.zone", p.clock.zone);
    }

    private static void required(Errors errors, Locale locale, String field, String property, Object value) {
        if (value == null) {
            errors.rejectValue(field, property, StarterMessages.format(locale, "property.required", property));
        }
    }
}
