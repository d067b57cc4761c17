package io.siyu.rules.pack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a rule pack is loaded and run: the locale of its diagnostics, the clock decisions read "now"
 * from, the compile mode, the firing limit, the classes (beyond the built-in allowlist) that rule
 * files may use, the {@link DecisionListener}s told of decisions and reloads, and the compiled-pack cache. Immutable and
 * thread-safe (the listeners are what they are: see {@link DecisionListener}); made with {@link #builder()} or
 * {@link #defaults()}.
 *
 * <p>The allowlist can only be extended here, in code, by the embedding developer — never from inside
 * a pack: a rule file is configuration, not a way to run arbitrary Java.
 */
public final class PackOptions {
    private static final int DEFAULT_MAX_FIRINGS = 10_000;

    private final Locale locale;
    private final Clock clock;
    private final CompileMode compileMode;
    private final Set<Class<?>> allowedClasses;
    private final int maxFirings;
    private final Listeners listeners;
    private final PackCache cache;
    private final boolean ruleStatistics;

    private PackOptions(Builder b) {
        this.ruleStatistics = b.ruleStatistics;
        this.locale = b.locale;
        this.clock = b.clock;
        this.compileMode = b.compileMode;
        this.allowedClasses = Set.copyOf(b.allowedClasses);
        this.maxFirings = b.maxFirings;
        // Kept when the listeners are the same (toBuilder().clock(...)), so that the failure count of a
        // pack's listeners survives RulePack.withClock and reloads.
        this.listeners = b.shared != null && b.shared.all().equals(b.listeners) ? b.shared
                : b.listeners.isEmpty() ? Listeners.NONE : new Listeners(b.listeners);
        // Kept across toBuilder() copies with the same directory, so that reloads share one background builder.
        this.cache = b.cacheDirectory == null ? null
                : b.sharedCache != null && b.sharedCache.directory().equals(b.cacheDirectory.toAbsolutePath().normalize())
                ? b.sharedCache : new PackCache(b.cacheDirectory);
    }

    /**
     * The defaults: the JVM's default locale (read now), the system clock (UTC), classic compilation,
     * at most 10,000 firings per phase, no extra classes, no listeners, no compiled-pack cache.
     *
     * @return the default options
     */
    public static PackOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults ({@link #defaults()}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder; changing it does not change these options
     */
    public Builder toBuilder() {
        Builder b = new Builder().locale(locale).clock(clock).compileMode(compileMode).maxFirings(maxFirings)
                .ruleStatistics(ruleStatistics);
        b.allowedClasses.addAll(allowedClasses);
        b.listeners.addAll(listeners.all());
        b.shared = listeners;
        if (cache != null) {
            b.cacheDirectory = cache.directory();
            b.sharedCache = cache;
        }
        return b;
    }

    /**
     * Where the compiled-pack cache keeps its entries, when it is on ({@link Builder#cacheDirectory(Path)}).
     *
     * @return the directory, absolute; empty when there is no cache (the default)
     */
    public Optional<Path> cacheDirectory() {
        return cache == null ? Optional.empty() : Optional.of(cache.directory());
    }

    /**
     * The cache directory a host uses when it has no reason to choose another: the user's cache directory as
     * the XDG base directory specification names it — {@code $XDG_CACHE_HOME/siyu-rules} when that variable holds
     * an absolute path, else {@code ~/.cache/siyu-rules}. A directory in the user's home, not the shared temporary
     * directory: the cache holds classes the application will run, so no other user may be able to put files
     * there (the cache also refuses a directory another user owns or may write to); and it survives restarts,
     * which is the point of the cache. Nothing is read or made by this method.
     *
     * @return the default cache directory
     */
    public static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "siyu-rules");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "siyu-rules");
    }

    /** The compiled-pack cache, or null; for the packs loaded with these options. */
    PackCache cache() {
        return cache;
    }

    /**
     * The locale of diagnostics and error messages.
     *
     * @return the locale; English and Simplified Chinese texts are provided, English serves any other
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Where decisions read the current time from (the {@code Now} fact, quiet hours, the funnel day).
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How rule files are compiled.
     *
     * @return the compile mode
     */
    public CompileMode compileMode() {
        return compileMode;
    }

    /**
     * Classes that rule files may use in addition to the built-in allowlist.
     *
     * @return the classes, in no particular order; unmodifiable, empty by default
     */
    public Set<Class<?>> allowedClasses() {
        return allowedClasses;
    }

    /**
     * The most rule firings one phase of one decision may take before it counts as a loop.
     *
     * @return the limit, at least 1 (default 10,000)
     */
    public int maxFirings() {
        return maxFirings;
    }

    /**
     * The listeners told of every decision and every reload.
     *
     * @return the listeners in the order registered; unmodifiable, empty by default
     */
    public List<DecisionListener> listeners() {
        return listeners.all();
    }

    /**
     * Whether packs count what each rule does ({@link RulePack#ruleStatistics()}).
     *
     * @return true when rule statistics are counted (default false)
     */
    public boolean ruleStatistics() {
        return ruleStatistics;
    }

    /** The listeners with their failure count; for the packs loaded with these options. */
    Listeners listenerGroup() {
        return listeners;
    }

    /** Builds {@link PackOptions}; not thread-safe. */
    public static final class Builder {
        private Locale locale = Locale.getDefault();
        private Clock clock = Clock.systemUTC();
        private CompileMode compileMode = CompileMode.CLASSIC;
        private final Set<Class<?>> allowedClasses = new LinkedHashSet<>();
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private final List<DecisionListener> listeners = new ArrayList<>();
        private Listeners shared;
        private Path cacheDirectory;
        private PackCache sharedCache;
        private boolean ruleStatistics;

        private Builder() {
        }

        /**
         * Counts, per rule, how often it fires, wins and vetoes ({@link RulePack#ruleStatistics()}). Off by default:
         * then a decision does no work and allocates nothing for them; on, each decision adds a few uncontended
         * {@link java.util.concurrent.atomic.LongAdder} increments.
         *
         * @param on whether to count
         * @return this builder
         */
        public Builder ruleStatistics(boolean on) {
            this.ruleStatistics = on;
            return this;
        }

        /**
         * Adds a listener, told of every decision and every reload after the ones added before it. Adding
         * one twice tells it twice.
         *
         * @param listener the listener; must be thread-safe (see {@link DecisionListener})
         * @return this builder
         * @throws NullPointerException when {@code listener} is null
         */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the locale of diagnostics and error messages.
         *
         * @param locale e.g. {@code Locale.SIMPLIFIED_CHINESE}
         * @return this builder
         * @throws NullPointerException when {@code locale} is null
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /**
         * Sets the clock decisions read "now" from; inject a fixed clock in tests. Its zone does not
         * matter: the pack's timezone applies.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how rule files are compiled.
         *
         * @param mode the compile mode
         * @return this builder
         * @throws NullPointerException when {@code mode} is null
         */
        public Builder compileMode(CompileMode mode) {
            this.compileMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Lets rule files use this class (by simple name after an import, or fully qualified). Adding a
         * class twice is the same as adding it once.
         *
         * @param type the class
         * @return this builder
         * @throws NullPointerException when {@code type} is null
         */
        public Builder allowClass(Class<?> type) {
            allowedClasses.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets the most firings one phase of a decision may take before the decision fails as a loop.
         *
         * @param max the limit, at least 1 (default 10,000)
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is less than 1
         */
        public Builder maxFirings(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFirings must be >= 1, got " + max);
            }
            this.maxFirings = max;
            return this;
        }

        /**
         * Turns the compiled-pack cache on, in this directory (made if missing, readable by its owner only): a
         * pack whose files, library version and allowed classes match an entry loads from it without compiling —
         * restarting an application, or reloading a pack whose files did not change, takes a fraction of a
         * second — and a pack that had to be compiled is stored for next time. The cache is off by default: it
         * holds classes the application will run, so where it lives is the host's decision (a directory only the
         * application's user can write; {@link PackOptions#defaultCacheDirectory()} is one), and making an entry
         * takes an executable-model build, at once in {@link CompileMode#EXECUTABLE_MODEL} and on a background
         * thread after a classic load (which needs {@code org.drools:drools-model-codegen} on the class path;
         * without it nothing is stored). A pack that already has a compiled part ({@link RulePack#compile}) does
         * not use the cache.
         *
         * @param directory the cache directory, e.g. {@code PackOptions.defaultCacheDirectory()}
         * @return this builder
         * @throws NullPointerException when {@code directory} is null
         */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Turns the compiled-pack cache off (the default).
         *
         * @return this builder
         */
        public Builder noCache() {
            this.cacheDirectory = null;
            return this;
        }

        /**
         * Builds the options; the builder can go on being used.
         *
         * @return new options with the values set so far
         */
        public PackOptions build() {
            return new PackOptions(this);
        }
    }

    /** How Drools compiles a pack's rule files. */
    public enum CompileMode {
        /**
         * The classic MVEL-based compiler: fast to build, modest memory; the default, and right for the
         * hundreds of rules operations staff maintain.
         */
        CLASSIC,
        /**
         * Drools' executable model: rules compiled to Java lambdas. Needs {@code org.drools:drools-model-codegen}
         * on the class path; takes longer and far more memory to build from rule files at run time.
         */
        EXECUTABLE_MODEL
    }
}
