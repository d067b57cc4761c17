package io.siyu.rules.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Where Drools may be used. Drools is an implementation detail behind {@code internal.compile} (building a
 * rule base from DRL) and {@code internal.engine} (running it); the API never names it, so that a Drools
 * upgrade, or another engine, changes two internal packages and nothing a host compiles against.
 */
@AnalyzeClasses(packages = "io.siyu.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class DroolsBoundaryTest {
    private static final String COMPILE = "io.siyu.rules.internal.compile..";
    private static final String ENGINE = "io.siyu.rules.internal.engine..";

    /** Drools' compiler API: KIE builder, DRL parser and descriptors, the executable model. */
    static final DescribedPredicate<JavaClass> DROOLS_COMPILER = resideInAnyPackage(
            "org.drools.compiler..", "org.drools.drl..", "org.kie.api.builder..", "org.drools.model..")
            .as("Drools' compiler API");

    /**
     * What running a built rule base needs: sessions, agenda events, the rule base itself, and the
     * definitions those events hand out ({@code org.kie.api.definition.rule.Rule}: the name of the rule that
     * fired, for the decision's trace).
     */
    static final DescribedPredicate<JavaClass> KIE_RUNTIME = resideInAnyPackage(
            "org.kie.api.runtime..", "org.kie.api.event..", "org.kie.api.definition..")
            .or(JavaClass.Predicates.type(org.kie.api.KieBase.class))
            .as("the KIE runtime API (org.kie.api.runtime.., org.kie.api.event.., org.kie.api.definition.., "
                    + "KieBase)");

    /** Drools, KIE and the libraries only Drools brings. */
    static final DescribedPredicate<JavaClass> DROOLS = resideInAnyPackage(
            "org.drools..", "org.kie..", "org.mvel2..", "org.antlr..")
            .as("Drools or KIE");

    @ArchTest
    static final ArchRule onlyTheCompilerUsesTheCompilerApi = noClasses().that().resideOutsideOfPackage(COMPILE)
            .should().dependOnClassesThat(DROOLS_COMPILER)
            .because("building rules from DRL is internal.compile's job alone");

    @ArchTest
    static final ArchRule theEngineUsesOnlyTheRuntimeApi = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat(DROOLS.and(not(KIE_RUNTIME)))
            .because("internal.engine runs a rule base that internal.compile built");

    @ArchTest
    static final ArchRule nothingElseUsesDrools = noClasses().that().resideOutsideOfPackages(COMPILE, ENGINE)
            .should().dependOnClassesThat(DROOLS)
            .because("Drools stays behind internal.compile and internal.engine");
}
