package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Compiles a pack's rule files with Drools through the public KIE API, each build under its own
 * release id, which is removed from the {@code KieRepository} as soon as the rule base exists: loading
 * a pack many times does not grow the heap.
 *
 * <p>Before Drools sees a file, it is read by {@link DrlFile} (unclosed quotes and comments, rules without
 * {@code end}), checked by {@link RuleSafety} (only allowlisted classes and constructs) and parsed on its
 * own; a file with such an error is left out of the build, and the other files are still built so that
 * their problems are reported too. Drools' messages are translated by {@link DroolsMessages}.
 *
 * <p>Rule files do not declare the fact model or the helpers: the compiler adds, for every package
 * the files use, a generated file that imports the fact model and declares the globals
 * {@code intent}, {@code actions} and {@code policy}.
 */
public final class DrlCompiler {

    private static final String GROUP_ATTRIBUTE = "ruleflow-group";
    private static final String DEFAULT_PACKAGE = "defaultpkg";
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
     * @param diagnostics every problem in every file, in reading order, without duplicates
     * @param releaseId   the release id the build used (already removed from the {@code KieRepository}),
     *                    or empty when nothing was built
     */
    public record Result(Optional<KieBase> kieBase, List<RuleInfo> rules, List<Diagnostic> diagnostics,
                  Optional<ReleaseId> releaseId) {
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
        Set<String> packages = new LinkedHashSet<>();
        Map<String, DrlFile> files = new LinkedHashMap<>();
        FactVocabulary vocabulary = new FactVocabulary(extraFacts);
        RuleSafety safety = new RuleSafety(messages, vocabulary);
        List<RuleSource> buildable = new ArrayList<>();
        for (RuleSource source : sources) {
            DrlFile drl = DrlFile.read(source, messages);
            files.put(source.file(), drl);
            List<Diagnostic> blocking = new ArrayList<>(drl.structureProblems());
            blocking.addAll(safety.check(source, drl));
            describe(source, drl, rules, packages, blocking, problems);
            problems.addAll(blocking);
            if (blocking.stream().noneMatch(Diagnostic::isError)) {
                buildable.add(source);
            }
        }
        if (buildable.isEmpty()) {
            return new Result(Optional.empty(), rules, tidy(problems), Optional.empty());
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.siyu.rules.pack", "pack-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (String pkg : packages) {
            writeUtf8(ks, kfs, resourcePath(pkg.replace('.', '/') + "/siyu-fact-model.drl"), vocabulary.declarations(DEFAULT_PACKAGE.equals(pkg) ? null : pkg));
        }
        for (RuleSource source : buildable) {
            writeUtf8(ks, kfs, resourcePath(source.file()), source.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            if (executableModel) {
                builder.buildAll(executableModelProject());
            } else {
                builder.buildAll();
            }
            List<Diagnostic> compileProblems = new DroolsMessages(messages, files, vocabulary).translate(
                    builder.getResults().getMessages());
            problems.addAll(compileProblems);
            if (builder.getResults().hasMessages(Message.Level.ERROR)
                    && compileProblems.stream().noneMatch(Diagnostic::isError)) {
                // Drools reported an error we could not place: never let it pass silently.
                problems.add(new Diagnostic("", 0, 0, Severity.ERROR, "drl.unplaced", "",
                        messages.format("drl.compile", builder.getResults().getMessages(Message.Level.ERROR))));
            }
            if (problems.stream().anyMatch(Diagnostic::isError)) {
                return new Result(Optional.empty(), rules, tidy(problems), Optional.of(releaseId));
            }
            KieContainer container = ks.newKieContainer(releaseId);
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            KieBase base = container.newKieBase(conf);
            return new Result(Optional.of(base), rules, tidy(problems), Optional.of(releaseId));
        } finally {
            // The repository would keep every build's module (and its classes) alive: loading a pack
            // again and again must not grow the heap.
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private static List<Diagnostic> tidy(List<Diagnostic> problems) {
        return problems.stream().distinct().sorted(Diagnostic.READING_ORDER).toList();
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
     * Writes a rule file as UTF-8 and says so: {@code KieFileSystem.write(String, String)} encodes and
     * Drools decodes with the JVM's default charset, which garbles Chinese rule files (and silently
     * breaks conditions such as {@code asked("多少钱")}) on a machine whose default is not UTF-8.
     */
    private static void writeUtf8(KieServices ks, KieFileSystem kfs, String path, String text) {
        Resource resource = ks.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8.name());
        resource.setSourcePath(path);
        resource.setResourceType(ResourceType.DRL);
        kfs.write(resource);
    }

    private static String resourcePath(String file) {
        return "src/main/resources/" + file;
    }

    /**
     * Parses one file on its own: its syntax errors go to {@code blocking}; its rules, packages and missing
     * phases are recorded.
     */
    private void describe(RuleSource source, DrlFile drl, List<RuleInfo> rules, Set<String> packages,
                          List<Diagnostic> blocking, List<Diagnostic> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.text());
        } catch (DroolsParserException e) {
            blocking.add(Diagnostic.error(source.file(), 0, 0, "drl.syntax",
                    messages.format("drl.syntax", e.getMessage())));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            blocking.addAll(new DroolsMessages(messages, Map.of(source.file(), drl), new FactVocabulary(List.of()))
                    .translateParserErrors(drl, parser.getErrors()));
            return;
        }
        String namespace = pkg.getNamespace() == null || pkg.getNamespace().isBlank() ? DEFAULT_PACKAGE
                : pkg.getNamespace();
        packages.add(namespace);
        for (RuleDescr rule : pkg.getRules()) {
            AttributeDescr group = rule.getAttributes().get(GROUP_ATTRIBUTE);
            Optional<Phase> phase = group == null ? Optional.empty() : Phase.ofGroupName(group.getValue());
            if (group == null) {
                // A group that is not a phase is reported where it is written, by RuleReferences.
                DrlFile.Token at = drl.rules().stream().filter(r -> r.name().equals(rule.getName())).findFirst()
                        .map(r -> drl.tokens().get(r.start()))
                        .orElse(new DrlFile.Token(DrlFile.Kind.IDENTIFIER, "rule", rule.getLine(), 1));
                problems.add(Diagnostic.error(source.file(), at.line(), at.column(), "drl.no-phase",
                        messages.format("drl.no-phase", rule.getName())));
            }
            phase.ifPresent(p -> rules.add(new RuleInfo(rule.getName(), source.file(), rule.getLine(), p)));
        }
    }
}
