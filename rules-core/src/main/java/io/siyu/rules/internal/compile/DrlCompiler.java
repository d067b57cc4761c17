package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import io.siyu.rules.internal.i18n.Messages;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.MessageImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Compiles a pack's rule files with Drools, quietly: every problem becomes a diagnostic, and Drools prints
 * nothing to the host's log.
 *
 * <p>Before Drools sees a file, it is read by {@link DrlFile} (characters typed with an input method,
 * quotes inside a text, unclosed quotes and comments, rules without {@code end}), checked by
 * {@link RuleSafety} (only allowlisted classes and constructs), its attributes are read by
 * {@link RuleAttributes} (those the pack's phases and clock do not honour are refused, the dates kept for
 * the decision's clock), and it is parsed on its own; a file with a syntax or safety error is left out of
 * the build, and the other files are still built so that their problems are reported too. A rule name used
 * twice in the pack is reported with both places. Drools' messages are translated by {@link DroolsMessages}.
 *
 * <p>The rules are built with a {@code KnowledgeBuilder}, which returns its errors and warnings and logs
 * none of them: Drools' {@code KieBuilder} would also log each build's errors itself ({@code KieProject}:
 * "Unable to build KieBaseModel") to whatever logger the host has, where we cannot silence them. The
 * executable model ({@code CompileMode.EXECUTABLE_MODEL}) is only made by a {@code KieBuilder}: it is built
 * after the classic build has found the rules clean, so that a broken pack never reaches it, each build
 * under its own release id, removed from the {@code KieRepository} as soon as the rule base exists.
 *
 * <p>Rule files do not declare the fact model or the helpers: the compiler adds, for every package
 * the files use, a generated file that imports the fact model and declares the globals
 * {@code intent}, {@code actions} and {@code policy}.
 */
public final class DrlCompiler {

    private static final String GROUP_ATTRIBUTE = "ruleflow-group";
    private static final String DEFAULT_PACKAGE = "defaultpkg";
    private static final String FACT_MODEL_FILE = "siyu-fact-model.drl";
    /** The texts of the compiler's diagnostics. */
    static final String MESSAGES = "io.siyu.rules.internal.compile.messages";

    private final Messages messages;

    /** @param locale the language of the diagnostics */
    public DrlCompiler(Locale locale) {
        this.messages = Messages.of(MESSAGES, locale);
    }

    /**
     * The result of a compilation: a rule base and its rules, or the problems.
     *
     * @param kieBase     the rule base, when there are no errors
     * @param rules       every rule that names a phase, in file order
     * @param dates       the {@code date-effective} / {@code date-expires} window of each rule that has one,
     *                    by rule name: the decision compares it with its own clock
     * @param diagnostics every problem in every file, in reading order, without duplicates
     * @param releaseId   the release id of the executable-model build (already removed from the
     *                    {@code KieRepository}), or empty when none was made
     * @param startingWithNoFact the rules whose conditions do not start with a plain fact pattern (they start
     *                    with {@code not}, {@code exists}, {@code eval}, {@code or}, a {@code from} or nothing):
     *                    Drools matches those once per session, so a session that decides for them must be
     *                    reset between decisions rather than kept
     * @param compiledRules the executable model's class files the rule base was made from, when the executable
     *                    model was built (what a compiled pack stores)
     */
    public record Result(Optional<KieBase> kieBase, List<RuleInfo> rules, Map<String, RuleDates> dates,
                         List<Diagnostic> diagnostics, Optional<ReleaseId> releaseId, Set<String> startingWithNoFact,
                         Optional<CompiledRules> compiledRules) {
    }

    /**
     * Checks and compiles a pack's rule files. Every file is read, checked for safety and parsed on its
     * own; files with a syntax or safety error are left out of the Drools build, and the others are still
     * built, so that one broken file does not hide the problems of the rest.
     *
     * @param sources    the rule files
     * @param extraFacts classes the host allows besides the fact model (imported into every package)
     * @param executableModel whether to build Drools' executable model (generated Java) instead of the
     *                        classic, interpreted rule base
     */
    public Result compile(List<RuleSource> sources, List<Class<?>> extraFacts, boolean executableModel) {
        List<Diagnostic> problems = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, RuleDates> dates = new LinkedHashMap<>();
        Map<String, String> packages = new LinkedHashMap<>();
        Map<String, DrlFile> files = new LinkedHashMap<>();
        FactVocabulary vocabulary = new FactVocabulary(extraFacts);
        RuleSafety safety = new RuleSafety(messages, vocabulary);
        RuleAttributes attributes = new RuleAttributes(messages);
        RuleTypes types = new RuleTypes(messages, vocabulary);
        Map<String, String> buildable = new LinkedHashMap<>();
        Set<String> noFact = new LinkedHashSet<>();
        for (RuleSource source : sources) {
            DrlFile drl = DrlFile.read(source, messages);
            files.put(source.file(), drl);
            problems.addAll(drl.typingProblems());
            List<Diagnostic> blocking = new ArrayList<>(drl.structureProblems());
            blocking.addAll(safety.check(drl));
            // Blocking: Drools either says the same less clearly or, for a text it converts when deciding, nothing.
            blocking.addAll(types.check(drl));
            RuleAttributes.Result attrs = attributes.read(drl);
            problems.addAll(attrs.problems());
            dates.putAll(attrs.windows());
            describe(source.file(), attrs.droolsText(), drl, rules, packages, noFact, blocking, problems);
            problems.addAll(blocking);
            if (blocking.stream().noneMatch(Diagnostic::isError)) {
                buildable.put(source.file(), attrs.droolsText());
            }
        }
        Set<String> duplicated = duplicateNames(files.values(), problems);
        if (buildable.isEmpty()) {
            return new Result(Optional.empty(), rules, dates, tidy(problems, files), Optional.empty(), noFact, Optional.empty());
        }
        Map<String, String> generated = new LinkedHashMap<>();
        for (String pkg : new LinkedHashSet<>(packages.values())) {
            generated.put((DEFAULT_PACKAGE.equals(pkg) ? "" : pkg.replace('.', '/') + "/") + FACT_MODEL_FILE,
                    vocabulary.declarations(DEFAULT_PACKAGE.equals(pkg) ? null : pkg));
        }
        DroolsMessages translator = new DroolsMessages(messages, files, vocabulary, duplicated);
        KnowledgeBuilder builder = classicBuild(generated, buildable);
        List<Message> reported = new ArrayList<>();
        long id = 0;
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            reported.add(new MessageImpl(id++, r));
        }
        if (!accept(translator, reported, problems)) {
            return new Result(Optional.empty(), rules, dates, tidy(problems, files), Optional.empty(), noFact, Optional.empty());
        }
        if (!executableModel) {
            KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(conf);
            base.addPackages(builder.getKnowledgePackages());
            return new Result(Optional.of(base), rules, dates, tidy(problems, files), Optional.empty(), noFact, Optional.empty());
        }
        return executableModel(generated, buildable, packages, extraFacts, files, vocabulary, duplicated, rules, dates,
                problems, noFact);
    }

    /**
     * Adds Drools' messages to {@code problems}; returns whether the build is clean. An error Drools reports
     * that cannot be placed is never let pass silently.
     */
    private boolean accept(DroolsMessages translator, List<Message> reported, List<Diagnostic> problems) {
        List<Diagnostic> compileProblems = translator.translate(reported);
        problems.addAll(compileProblems);
        boolean droolsErrors = reported.stream().anyMatch(m -> m.getLevel() == Message.Level.ERROR
                && !translator.isAlreadyReported(m));
        if (droolsErrors && compileProblems.stream().noneMatch(Diagnostic::isError)) {
            problems.add(new Diagnostic("", 0, 0, Severity.ERROR, "drl.unplaced", "",
                    messages.format("drl.compile", reported.stream()
                            .filter(m -> m.getLevel() == Message.Level.ERROR).map(Message::getText).toList())));
        }
        return problems.stream().noneMatch(Diagnostic::isError);
    }

    /** The classic build of the generated files and the buildable rule files: nothing is logged. */
    private static KnowledgeBuilder classicBuild(Map<String, String> generated, Map<String, String> buildable) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        generated.forEach((path, text) -> batch.add(utf8(path, text), ResourceType.DRL));
        buildable.forEach((path, text) -> batch.add(utf8(path, text), ResourceType.DRL));
        batch.build();
        return builder;
    }

    /**
     * The executable model of rules the classic build found clean. Each rule file is written in the folder
     * of its package ({@code KieBuilder} logs a warning for a file whose folder and package differ), under a
     * name that Drools' messages are traced back from.
     */
    private Result executableModel(Map<String, String> generated, Map<String, String> buildable,
                                   Map<String, String> packages, List<Class<?>> extraFacts, Map<String, DrlFile> files,
                                   FactVocabulary vocabulary, Set<String> duplicated, List<RuleInfo> rules,
                                   Map<String, RuleDates> dates, List<Diagnostic> problems, Set<String> noFact) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.siyu.rules.pack", "pack-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        generated.forEach((path, text) -> kfs.write(utf8(RESOURCES + path, text)));
        Map<String, DrlFile> traced = new LinkedHashMap<>(files);
        int n = 0;
        for (Map.Entry<String, String> file : buildable.entrySet()) {
            String pkg = packages.getOrDefault(file.getKey(), DEFAULT_PACKAGE);
            String folder = DEFAULT_PACKAGE.equals(pkg) ? "" : pkg.replace('.', '/') + "/";
            String path = folder + "siyu-rules-" + (n++) + ".drl";
            traced.put(path, files.get(file.getKey()));
            kfs.write(utf8(RESOURCES + path, file.getValue()));
        }
        DroolsMessages translator = new DroolsMessages(messages, traced, vocabulary, duplicated);
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(executableModelProject());
            int before = problems.size();
            if (!accept(translator, builder.getResults().getMessages(), problems)) {
                // The classic check before was clean: errors only in the Java the executable model generates mean
                // valid rules that this stricter build refuses. One sentence first says so and what to do.
                List<Diagnostic> added = problems.subList(before, problems.size());
                if (!added.isEmpty() && added.stream().filter(Diagnostic::isError)
                        .allMatch(d -> d.file().startsWith("src/main/") || d.file().isEmpty())) {
                    problems.add(Diagnostic.error("rules", 0, 0, EXECUTABLE_MODEL_REFUSES,
                            messages.format(EXECUTABLE_MODEL_REFUSES)));
                }
                return new Result(Optional.empty(), rules, dates, tidy(problems, files), Optional.of(releaseId), noFact, Optional.empty());
            }
            // The rule base is made from the module's class files the way a compiled pack's is (CompiledRules),
            // so that what is tested here is what a compiled pack runs.
            CompiledRules compiled = compiledRules((InternalKieModule) builder.getKieModule(), releaseId);
            KieBase base = compiled.kieBase(extraFacts);
            return new Result(Optional.of(base), rules, dates, tidy(problems, files), Optional.of(releaseId), noFact,
                    Optional.of(compiled));
        } finally {
            // The repository would keep every build's module (and its classes) alive: loading a pack
            // again and again must not grow the heap.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static final String RESOURCES = "src/main/resources/";
    /** The key of the sentence that heads the executable model's refusal of rules the classic build takes. */
    static final String EXECUTABLE_MODEL_REFUSES = "drl.executable-model-refuses";
    private static final String CLASS_SUFFIX = ".class";

    /**
     * The executable model a {@code KieBuilder} made: every class file of the module, and the model classes its
     * {@code drools-model} file lists.
     */
    private static CompiledRules compiledRules(InternalKieModule module, ReleaseId releaseId) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith(CLASS_SUFFIX)) {
                classes.put(file.substring(0, file.length() - CLASS_SUFFIX.length()).replace('/', '.'),
                        module.getBytes(file));
            }
        }
        byte[] modelFile = module.getBytes(CanonicalKieModule.getModelFileWithGAV(releaseId));
        if (modelFile == null) {
            throw new IllegalStateException("the executable model build made no model file");
        }
        List<String> models = new ArrayList<>();
        for (String line : new String(modelFile, StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            // The file starts with "Drools-Model-Version:..."; every other line names a model class.
            if (!name.isEmpty() && !name.contains(":")) {
                models.add(name);
            }
        }
        return new CompiledRules(classes, models);
    }

    private static List<Diagnostic> tidy(List<Diagnostic> problems, Map<String, DrlFile> files) {
        return problems.stream().distinct().filter(d -> !followsATypingProblem(d, files))
                .sorted(Diagnostic.READING_ORDER).toList();
    }

    /** Drools' own complaints, which a character typed on a Chinese input method leads to. */
    private static final Set<String> DROOLS_COMPLAINTS = Set.of("drl.syntax", "drl.consequence",
            "drl.missing-semicolon", "drl.condition", "drl.compile");

    /**
     * Whether {@code d} is Drools complaining about the rule of a typing problem (a full-width comma or colon
     * still reads as the wrong half-width one): the typing problem says what to fix, and the complaint, at the
     * same line or at the rule's "then" line, only sends the reader looking elsewhere. It comes back after the fix
     * if it had another cause.
     */
    private static boolean followsATypingProblem(Diagnostic d, Map<String, DrlFile> files) {
        DrlFile drl = files.get(d.file());
        if (drl == null || !DROOLS_COMPLAINTS.contains(d.key()) || drl.typingProblems().isEmpty()) {
            return false;
        }
        int[] rule = drl.ruleLines(d.line());
        return drl.typingProblems().stream().anyMatch(t -> t.isError() && (t.line() == d.line()
                || rule.length == 2 && t.line() >= rule[0] && t.line() <= rule[1]));
    }

    /**
     * Reports every rule name used a second time in the pack, at the second place, naming both: Drools
     * would only complain within one package, and the decisions, their explanations and the test tables name
     * rules by name alone. Returns the names.
     */
    private Set<String> duplicateNames(Iterable<DrlFile> files, List<Diagnostic> problems) {
        Map<String, String> first = new LinkedHashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        for (DrlFile drl : files) {
            for (DrlFile.Rule rule : drl.rules()) {
                DrlFile.Token name = drl.tokens().get(rule.start() + 1);
                String here = drl.file() + ":" + drl.tokens().get(rule.start()).line();
                String before = first.putIfAbsent(rule.name(), here);
                if (before != null) {
                    duplicated.add(rule.name());
                    problems.add(Diagnostic.error(drl.file(), name.line(), name.column(), "drl.duplicate-rule",
                            messages.format("drl.duplicate-rule", rule.name(), before, here)));
                }
            }
        }
        return duplicated;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends org.kie.api.builder.KieBuilder.ProjectType> executableModelProject() {
        try {
            return (Class<? extends org.kie.api.builder.KieBuilder.ProjectType>) Class.forName(
                    "org.drools.model.codegen.ExecutableModelProject");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("CompileMode.EXECUTABLE_MODEL needs org.drools:drools-model-codegen "
                    + "on the class path (or the module path)", e);
        }
    }

    /**
     * A rule file as UTF-8, saying so: Drools decodes a resource without an encoding with the JVM's default
     * charset, which garbles Chinese rule files (and silently breaks conditions such as
     * {@code asked("多少钱")}) on a machine whose default is not UTF-8. Each file sits in the folder of its
     * package (the generated files) or at its pack path (the rule files, whose messages must name it).
     */
    private static Resource utf8(String path, String text) {
        Resource resource = KieServices.Factory.get().getResources().newByteArrayResource(
                text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8.name());
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        return resource;
    }

    /**
     * Parses one file on its own: its syntax errors go to {@code blocking}; its rules, packages and missing
     * phases are recorded.
     */
    private void describe(String file, String text, DrlFile drl, List<RuleInfo> rules, Map<String, String> packages,
                          Set<String> noFact, List<Diagnostic> blocking, List<Diagnostic> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            blocking.add(Diagnostic.error(file, 0, 0, "drl.syntax", messages.format("drl.syntax", e.getMessage())));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            blocking.addAll(new DroolsMessages(messages, Map.of(file, drl), new FactVocabulary(List.of()), Set.of())
                    .translateParserErrors(drl, parser.getErrors()));
            return;
        }
        String namespace = pkg.getNamespace() == null || pkg.getNamespace().isBlank() ? DEFAULT_PACKAGE
                : pkg.getNamespace();
        packages.put(file, namespace);
        for (RuleDescr rule : pkg.getRules()) {
            if (!startsWithAFact(rule)) {
                noFact.add(rule.getName());
            }
            AttributeDescr group = rule.getAttributes().get(GROUP_ATTRIBUTE);
            Optional<Phase> phase = group == null ? Optional.empty() : Phase.ofGroupName(group.getValue());
            if (group == null) {
                // A group that is not a phase is reported where it is written, by RuleReferences.
                DrlFile.Token at = drl.rules().stream().filter(r -> r.name().equals(rule.getName())).findFirst()
                        .map(r -> drl.tokens().get(r.start()))
                        .orElse(new DrlFile.Token(DrlFile.Kind.IDENTIFIER, "rule", rule.getLine(), 1, 0));
                problems.add(Diagnostic.error(file, at.line(), at.column(), "drl.no-phase",
                        messages.format("drl.no-phase", rule.getName())));
            }
            phase.ifPresent(p -> rules.add(new RuleInfo(rule.getName(), file, rule.getLine(), p)));
        }
    }

    /**
     * Whether a rule's conditions start with a plain pattern on a fact ({@code Customer( ... )}, {@code $p :
     * Proposal( ... )}), not {@code not}, {@code exists}, {@code eval}, {@code or}, {@code forall}, a pattern
     * {@code from} somewhere, or nothing: every match of such a rule comes from a fact the decision inserts.
     */
    private static boolean startsWithAFact(RuleDescr rule) {
        List<? extends BaseDescr> conditions = rule.getLhs() == null ? List.of() : rule.getLhs().getDescrs();
        return !conditions.isEmpty() && conditions.get(0) instanceof PatternDescr pattern
                && pattern.getSource() == null;
    }
}
