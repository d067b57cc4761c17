package io.siyu.rules.pack;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.codebook.Question;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.DiagnosticException;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.internal.compile.CompiledRules;
import io.siyu.rules.internal.compile.DrlCompiler;
import io.siyu.rules.internal.compile.RuleReferences;
import io.siyu.rules.internal.compile.RuleSource;
import io.siyu.rules.internal.engine.DecisionPipeline;
import io.siyu.rules.internal.files.PackFiles;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.script.ScriptLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A loaded, compiled rule pack: the files operations staff own ({@code pack.json},
 * {@code codebook.json}, {@code scripts.json}, {@code funnel.json}, {@code rules/**}{@code /*.drl}), from a
 * directory, the class path, a zip or memory ({@link PackSource}), checked and compiled into something that
 * decides.
 *
 * <p>Immutable and thread-safe: share one instance across threads; each decision runs in its own
 * Drools session. Load it once and keep it; use {@code LiveRulePack} to pick up edits.
 * <pre>{@code
 * RulePack pack = RulePack.load(PackSource.classpath("packs/gaozi"));    // or PackSource.directory(...), zip(...)
 * Decision d = pack.decide(Customer.builder("c1").tags(pack.codebook().decode("3D")).build());
 * }</pre>
 */
public final class RulePack {
    private static final String RULES_FOLDER = "rules/";
    /** The key of the warning about a file under {@code rules/} that is not read. */
    static final String IGNORED_FILE = "pack.ignored-file";
    /** The key of the warning about a rule file with no rule in it. */
    static final String NO_RULE_IN_FILE = "pack.no-rule-in-file";

    private final PackSource source;
    /** The file name of the codebook inside a pack directory. */
    public static final String CODEBOOK_FILE = "codebook.json";
    /** The file name of the script library inside a pack directory. */
    public static final String SCRIPTS_FILE = "scripts.json";
    /** The file name of the funnel settings inside a pack directory. */
    public static final String FUNNEL_FILE = "funnel.json";

    private final PackManifest manifest;
    private final Codebook codebook;
    private final ScriptLibrary scripts;
    private final FunnelConfig funnelConfig;
    private final List<Diagnostic> warnings;
    private final List<RuleInfo> rules;
    private final DecisionPipeline pipeline;
    private final PackOptions options;
    private final Listeners listeners;
    /** The rule statistics, or null when they are off (then deciding does nothing for them). */
    private final RuleStatistics.Counters counters;

    private RulePack(PackSource source, PackManifest manifest, Codebook codebook, ScriptLibrary scripts,
                     FunnelConfig funnelConfig, List<RuleInfo> rules, DecisionPipeline pipeline, PackOptions options,
                     List<Diagnostic> warnings) {
        this(source, manifest, codebook, scripts, funnelConfig, rules, pipeline, options, warnings,
                options.ruleStatistics() ? new RuleStatistics.Counters(rules) : null);
    }

    private RulePack(PackSource source, PackManifest manifest, Codebook codebook, ScriptLibrary scripts,
                     FunnelConfig funnelConfig, List<RuleInfo> rules, DecisionPipeline pipeline, PackOptions options,
                     List<Diagnostic> warnings, RuleStatistics.Counters counters) {
        this.counters = counters;
        this.funnelConfig = funnelConfig;
        this.warnings = List.copyOf(warnings);
        this.source = source;
        this.listeners = options.listenerGroup();
        this.manifest = manifest;
        this.codebook = codebook;
        this.scripts = scripts;
        this.rules = List.copyOf(rules);
        this.pipeline = pipeline;
        this.options = options;
    }

    /**
     * Loads the pack in a directory with the default options ({@link PackOptions#defaults()}): the same as
     * {@code load(PackSource.directory(packDirectory))}.
     *
     * @param packDirectory the pack directory
     * @return the loaded pack
     * @throws NullPointerException when {@code packDirectory} is null
     * @throws RulePackException    listing every problem in every file of the pack
     */
    public static RulePack load(Path packDirectory) {
        return load(PackSource.directory(packDirectory), PackOptions.defaults());
    }

    /**
     * Loads the pack in a directory: the same as {@code load(PackSource.directory(packDirectory), options)}.
     *
     * @param packDirectory the pack directory
     * @param options       the locale of diagnostics, the clock, the compile mode, the allowed classes and
     *                      the listeners
     * @return the loaded pack; problems that do not stop it are in {@link #warnings()}
     * @throws NullPointerException when an argument is null
     * @throws RulePackException    when the pack has errors (see {@link #load(PackSource, PackOptions)})
     */
    public static RulePack load(Path packDirectory, PackOptions options) {
        return load(PackSource.directory(packDirectory), options);
    }

    /**
     * Loads a pack from a source with the default options ({@link PackOptions#defaults()}); see
     * {@link #load(PackSource, PackOptions)}.
     *
     * @param source where the pack's files are
     * @return the loaded pack
     * @throws NullPointerException when {@code source} is null
     * @throws RulePackException    listing every problem in every file of the pack
     */
    public static RulePack load(PackSource source) {
        return load(source, PackOptions.defaults());
    }

    /**
     * Loads a pack from a source: lists its files, reads and checks every one (strict UTF-8), cross-checks
     * the rules against the codebook and the scripts, and compiles the rules. {@code pack.json} and at least
     * one {@code rules/**}{@code /*.drl} are required; {@code codebook.json}, {@code scripts.json} and
     * {@code funnel.json} are optional; other files ({@code tests/*.csv}, samples, a README) are left alone.
     * Runs on the calling thread; compiling dominates (about a second of CPU for the first load in a JVM,
     * less once warm: {@code BENCHMARKS.md}). {@link LiveRulePack#loadAsync} builds on another thread.
     *
     * @param source  where the pack's files are: a directory, a class path folder, a zip, files in memory
     * @param options the locale of diagnostics, the clock, the compile mode, the allowed classes and the
     *                listeners
     * @return the loaded pack; problems that do not stop it are in {@link #warnings()}
     * @throws NullPointerException when an argument is null
     * @throws RulePackException    when the pack has errors, listing every problem (errors and warnings) in
     *                              every file of the pack, in reading order, each with its file relative to the
     *                              source, line and column; also when there is no pack at the source, it
     *                              cannot be listed, or a file cannot be read. Its summary names the source
     *                              ({@link PackSource#name()})
     */
    public static RulePack load(PackSource source, PackOptions options) {
        return build(source, options, false).pack();
    }

    /**
     * Compiles a pack ahead of time and writes it, with its compiled part, to {@code output}: the pack's files
     * as they are ({@code pack.json}, {@code codebook.json}, {@code scripts.json}, {@code funnel.json},
     * {@code rules/**}{@code /*.drl}, {@code tests/*.csv}; nothing else of the source, and never its earlier
     * compiled part) and a {@code siyu-compiled/} folder with the executable model's class files
     * and a manifest (the library and Drools versions, a SHA-256 of every source file, the rules, their dates
     * and the pack's warnings). {@link #load(PackSource, PackOptions)} of the result — from a directory, a zip
     * or the class path — builds the rule base from the class files without compiling anything, and needs no
     * Java compiler, DRL parser or MVEL at run time (BENCHMARKS.md, "Start-up"). It uses the compiled part only
     * while it matches: another library version, a changed source file or other allowed classes make the load
     * compile the pack from its files again with a warning, or fail when this application cannot compile rules.
     * {@code siyu compile PACK -o FILE} runs this; a Maven build can run it too (docs/compiled-packs.md).
     *
     * <p>The rules are checked exactly as a load checks them, and built as Drools' executable model, which
     * needs {@code org.drools:drools-model-codegen} on the class path. Runs on the calling thread.
     *
     * @param source  the pack to compile; a compiled part it already has is ignored and replaced
     * @param options the locale of diagnostics and of the stored warnings, and the allowed classes (a compiled
     *                pack is only used by loads that allow the same); the compile mode and cache are ignored
     * @param output  a directory (made if missing; an earlier compiled part in it is replaced), or a file whose
     *                name ends with {@code .zip}
     * @return the compiled pack, loaded (it decides as the written one will)
     * @throws NullPointerException  when an argument is null
     * @throws RulePackException     when the pack has errors, as {@link #load(PackSource, PackOptions)} lists them;
     *                               nothing is written then
     * @throws IllegalStateException when {@code drools-model-codegen} is not on the class path
     * @throws java.io.UncheckedIOException when {@code output} cannot be written, or a file of the pack read
     */
    public static RulePack compile(PackSource source, PackOptions options, Path output) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(output, "output");
        Built built = build(source, options.toBuilder().compileMode(CompileMode.EXECUTABLE_MODEL).noCache().build(),
                true);
        DrlCompiler.Result result = built.compiled().orElseThrow();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : built.files()) {
            if (isPackFile(file)) {
                try (InputStream in = source.open(file)) {
                    files.put(file, in.readAllBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot read " + file + " of " + source.name(), e);
                }
            }
        }
        files.putAll(CompiledPack.files(built.hashes(), allowedNames(options), options.locale(),
                built.pack().rules(), result.dates(), result.startingWithNoFact(), built.pack().warnings(),
                result.compiledRules().orElseThrow()));
        CompiledPack.write(output, files);
        return built.pack();
    }

    /**
     * Whether a compiled pack carries this file of the source: only what a pack is made of ({@code pack.json},
     * the codebook, scripts and funnel, {@code rules/**}{@code /*.drl}, {@code tests/*.csv}), so that an earlier
     * compiled part, a zip written into the pack or an editor's backup is not copied into the output.
     */
    static boolean isPackFile(String name) {
        return switch (name) {
            case PackManifest.FILE, CODEBOOK_FILE, SCRIPTS_FILE, FUNNEL_FILE -> true;
            default -> name.startsWith(RULES_FOLDER) && name.endsWith(".drl")
                    || name.startsWith("tests/") && name.endsWith(".csv") && name.indexOf('/', "tests/".length()) < 0;
        };
    }

    /**
     * A pack built from a source, with what {@link #compile} and the cache need: the files listed, the sources'
     * hashes, and the compiler's result when the rules were compiled (empty when they came compiled).
     */
    private record Built(RulePack pack, Set<String> files, Map<String, String> hashes,
                         Optional<DrlCompiler.Result> compiled) {
    }

    /** The rule base of a compiled part that matches the pack, with the manifest it came with. */
    private record Precompiled(CompiledPack.Manifest manifest, CompiledRules rules) {
    }

    /**
     * Loads a pack: from its compiled part, or the cache, when one matches (unless {@code fromSources}), else by
     * compiling its rule files.
     */
    private static Built build(PackSource source, PackOptions options, boolean fromSources) {
        Messages messages = Messages.of(PackManifest.MESSAGES, options.locale());
        List<Diagnostic> problems = new ArrayList<>();
        Set<String> files;
        try {
            files = new TreeSet<>(source.list());
        } catch (NoSuchFileException e) {
            problems.add(source.directory().isPresent()
                    ? Diagnostic.error(source.name(), 0, 0, "pack.not-a-directory",
                            messages.format("pack.not-a-directory", source.name()))
                    : Diagnostic.error(source.name(), 0, 0, "pack.not-found",
                            messages.format("pack.not-found", source.name(), reason(e, messages))));
            throw failure(source, problems, messages);
        } catch (IOException e) {
            problems.add(Diagnostic.error(source.name(), 0, 0, "pack.unlistable",
                    messages.format("pack.unlistable", source.name(), reason(e, messages))));
            throw failure(source, problems, messages);
        }
        Files pack = new Files(source, files, messages, problems);
        Optional<String> manifestText = pack.read(PackManifest.FILE, true);
        Optional<String> codebookText = pack.read(CODEBOOK_FILE, false);
        Optional<String> scriptsText = pack.read(SCRIPTS_FILE, false);
        Optional<String> funnelText = pack.read(FUNNEL_FILE, false);
        List<RuleSource> sources = pack.ruleSources();
        Map<String, String> hashes = new TreeMap<>();
        manifestText.ifPresent(t -> hashes.put(PackManifest.FILE, CompiledPack.hash(t)));
        codebookText.ifPresent(t -> hashes.put(CODEBOOK_FILE, CompiledPack.hash(t)));
        scriptsText.ifPresent(t -> hashes.put(SCRIPTS_FILE, CompiledPack.hash(t)));
        funnelText.ifPresent(t -> hashes.put(FUNNEL_FILE, CompiledPack.hash(t)));
        sources.forEach(r -> hashes.put(r.file(), CompiledPack.hash(r.text())));
        List<String> allowed = allowedNames(options);

        PackCache cache = options.cache();
        String cacheKey = null;
        Precompiled precompiled = null;
        boolean hasCompiledPart = files.contains(CompiledPack.MANIFEST);
        if (!fromSources && problems.stream().noneMatch(Diagnostic::isError)) {
            if (hasCompiledPart) {
                precompiled = ownCompiledPart(source, hashes, allowed, messages, problems);
            } else if (cache != null) {
                cacheKey = CompiledPack.key(hashes, allowed);
                Optional<PackSource> entry = cache.lookup(cacheKey);
                precompiled = entry.flatMap(e -> cacheEntry(e, hashes, allowed)).orElse(null);
                if (entry.isPresent() && precompiled == null) {
                    cache.discard(cacheKey);
                }
            }
        }

        Optional<PackManifest> manifest = manifestText
                .flatMap(text -> PackManifest.parse(text, options.locale(), problems));
        Optional<Codebook> codebook = codebookText
                .flatMap(text -> parsePart(() -> Codebook.parse(CODEBOOK_FILE, text, options.locale()), problems));
        Optional<ScriptLibrary> scripts = scriptsText
                .flatMap(text -> parsePart(() -> ScriptLibrary.parse(SCRIPTS_FILE, text, options.locale()), problems));
        Optional<FunnelConfig> funnel = funnelText
                .map(text -> parsePart(() -> FunnelConfig.parse(FUNNEL_FILE, text, options.locale()), problems)
                        .orElse(FunnelConfig.defaults()));

        if (codebook.isPresent() && funnel.isPresent()) {
            // Before the compiled part is taken: it was made before this check existed, maybe.
            problems.addAll(PackReferences.cohortQuestions(funnelText.get(),
                    codebook.get().questions().stream().map(Question::id).toList(), options.locale()));
        }
        if (funnelText.isPresent() && funnel.isPresent() && manifest.isPresent()) {
            problems.addAll(PackReferences.timezones(funnelText.get(), funnel.get().zone(), manifest.get().zone(),
                    options.locale()));
        }
        if (precompiled != null && manifest.isPresent() && problems.stream().noneMatch(Diagnostic::isError)) {
            // The rules were checked and compiled when the compiled part was made, from these very files: its
            // warnings are the pack's (the JSON files' own warnings among them, so theirs are not added again).
            try {
                CompiledPack.Manifest m = precompiled.manifest();
                DecisionPipeline pipeline = DecisionPipeline.of(precompiled.rules(), options.allowedClasses(),
                        settings(manifest.get(), options), scripts.orElseGet(ScriptLibrary::empty), m.rules(),
                        m.dates(), m.startingWithNoFact().isEmpty());
                List<Diagnostic> warnings = new ArrayList<>(m.warnings());
                // Files that are not read are not in the compiled part's hashes: say what is there now.
                warnings.removeIf(d -> d.key().equals(IGNORED_FILE));
                problems.stream().filter(d -> d.key().startsWith("pack.compiled-") || d.key().equals(IGNORED_FILE))
                        .forEach(warnings::add);
                RulePack loaded = assemble(source, options, manifest.get(), codebook, scripts, funnel, pipeline,
                        m.rules(), warnings);
                return new Built(loaded, files, hashes, Optional.empty());
            } catch (IllegalStateException | LinkageError e) {
                // Classes of another build that do not load here: compile from the files after all.
                if (hasCompiledPart) {
                    problems.add(stale(messages, canCompile(), "pack.compiled-unusable", e.getMessage()));
                } else if (cache != null && cacheKey != null) {
                    cache.discard(cacheKey); // a damaged entry: stored again by this load
                }
            }
        }
        if (codebook.isPresent() && scripts.isPresent()) {
            problems.addAll(PackReferences.scriptTags(scriptsText.get(), codebook.get().allCodes(), options.locale()));
        }
        RuleReferences references = new RuleReferences(options.locale(),
                knownNames(files, CODEBOOK_FILE, codebook.map(Codebook::allCodes)),
                knownNames(files, SCRIPTS_FILE, scripts.map(ScriptLibrary::ids)));
        if (codebook.isPresent()) {
            references = references.withQuestions(PackReferences.questions(codebook.get()));
        }
        problems.addAll(references.check(sources));
        if (scripts.isPresent()) {
            problems.addAll(PackReferences.requiredAttributes(scriptsText.get(), scripts.get(),
                    references.proposers(sources), options.locale()));
        }
        DrlCompiler.Result compiled = new DrlCompiler(options.locale()).compile(sources,
                List.copyOf(options.allowedClasses()), options.compileMode() == CompileMode.EXECUTABLE_MODEL);
        problems.addAll(compiled.diagnostics());
        if (compiled.kieBase().isPresent()) {
            // A rule file with no rule (empty, or all comments) is most often one whose rules were lost.
            Set<String> withRules = new TreeSet<>();
            compiled.rules().forEach(r -> withRules.add(r.file()));
            sources.stream().filter(r -> !withRules.contains(r.file())).forEach(r -> problems.add(new Diagnostic(
                    r.file(), 1, 1, Severity.WARNING, NO_RULE_IN_FILE, "",
                    messages.format(NO_RULE_IN_FILE, r.file()))));
        }
        if (problems.stream().anyMatch(Diagnostic::isError) || manifest.isEmpty() || compiled.kieBase().isEmpty()) {
            throw failure(source, problems, messages);
        }
        DecisionPipeline pipeline = new DecisionPipeline(compiled.kieBase().get(), settings(manifest.get(), options),
                scripts.orElseGet(ScriptLibrary::empty), compiled.rules(), compiled.dates(),
                compiled.startingWithNoFact().isEmpty());
        RulePack loaded = assemble(source, options, manifest.get(), codebook, scripts, funnel, pipeline,
                compiled.rules(), problems);
        if (cacheKey != null) {
            storeInCache(cache, cacheKey, hashes, allowed, options, sources, loaded, compiled);
        }
        return new Built(loaded, files, hashes, Optional.of(compiled));
    }

    private static DecisionPipeline.Settings settings(PackManifest m, PackOptions options) {
        return new DecisionPipeline.Settings(m.id(), m.version(), m.thresholds(), m.contact(), m.zone(),
                options.clock(), options.maxFirings(), options.locale(), m.holdout());
    }

    private static RulePack assemble(PackSource source, PackOptions options, PackManifest m,
                                     Optional<Codebook> codebook, Optional<ScriptLibrary> scripts,
                                     Optional<FunnelConfig> funnel, DecisionPipeline pipeline, List<RuleInfo> rules,
                                     List<Diagnostic> warnings) {
        return new RulePack(source, m, codebook.orElse(null), scripts.orElseGet(ScriptLibrary::empty),
                funnel.orElseGet(() -> FunnelConfig.defaults().withZone(m.zone())), rules, pipeline, options,
                sortedForReading(warnings));
    }

    /**
     * The pack's own compiled part, when it matches the pack's files, library and allowed classes. When it does
     * not, or cannot be read, a diagnostic says why: a warning when the pack can be compiled from its files here
     * (null is returned and the load compiles), an error when it cannot (no rule compiler on the class path).
     */
    private static Precompiled ownCompiledPart(PackSource source, Map<String, String> hashes, List<String> allowed,
                                               Messages messages, List<Diagnostic> problems) {
        CompiledPack.Manifest m;
        try (InputStream in = source.open(CompiledPack.MANIFEST)) {
            m = CompiledPack.readManifest(in.readAllBytes());
        } catch (IOException e) {
            problems.add(stale(messages, canCompile(), "pack.compiled-unusable", reason(e)));
            return null;
        }
        Optional<Object[]> why = CompiledPack.staleness(m, hashes, allowed);
        if (why.isPresent()) {
            Object[] w = why.get();
            problems.add(stale(messages, canCompile(), (String) w[0], java.util.Arrays.copyOfRange(w, 1, w.length)));
            return null;
        }
        try {
            return new Precompiled(m, CompiledPack.readClasses(m, source, ""));
        } catch (IOException e) {
            problems.add(stale(messages, canCompile(), "pack.compiled-unusable", reason(e)));
            return null;
        }
    }

    /** A cache entry, when it matches (it should: its name is the key); anything else is a miss. */
    private static Optional<Precompiled> cacheEntry(PackSource entry, Map<String, String> hashes,
                                                    List<String> allowed) {
        try (InputStream in = entry.open(CompiledPack.MANIFEST)) {
            CompiledPack.Manifest m = CompiledPack.readManifest(in.readAllBytes());
            if (CompiledPack.staleness(m, hashes, allowed).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new Precompiled(m, CompiledPack.readClasses(m, entry, "")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a compiled pack in the cache: at once when the load built the executable model, else on the cache's
     * background thread (an executable-model build of the same rule files), when this application can build one.
     */
    private static void storeInCache(PackCache cache, String key, Map<String, String> hashes, List<String> allowed,
                                     PackOptions options, List<RuleSource> sources, RulePack loaded,
                                     DrlCompiler.Result compiled) {
        if (compiled.compiledRules().isPresent()) {
            cache.store(key, CompiledPack.files(hashes, allowed, options.locale(), loaded.rules(), compiled.dates(),
                    compiled.startingWithNoFact(), loaded.warnings(), compiled.compiledRules().get()));
            return;
        }
        if (!canBuildExecutableModel()) {
            return;
        }
        List<Class<?>> extra = List.copyOf(options.allowedClasses());
        List<RuleInfo> rules = loaded.rules();
        List<Diagnostic> warnings = loaded.warnings();
        cache.storeLater(key, () -> {
            DrlCompiler.Result built = new DrlCompiler(options.locale()).compile(sources, extra, true);
            return built.compiledRules().map(c -> CompiledPack.files(hashes, allowed, options.locale(), rules,
                    built.dates(), built.startingWithNoFact(), warnings, c));
        });
    }

    /** A compiled part that cannot be used: a warning when the pack is compiled from its files instead, else an error. */
    private static Diagnostic stale(Messages messages, boolean rebuilt, String key, Object... args) {
        String why = messages.format(key, args);
        return rebuilt
                ? new Diagnostic(CompiledPack.MANIFEST, 0, 0, Diagnostic.Severity.WARNING, key, "",
                        messages.format("pack.compiled-rebuilt", why))
                : Diagnostic.error(CompiledPack.MANIFEST, 0, 0, key,
                        messages.format("pack.compiled-refused", why, CompiledPack.runningVersions()[0]));
    }

    /** Whether rule files can be compiled here: Drools' rule compiler (with MVEL and ECJ) is on the class path. */
    private static boolean canCompile() {
        return present("org.drools.compiler.builder.impl.KnowledgeBuilderImpl") && present("org.mvel2.MVEL")
                && present("org.drools.mvel.MVELConstraint");
    }

    /** Whether the executable model can be built here (drools-model-codegen, which the cache's builds need). */
    private static boolean canBuildExecutableModel() {
        return canCompile() && present("org.drools.model.codegen.ExecutableModelProject");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RulePack.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The names of the classes rule files may use besides the fact model, sorted. */
    private static List<String> allowedNames(PackOptions options) {
        return options.allowedClasses().stream().map(Class::getName).sorted().toList();
    }

    /** The reason of a source that cannot be listed, in the reader's words where it is a known one. */
    private static String reason(IOException e, Messages messages) {
        if (e instanceof java.util.zip.ZipException) {
            // "zip file is empty", "zip END header not found": the JVM's words for a file that is no zip archive.
            return messages.format("pack.not-a-zip");
        }
        return reason(e);
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }

    /**
     * The names a file defines, for the cross-check of rules against it: none when the pack lacks the
     * file (every reference is then an error), unknown (the check is skipped) when the file itself is
     * broken — its own diagnostics already say why, and a cascade of follow-on errors would bury them.
     */
    private static Optional<Set<String>> knownNames(Set<String> files, String file, Optional<Set<String>> parsed) {
        if (parsed.isPresent()) {
            return parsed;
        }
        return files.contains(file) ? Optional.empty() : Optional.of(Set.of());
    }

    /** Parses one file of the pack; its problems join the pack's instead of stopping the load. */
    private static <T> Optional<T> parsePart(Supplier<T> parse, List<Diagnostic> problems) {
        try {
            return Optional.of(parse.get());
        } catch (DiagnosticException e) {
            problems.addAll(e.diagnostics());
            return Optional.empty();
        }
    }

    private static RulePackException failure(PackSource source, List<Diagnostic> problems, Messages messages) {
        List<Diagnostic> sorted = sortedForReading(problems);
        return new RulePackException(messages.format("pack.failed", source.name(), sorted.size()), sorted);
    }

    private static List<Diagnostic> sortedForReading(List<Diagnostic> problems) {
        List<Diagnostic> sorted = new ArrayList<>(problems);
        sorted.sort(Diagnostic.READING_ORDER);
        return sorted;
    }

    /** The files of a pack being loaded: each read through {@link PackFiles}, its problems added to the pack's. */
    private record Files(PackSource source, Set<String> names, Messages messages, List<Diagnostic> problems) {
        Optional<String> read(String name, boolean required) {
            if (!names.contains(name)) {
                if (required) {
                    problems.add(Diagnostic.error(name, 0, 0, "pack.missing-file",
                            messages.format("pack.missing-file", name)));
                }
                return Optional.empty();
            }
            PackFiles.Kind kind = kind(name);
            try (InputStream in = source.open(name)) {
                return PackFiles.read(in, name, kind, messages.locale(), problems);
            } catch (IOException e) {
                problems.add(PackFiles.unreadable(name, kind, e, messages.locale()));
                return Optional.empty();
            }
        }

        List<RuleSource> ruleSources() {
            List<RuleSource> sources = new ArrayList<>();
            boolean any = false;
            for (String name : names) {
                if (name.startsWith(RULES_FOLDER) && name.endsWith(".drl")) {
                    any = true;
                    read(name, true).ifPresent(text -> sources.add(new RuleSource(name, text)));
                } else if (name.startsWith(RULES_FOLDER)) {
                    problems.add(ignoredRuleFile(name));
                }
            }
            if (!any) {
                problems.add(Diagnostic.error("rules", 0, 0, "pack.no-rules", messages.format("pack.no-rules")));
            }
            return sources;
        }

        /**
         * A file under {@code rules/} that is not read: a warning, or its rules would be gone without a word
         * ({@code intent.DRL}, {@code intent.drl.txt} as Notepad saves it). The name to rename it to is given
         * when one is plain.
         */
        private Diagnostic ignoredRuleFile(String name) {
            int drl = name.toLowerCase(Locale.ROOT).lastIndexOf(".drl");
            String key = drl < 0 ? "pack.ignored-file" : "pack.ignored-rule-file";
            String renamed = drl < 0 ? "" : name.substring(0, drl) + ".drl";
            return new Diagnostic(name, 0, 0, Severity.WARNING, IGNORED_FILE, "",
                    messages.format(key, name, renamed));
        }
    }

    private static PackFiles.Kind kind(String name) {
        return switch (name) {
            case CODEBOOK_FILE -> PackFiles.Kind.CODEBOOK;
            case SCRIPTS_FILE -> PackFiles.Kind.SCRIPTS;
            default -> PackFiles.Kind.PACK_FILE;
        };
    }

    /**
     * Decides the next-best action for one customer: the pack's {@code intent} rules score the customer,
     * the {@code propose} rules propose actions, the {@code policy} rules veto some, and the best surviving
     * proposal wins; its script is rendered with the customer's attributes as the template's values.
     *
     * <p>Runs on the calling thread in a Drools session of its own (taken from a pool and reset after
     * use), so any number of threads may decide on one pack at once. It reads "now" from the pack's clock
     * ({@link PackOptions.Builder#clock}) and nothing else outside the customer; the same customer at the
     * same moment always gets the same decision, A/B variant included. Typical cost: tens of microseconds
     * of CPU ({@code BENCHMARKS.md}).
     *
     * @param customer the customer to decide for; not null
     * @return the decision, never null: its action is {@link Decision#NONE} when no proposal survives, and
     *         {@link Decision#HOLDOUT} (no text; what would have won in {@link Decision#counterfactual()}) for a
     *         customer in the holdout of {@code pack.json}; with its explanation ({@link Decision#explain()})
     * @throws NullPointerException when {@code customer} is null
     * @throws io.siyu.rules.decision.DecisionException when a rule loops (fires more than
     *         {@link PackOptions#maxFirings()} times in one phase) or throws for this customer, or the winning
     *         script cannot be rendered (a variable without a value); it names the rule's file and line and
     *         never quotes the customer's data. The pack stays usable for other customers.
     */
    public Decision decide(Customer customer) {
        if (listeners.isEmpty() && counters == null) {
            return pipeline.decide(customer);
        }
        Objects.requireNonNull(customer, "customer");
        long start = System.nanoTime();
        Decision decision;
        try {
            decision = pipeline.decide(customer);
        } catch (DiagnosticException e) {
            long nanos = System.nanoTime() - start;
            Decision failed = pipeline.failed(customer, e);
            if (counters != null) {
                counters.count(failed);
            }
            listeners.decided(failed, nanos);
            throw e;
        }
        long nanos = System.nanoTime() - start;
        if (counters != null) {
            counters.count(decision);
        }
        listeners.decided(decision, nanos);
        return decision;
    }

    /**
     * Decides for a batch of customers, in order, on the calling thread. Unlike {@link #decide(Customer)},
     * a customer whose decision fails does not stop the batch: that customer's decision has action
     * {@link Decision#FAILED} and says why in {@link Decision#failure()}, and the rest are decided.
     *
     * @param customers the customers; not null and without null elements (may be empty)
     * @return one decision per customer, in the same order; a new, unmodifiable list
     * @throws NullPointerException when {@code customers} or one of its elements is null
     */
    public List<Decision> decideAll(List<Customer> customers) {
        if (listeners.isEmpty() && counters == null) {
            return pipeline.decideAll(customers);
        }
        Objects.requireNonNull(customers, "customers");
        List<Decision> out = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            try {
                out.add(decide(Objects.requireNonNull(c, "customer")));
            } catch (DiagnosticException e) {
                // As the pipeline's own decideAll: a failed customer does not stop the batch (decide has told
                // the listeners).
                out.add(pipeline.failed(c, e));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * This pack deciding with another clock: the same compiled rules, codebook, scripts and settings, with
     * "now" (the {@code Now} fact, quiet hours, funnel days) from {@code clock}. Cheap — nothing is read or
     * compiled again — so a test or a replay can decide "as of" any moment.
     *
     * @param clock where "now" comes from; not null
     * @return a new pack sharing everything with this one but the clock
     * @throws NullPointerException when {@code clock} is null
     */
    public RulePack withClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new RulePack(source, manifest, codebook, scripts, funnelConfig, rules, pipeline.withClock(clock),
                options.toBuilder().clock(clock).build(), warnings, counters);
    }

    /**
     * The pack id from {@code pack.json}.
     *
     * @return the id, not blank
     */
    public String id() {
        return manifest.id();
    }

    /**
     * The pack version from {@code pack.json}, as recorded on every decision.
     *
     * @return the version, not blank
     */
    public String version() {
        return manifest.version();
    }

    /**
     * The pack's settings from {@code pack.json}, with the defaults filled in.
     *
     * @return the manifest
     */
    public PackManifest manifest() {
        return manifest;
    }

    /**
     * The codebook ({@code codebook.json}).
     *
     * @return the codebook
     * @throws IllegalStateException when the pack has no codebook (see {@link #hasCodebook()})
     */
    public Codebook codebook() {
        if (codebook == null) {
            throw new IllegalStateException("rule pack " + id() + " has no " + CODEBOOK_FILE);
        }
        return codebook;
    }

    /**
     * Whether the pack has a codebook.
     *
     * @return true when the pack has a {@code codebook.json}
     */
    public boolean hasCodebook() {
        return codebook != null;
    }

    /**
     * The JSON form of this pack's customers and decisions ({@code siyu decide}'s format): reads customers
     * with this pack's codebook, words its problems in the pack's locale. Without a codebook, a customer with
     * answers, codes or a remark is an error.
     *
     * @return the JSON form; immutable and thread-safe
     */
    public DecisionJson json() {
        return DecisionJson.of(codebook, options.locale());
    }

    /**
     * The script library ({@code scripts.json}).
     *
     * @return the library; {@link ScriptLibrary#empty()} when the pack has none
     */
    public ScriptLibrary scripts() {
        return scripts;
    }

    /**
     * The funnel settings ({@code funnel.json}).
     *
     * @return the settings; when the pack has no {@code funnel.json}, the defaults (seeding 5 days,
     *         conversion 6, groups of 200) in the pack's timezone. A {@code funnel.json} without a
     *         {@code timezone} gets {@code Asia/Shanghai}, whatever the pack's timezone
     */
    public FunnelConfig funnelConfig() {
        return funnelConfig;
    }

    /**
     * A funnel over a store, run with this pack's funnel settings, clock and holdout (held-out customers are
     * seated in control groups that get no content: see {@link Funnel#create(FunnelConfig, Clock, FunnelStore,
     * Holdout)}). The host keeps the store
     * ({@link FunnelStore#inMemory()}, or a database's); a funnel over a store that holds data resumes where
     * it stopped (see {@link Funnel#create(FunnelConfig, Clock, FunnelStore)}).
     *
     * @param store everything the funnel keeps
     * @return a new funnel
     * @throws NullPointerException when {@code store} is null
     */
    public Funnel funnel(FunnelStore store) {
        return Funnel.create(funnelConfig, options.clock(), store, manifest.holdout());
    }

    /**
     * The plan for a day: for every active cohort group of {@code funnel}, the content the pack's
     * {@code content} rules choose ({@link #contentFor(GroupDay)}; a group day with none is listed in
     * {@link DailyPlan#missingContent()}), and the journeys that need one-to-one attention. The funnel's
     * own settings decide which groups are active; use one made by {@link #funnel(FunnelStore)} so that
     * they are this pack's.
     *
     * @param date   the day to plan, in the funnel's timezone
     * @param funnel the funnel whose groups and journeys to plan for
     * @return the plan
     * @throws NullPointerException when an argument is null
     * @throws io.siyu.rules.decision.DecisionException when a content rule loops or throws, or a chosen
     *         script cannot be rendered; nothing is planned then
     */
    public DailyPlan planFor(LocalDate date, Funnel funnel) {
        return funnel.planFor(date, this::contentFor);
    }

    /**
     * Forecasts the funnel's numbers with this pack's funnel settings: customers are drawn from the
     * pack's own cohorts (every combination of options of the {@code cohortBy} questions of
     * {@code funnel.json}), with the intake and probabilities of {@code assumptions}. When the pack has no
     * codebook or none of those questions, the cohorts of {@code assumptions} are used. Runs the whole
     * simulation on the calling thread (see {@link FunnelForecast#run}).
     *
     * @param assumptions intake and probabilities, e.g. {@code FunnelForecast.Assumptions.gaozi()}
     * @param seed        the random seed: the same seed gives the same report
     * @return the simulated funnel's report
     * @throws NullPointerException when {@code assumptions} is null
     */
    public FunnelReport forecast(FunnelForecast.Assumptions assumptions, long seed) {
        Objects.requireNonNull(assumptions, "assumptions");
        List<TagSet> cohorts = codebook == null ? List.of() : cohorts(codebook, funnelConfig.cohortBy());
        return FunnelForecast.run(funnelConfig, cohorts.isEmpty() ? assumptions : assumptions.withCohorts(cohorts),
                seed);
    }

    /** Every combination of one option per cohort question, in canonical order. */
    private static List<TagSet> cohorts(Codebook codebook, List<String> questionIds) {
        List<List<Tag>> combinations = List.of(List.of());
        for (Question q : codebook.questions()) {
            if (!questionIds.contains(q.id())) {
                continue;
            }
            List<List<Tag>> next = new ArrayList<>();
            for (List<Tag> prefix : combinations) {
                for (Option o : q.options()) {
                    List<Tag> tags = new ArrayList<>(prefix);
                    tags.add(new Tag(q.id(), o.id(), o.code()));
                    next.add(tags);
                }
            }
            combinations = next;
        }
        List<TagSet> out = new ArrayList<>();
        for (List<Tag> tags : combinations) {
            if (!tags.isEmpty()) {
                out.add(TagSet.of(tags));
            }
        }
        return out;
    }

    /**
     * The content the pack's {@code content} rules choose for one group day: every proposal, with its
     * script rendered for the group (the A/B variant is chosen by the group id). Contact-policy vetoes do
     * not apply: a plan is made ahead of the time it is sent. Runs on the calling thread in a Drools
     * session of its own, like {@link #decide(Customer)}.
     *
     * <p>A control group of the holdout ({@link Holdout#isControlGroup}: its id starts with {@code holdout-}) gets
     * nothing: the rules are not asked, the list is empty.
     *
     * @param day the group day
     * @return the content, best first; a new, unmodifiable list, empty when no rule chose any or the group is a
     *         control group
     * @throws NullPointerException when {@code day} is null
     * @throws io.siyu.rules.decision.DecisionException when a content rule loops or throws, or a chosen
     *         script cannot be rendered
     */
    public List<PlannedContent> contentFor(GroupDay day) {
        if (Holdout.isControlGroup(day.groupId())) {
            return List.of();
        }
        return Collections.unmodifiableList(pipeline.contentFor(day));
    }

    /**
     * What each rule did over the decisions this pack made since it was loaded or last
     * {@linkplain #resetRuleStatistics() reset} (fires, wins, vetoes): see {@link RuleStatistics}. Counted only
     * with {@link PackOptions.Builder#ruleStatistics(boolean) ruleStatistics(true)}. Shared with the packs of
     * {@link #withClock(Clock)}; a {@link LiveRulePack} counts per version — a listener reads the totals of the
     * version that stopped serving in {@link DecisionListener#reloaded} ({@code previous.ruleStatistics()}).
     *
     * @return a snapshot, one row per rule in {@link #rules()} order; all zero when statistics are off
     */
    public RuleStatistics ruleStatistics() {
        if (counters == null) {
            return new RuleStatistics.Counters(rules).snapshot();
        }
        return counters.snapshot();
    }

    /**
     * Sets every rule statistic back to zero (decisions running meanwhile may be counted before or after). Does
     * nothing when statistics are off.
     */
    public void resetRuleStatistics() {
        if (counters != null) {
            counters.reset();
        }
    }

    /**
     * The warnings of a pack that loaded: things that work but are probably not what the author meant
     * (for instance an action name that is not {@code UPPER_SNAKE_CASE}).
     *
     * @return the warnings in reading order (file, line, column); unmodifiable, empty when there are none
     */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /**
     * Every rule of the pack.
     *
     * @return the rules in file order (files sorted by path); unmodifiable
     */
    public List<RuleInfo> rules() {
        return rules;
    }

    /**
     * Where the pack was loaded from: read it again to reload the pack, or to find the files beside the pack's
     * own (its {@code tests/*.csv}, samples).
     *
     * @return the source, as given to {@link #load(PackSource, PackOptions)} ({@link PackSource#directory(Path)}
     *         for {@link #load(Path, PackOptions)})
     */
    public PackSource source() {
        return source;
    }

    /**
     * How many exceptions the {@linkplain PackOptions#listeners() listeners} have thrown so far (each was
     * caught, logged and ignored: see {@link DecisionListener}). The count belongs to the {@link PackOptions}:
     * every pack loaded with the same options — every version of a {@link LiveRulePack}, a
     * {@linkplain #withClock(Clock) pack with another clock} — shares it.
     *
     * @return the count, 0 or more; always 0 without listeners
     */
    public long listenerFailures() {
        return listeners.failures();
    }

    /**
     * The options the pack was loaded with (with the clock of {@link #withClock(Clock)}, if any).
     *
     * @return the options
     */
    public PackOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "RulePack[" + manifest.id() + " " + manifest.version() + ", " + rules.size() + " rules]";
    }
}
