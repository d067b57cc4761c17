package io.siyu.rules.pack;

import io.siyu.rules.decision.Actions;
import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionPipeline;
import io.siyu.rules.decision.Intent;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Now;
import io.siyu.rules.decision.Phase;
import io.siyu.rules.decision.Policy;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.RuleInfo;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.diagnostic.Messages;
import io.siyu.rules.diagnostic.Severity;
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
import org.kie.api.runtime.KieContainer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Compiles a pack's rule files with Drools through the public KIE API, each build under its own
 * release id, which is removed from the {@code KieRepository} as soon as the rule base exists: loading
 * a pack many times does not grow the heap.
 *
 * <p>Rule files do not declare the fact model or the helpers: the compiler adds, for every package
 * the files use, a generated file that imports the fact model and declares the globals
 * {@code intent}, {@code actions} and {@code policy}.
 */
final class DrlCompiler {
    /** The fact model and helpers every rule file may use without an import. */
    static final List<Class<?>> FACT_MODEL = List.of(Customer.class, Intent.class, IntentLevel.class, Proposal.class,
            Now.class, ContactPolicy.class, Actions.class, Policy.class, GroupDay.class, Stage.class);

    private static final String GROUP_ATTRIBUTE = "ruleflow-group";
    private static final String DEFAULT_PACKAGE = "defaultpkg";

    private final Messages messages;

    DrlCompiler(Messages messages) {
        this.messages = messages;
    }

    /** The result of a compilation: a rule base and its rules, or the problems. */
    record Result(Optional<KieBase> kieBase, List<RuleInfo> rules, List<Diagnostic> diagnostics) {
    }

    Result compile(List<RuleSource> sources, List<Class<?>> extraFacts, CompileMode mode) {
        List<Diagnostic> problems = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        for (RuleSource source : sources) {
            describe(source, rules, packages, problems);
        }
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return new Result(Optional.empty(), rules, problems);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.siyu.rules.pack", "pack-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (String pkg : packages) {
            kfs.write(resourcePath(pkg.replace('.', '/') + "/siyu-fact-model.drl"), preamble(pkg, extraFacts));
        }
        for (RuleSource source : sources) {
            kfs.write(resourcePath(source.file()), source.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs);
        if (mode == CompileMode.EXECUTABLE_MODEL) {
            builder.buildAll(executableModelProject());
        } else {
            builder.buildAll();
        }
        List<Diagnostic> compileProblems = new DroolsMessages(messages, sources).translate(
                builder.getResults().getMessages());
        problems.addAll(compileProblems);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            ks.getRepository().removeKieModule(releaseId);
            if (compileProblems.stream().noneMatch(Diagnostic::isError)) {
                // Drools reported an error we could not place: never let it pass silently.
                problems.add(new Diagnostic("", 0, 0, Severity.ERROR, "drl.unplaced",
                        "", builder.getResults().getMessages(Message.Level.ERROR).toString()));
            }
            return new Result(Optional.empty(), rules, problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        try {
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(KieBaseMutabilityOption.DISABLED);
            KieBase base = container.newKieBase(conf);
            return new Result(Optional.of(base), rules, problems);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends org.kie.api.builder.KieBuilder.ProjectType> executableModelProject() {
        try {
            return (Class<? extends org.kie.api.builder.KieBuilder.ProjectType>) Class.forName(
                    "org.drools.model.codegen.ExecutableModelProject");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("CompileMode.EXECUTABLE_MODEL needs org.drools:drools-model-compiler "
                    + "on the class path", e);
        }
    }

    private static String resourcePath(String file) {
        return "src/main/resources/" + file;
    }

    private void describe(RuleSource source, List<RuleInfo> rules, Set<String> packages, List<Diagnostic> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.text());
        } catch (DroolsParserException e) {
            problems.add(Diagnostic.error(source.file(), 0, 0, "drl.syntax", e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            problems.addAll(new DroolsMessages(messages, List.of(source)).translateParserErrors(source.file(),
                    parser.getErrors()));
            return;
        }
        String namespace = pkg.getNamespace() == null || pkg.getNamespace().isBlank() ? DEFAULT_PACKAGE
                : pkg.getNamespace();
        packages.add(namespace);
        for (RuleDescr rule : pkg.getRules()) {
            AttributeDescr group = rule.getAttributes().get(GROUP_ATTRIBUTE);
            Optional<Phase> phase = group == null ? Optional.empty() : Phase.ofGroupName(group.getValue());
            if (phase.isEmpty()) {
                problems.add(new Diagnostic(source.file(), rule.getLine(), rule.getColumn() + 1, Severity.ERROR,
                        "drl.no-phase", "", messages.format("drl.no-phase", rule.getName(),
                        group == null ? "" : group.getValue())));
                continue;
            }
            rules.add(new RuleInfo(rule.getName(), source.file(), rule.getLine(), phase.get()));
        }
    }

    private static String preamble(String pkg, List<Class<?>> extraFacts) {
        StringBuilder drl = new StringBuilder();
        if (!DEFAULT_PACKAGE.equals(pkg)) {
            drl.append("package ").append(pkg).append(";\n");
        }
        for (Class<?> type : FACT_MODEL) {
            drl.append("import ").append(type.getName()).append(";\n");
        }
        for (Class<?> type : extraFacts) {
            drl.append("import ").append(type.getName()).append(";\n");
        }
        drl.append("global ").append(Intent.class.getName()).append(' ').append(DecisionPipeline.INTENT_GLOBAL)
                .append(";\n");
        drl.append("global ").append(Actions.class.getName()).append(' ').append(DecisionPipeline.ACTIONS_GLOBAL)
                .append(";\n");
        drl.append("global ").append(Policy.class.getName()).append(' ').append(DecisionPipeline.POLICY_GLOBAL)
                .append(";\n");
        return drl.toString();
    }
}
