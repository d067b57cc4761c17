/**
 * siyu-rules: private-domain (私域) customer operations as rule packs that operations staff edit.
 *
 * <p>The exported packages are the API; everything under {@code io.siyu.rules.internal} is an
 * implementation detail that may change in any release, and the module system keeps callers out of it.
 * The library works the same on the class path (as an unnamed module) and on the module path; the build
 * proves both (the other modules' tests use it from the class path; {@code ModulePathIT} runs a named
 * module that {@code requires io.siyu.rules} against the built jar). See docs/modules.md.
 *
 * <p>The module is named after the root package of every package it exports, as the module system's
 * convention asks; the Maven artifact ({@code rules-core}) keeps its own name.
 */
// Drools publishes automatic modules only; javac's warning about requiring them says nothing we can act on.
@SuppressWarnings("requires-automatic")
module io.siyu.rules {
    exports io.siyu.rules.codebook;
    exports io.siyu.rules.decision;
    exports io.siyu.rules.diagnostic;
    exports io.siyu.rules.funnel;
    exports io.siyu.rules.pack;
    exports io.siyu.rules.script;
    exports io.siyu.rules.cases;
    exports io.siyu.rules.report;

    // Drools 10.2 ships automatic modules (an Automatic-Module-Name in every jar). None is a transitive
    // requirement: no exported signature names a Drools type. The compiler builds rules with the
    // KnowledgeBuilder of kie-internal and drools-kiesession (it logs nothing, unlike the KieBuilder); core and
    // mvel are required although not named in the code, so that a module path without them fails at startup
    // ("module not found") rather than deep inside the build.
    requires org.kie.api;
    requires org.drools.compiler;
    requires org.drools.core;
    requires org.drools.kiesession;
    requires org.kie.internal.api;
    requires org.drools.drl.ast;
    requires org.drools.drl.parser;
    requires org.drools.mvel;
    // A condition the classic engine fails to compile when it first runs names no rule; the decision's failure
    // finds the rule by the condition's text in the rule base (RuleImpl, Pattern): drools-core's own dependency.
    requires org.drools.base;
    // A compiled pack (the executable model's class files) becomes a rule base through the executable model's
    // runtime, which needs neither the DRL parser, MVEL nor a Java compiler.
    requires org.drools.modelcompiler;
    requires org.drools.canonicalmodel;
    // No "requires static org.drools.model.codegen" for the opt-in executable model
    // (CompileMode.EXECUTABLE_MODEL loads it by name): once one automatic module is resolved, every
    // automatic module on the module path is, so a host that adds the jar gets it. ModulePathIT shows it.

    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // ICU4J (an automatic module): remarks are cut at extended grapheme clusters, which java.text on Java 17
    // does not know (it splits emoji ZWJ sequences and flags), and read with Unicode case folding.
    requires com.ibm.icu;
    // Commons Statistics: the Wilson interval and the normal distribution behind the report (io.siyu.rules.report).
    requires org.apache.commons.statistics.distribution;
    requires org.apache.commons.statistics.interval;

    // Jackson binds funnel journeys and events (FunnelJson), including a private record for the stored
    // form of a journey: deep reflection needs the package open to it, and only to it.
    opens io.siyu.rules.funnel to com.fasterxml.jackson.databind;
}
