package io.siyu.rules.cli;

import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The arguments every pack command shares: the pack (a directory, a .zip/.jar or {@code classpath:NAME}, see
 * {@link PackLocation}), {@code --locale} and {@code --clock}.
 * A picocli mixin; picocli fills it in before the command runs.
 */
public final class PackArguments {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACK",
            description = "The rule pack: its folder (the one with pack.json, codebook.json, scripts.json and rules/), "
                    + "a .zip or .jar file with it (such as one 'siyu compile' made), or classpath:NAME for a bundled "
                    + "example pack (classpath:gaozi, classpath:retail) or a pack folder on siyu's class path.")
    private String pack;

    @Option(names = "--locale", paramLabel = "LOCALE", converter = LocaleConverter.class,
            description = "Language of the problem messages: en (English) or zh_CN (简体中文, Simplified Chinese). "
                    + "Default: the language of this computer.")
    private Locale locale;

    @Option(names = "--clock", paramLabel = "TIME", converter = ClockConverter.class,
            description = {"Decide as if it were this time (quiet hours and the funnel day depend on it): the date, "
                    + "T, the time and the offset from UTC; the seconds may be left out. Default: now.",
                    // On a line of its own: wrapped, the value would be cut in two at a colon.
                    "Example: 2026-11-23T10:00:00+08:00"})
    private Clock clock;

    /** The pack as given on the command line; null when it was not given (explain --log). */
    PackLocation location() {
        return pack == null ? null : new PackLocation(pack);
    }

    /** The locale of diagnostics: {@code --locale}, or the JVM's. */
    public Locale locale() {
        return locale == null ? Locale.getDefault() : locale;
    }

    /** The options the pack is loaded with. */
    public PackOptions options() {
        PackOptions.Builder b = PackOptions.builder().locale(locale());
        if (clock != null) {
            b.clock(clock);
        }
        return b.build();
    }

    /**
     * Loads the pack.
     *
     * @throws ParameterException when PACK does not exist, is neither a directory nor a .zip/.jar, or names no
     *                            class path pack (a usage error)
     * @throws PackLoadFailure    when the pack has errors (siyu prints them and exits with 1)
     */
    public RulePack load() {
        return load(false);
    }

    /**
     * Loads the pack, counting rule statistics or not.
     *
     * @param ruleStatistics whether the pack counts what each rule does ({@code siyu explain --stats})
     * @throws ParameterException when PACK does not exist, is neither a directory nor a .zip/.jar, or names no
     *                            class path pack (a usage error)
     * @throws PackLoadFailure    when the pack has errors (siyu prints them and exits with 1)
     */
    public RulePack load(boolean ruleStatistics) {
        return load(ruleStatistics, Optional.empty(), null);
    }

    /**
     * Loads the pack, through the compiled-pack cache in {@code cache} when there is one: an entry whose key
     * matches the pack's files is loaded without compiling, and a pack compiled here is stored at once (its
     * executable model is built on this run, so that even a one-line run fills the cache). A pack that is valid but
     * that Drools' executable model cannot compile (it is stricter than the classic build in a few places, e.g. a
     * text compared with an enum) is loaded the classic way, without the cache, after one warning on {@code err}.
     *
     * @param ruleStatistics whether the pack counts what each rule does
     * @param cache          the cache directory, or empty for none
     * @param err            where that warning goes
     * @throws ParameterException when PACK does not exist, is neither a directory nor a .zip/.jar, or names no
     *                            class path pack (a usage error)
     * @throws PackLoadFailure    when the pack has errors (siyu prints them and exits with 1)
     */
    RulePack load(boolean ruleStatistics, Optional<Path> cache, java.io.PrintWriter err) {
        PackSource source = source();
        PackOptions classic = options().toBuilder().ruleStatistics(ruleStatistics).build();
        try {
            if (cache.isEmpty()) {
                return RulePack.load(source, classic);
            }
            // The executable model decides exactly as classic does (SameDecisionsTest), and only a load in that mode
            // stores its entry at once; a classic load would leave the build to a background thread that a short
            // run ends before it is done, so the cache would never fill.
            return RulePack.load(source, classic.toBuilder().cacheDirectory(cache.get())
                    .compileMode(PackOptions.CompileMode.EXECUTABLE_MODEL).build());
        } catch (RulePackException e) {
            // The executable model is built only after a clean classic check; the library heads problems only in
            // its generated Java with this diagnostic key: the pack is valid, only its ahead-of-time form is not.
            if (cache.isEmpty() || e.diagnostics().stream()
                    .noneMatch(d -> d.key().equals("drl.executable-model-refuses"))) {
                throw new PackLoadFailure(location(), e);
            }
            err.println(CliMessages.format(locale(), "cache.not-compilable", location().given()));
            err.flush();
            try {
                return RulePack.load(source, classic);
            } catch (RulePackException again) {
                throw new PackLoadFailure(location(), again);
            }
        }
    }

    /**
     * The pack as a source: the directory, the .zip/.jar file, or the class path folder.
     *
     * @throws ParameterException when there is no such file or directory, the file is not a .zip or .jar, or there
     *                            is no pack at the class path location (a usage error)
     */
    PackSource source() {
        return location().source(spec, null);
    }
}
