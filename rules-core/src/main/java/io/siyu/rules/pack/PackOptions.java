package io.siyu.rules.pack;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How a rule pack is loaded and run: the locale of its diagnostics, the clock decisions read "now"
 * from, the compile mode, and the classes (beyond the built-in allowlist) that rule files may use.
 * Immutable; made with {@link #builder()} or {@link #defaults()}.
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

    private PackOptions(Builder b) {
        this.locale = b.locale;
        this.clock = b.clock;
        this.compileMode = b.compileMode;
        this.allowedClasses = Set.copyOf(b.allowedClasses);
        this.maxFirings = b.maxFirings;
    }

    /** The defaults: the JVM's locale, the system clock (UTC), classic compilation. */
    public static PackOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder().locale(locale).clock(clock).compileMode(compileMode).maxFirings(maxFirings);
        b.allowedClasses.addAll(allowedClasses);
        return b;
    }

    /** The locale of diagnostics and error messages (English and Simplified Chinese are provided). */
    public Locale locale() {
        return locale;
    }

    /** Where decisions read the current time from (quiet hours, the funnel day). */
    public Clock clock() {
        return clock;
    }

    /** How rule files are compiled. */
    public CompileMode compileMode() {
        return compileMode;
    }

    /** Classes that rule files may use in addition to the built-in allowlist. */
    public Set<Class<?>> allowedClasses() {
        return allowedClasses;
    }

    /** The most rule firings one phase of one decision may take before it counts as a loop. */
    public int maxFirings() {
        return maxFirings;
    }

    /** Builds {@link PackOptions}; not thread-safe. */
    public static final class Builder {
        private Locale locale = Locale.getDefault();
        private Clock clock = Clock.systemUTC();
        private CompileMode compileMode = CompileMode.CLASSIC;
        private final Set<Class<?>> allowedClasses = new LinkedHashSet<>();
        private int maxFirings = DEFAULT_MAX_FIRINGS;

        private Builder() {
        }

        /** The locale of diagnostics, e.g. {@code Locale.SIMPLIFIED_CHINESE}. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The clock; inject a fixed clock in tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The compile mode. */
        public Builder compileMode(CompileMode mode) {
            this.compileMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Lets rule files use this class (by simple name after an import, or fully qualified). */
        public Builder allowClass(Class<?> type) {
            allowedClasses.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** The most firings one phase may take (default 10,000) before the decision fails as a loop. */
        public Builder maxFirings(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFirings must be >= 1, got " + max);
            }
            this.maxFirings = max;
            return this;
        }

        /** The options. */
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
