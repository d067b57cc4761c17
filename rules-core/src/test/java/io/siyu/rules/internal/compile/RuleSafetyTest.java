package io.siyu.rules.internal.compile;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import io.siyu.rules.internal.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSafetyTest {
    private static final Messages MESSAGES = Messages.of(DrlCompiler.MESSAGES, Locale.ENGLISH);

    private static List<Diagnostic> check(String drl, Class<?>... allowed) {
        RuleSource source = new RuleSource("rules/r.drl", drl);
        return new RuleSafety(MESSAGES, new FactVocabulary(List.of(allowed))).check(DrlFile.read(source, MESSAGES));
    }

    /** A rule whose then part is {@code then}. */
    private static String rule(String when, String then) {
        return "rule \"r\"\n    ruleflow-group \"intent\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static List<String> keysAndPositions(String drl, Class<?>... allowed) {
        return check(drl, allowed).stream().map(d -> d.line() + ":" + d.column() + " " + d.key()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "intent.add(Math.max(1, $c.getSilentHours() / 24), \"silent \" + String.valueOf($c.getSilentHours()));",
            "java.util.List<String> l = new java.util.ArrayList<>(); l.add(\"x\"); intent.add(l.size(), \"n\");",
            "int days = (int) java.time.Duration.ofHours($c.getSilentHours()).toDays(); intent.add(days, \"d\");",
            "if ($c.text(\"city\").equals(\"上海\")) { actions.propose(\"SEND_WELFARE\", 5, \"local\"); }",
            "update($c); // java.io.File and Runtime.getRuntime() in a comment are fine",
            "intent.add(1, \"Runtime.getRuntime().exec() and java.io.File in quotes are only text\");",
            "/* System.exit(0) */ intent.add(Objects.hash($c.getId()) % 2, \"coin\");",
            "Customer c2 = $c; intent.add(c2.getTouchesToday(), \"touches\");",
            "throw new IllegalStateException(\"a rule may refuse bad data\");"})
    void allowedConsequences(String then) {
        assertThat(check(rule("$c : Customer( has(\"D\"), silentHours > 2 )", then))).isEmpty();
    }

    @Test
    void allowedHeaderLines() {
        assertThat(check("package gaozi.rules;\nimport java.util.List;\nimport java.time.LocalDate;\n"
                + "import static java.lang.Math.max;\n" + rule("Customer( )", "intent.add(max(1, 2), \"x\");")))
                .isEmpty();
    }

    @Test
    void fullyQualifiedNamesAreCaughtThroughSpacesCommentsAndLineBreaks() {
        assertThat(keysAndPositions(rule("Customer( )", "java . lang . Runtime\n        /* x */ .getRuntime();")))
                .containsExactly("6:5 drl.forbidden-class");
        assertThat(check(rule("Customer( )", "java.lang.Runtime.getRuntime();")).get(0).message())
                .startsWith("Rules may not use java.lang.Runtime.");
        assertThat(keysAndPositions(rule("Customer( )", "Object o = new java.net.Socket(\"h\", 80);")))
                .containsExactly("6:20 drl.forbidden-class");
        assertThat(keysAndPositions(rule("Customer( this != java.nio.file.Paths.get(\"/\") )", "update($c);")))
                .containsExactly("4:23 drl.forbidden-class");
        assertThat(keysAndPositions(rule("Customer( )", "javax.naming.InitialContext c = null;")))
                .containsExactly("6:5 drl.forbidden-class");
        assertThat(keysAndPositions(rule("Customer( )", "org.kie.api.KieServices.Factory.get();")))
                .containsExactly("6:5 drl.forbidden-class");
    }

    @Test
    void javaLangClassesOutsideTheAllowlistAreCaughtBySimpleName() {
        for (String then : List.of("System.exit(0);", "Thread.sleep(1000);", "new ProcessBuilder(\"sh\").start();",
                "ClassLoader.getSystemClassLoader();", "Class c = String.class;")) {
            assertThat(check(rule("Customer( )", then))).as(then).isNotEmpty()
                    .allMatch(d -> d.key().startsWith("drl.forbidden-"));
        }
        assertThat(check(rule("Customer( )", "System.getenv(\"HOME\");"))).extracting(Diagnostic::message)
                .containsExactly("Rules may not use java.lang.System. A rule can use the customer facts, intent, "
                        + "actions, policy and simple values (text, numbers, dates, lists, maps). Ask a developer if "
                        + "a rule needs more.");
    }

    @Test
    void reflectionTheEngineAndThreadControlAreCaughtAsWords() {
        assertThat(keysAndPositions(rule("$c : Customer( )", "$c.getClass().getClassLoader();")))
                .containsExactly("6:8 drl.forbidden-word", "6:19 drl.forbidden-word");
        assertThat(keysAndPositions(rule("Customer( )", "drools.getKieRuntime().halt();")))
                .containsExactly("6:5 drl.forbidden-word", "6:12 drl.forbidden-word", "6:28 drl.forbidden-word");
        assertThat(keysAndPositions(rule("Customer( )", "kcontext.getKieRuntime();")))
                .containsExactly("6:5 drl.forbidden-word", "6:14 drl.forbidden-word");
        assertThat(keysAndPositions(rule("$c : Customer( )", "synchronized ($c) { $c.wait(); }")))
                .containsExactly("6:5 drl.forbidden-word", "6:28 drl.forbidden-word");
        assertThat(keysAndPositions(rule("Customer( )", "while (true) { }")))
                .containsExactly("6:5 drl.forbidden-loop");
        assertThat(check(rule("Customer( )", "drools.halt();")).get(0).message()).isEqualTo(
                "\"drools\" is not allowed in a rule: it reaches outside the rules (into the program, its files or "
                        + "the rule engine).");
    }

    @Test
    void constructsOutsideRulesAreRejected() {
        assertThat(keysAndPositions("function void run() { }\n" + rule("Customer( )", "update($c);")))
                .containsExactly("1:1 drl.forbidden-construct");
        assertThat(keysAndPositions("declare Evil\n  x : int\nend\n" + rule("Customer( )", "update($c);")))
                .contains("1:1 drl.forbidden-construct");
        assertThat(keysAndPositions("global java.io.File f;\n" + rule("Customer( )", "update($c);")))
                .containsExactly("1:1 drl.forbidden-construct", "1:8 drl.forbidden-class");
        assertThat(keysAndPositions("import function java.lang.System.exit;\n" + rule("Customer( )", "update($c);")))
                .containsExactly("1:8 drl.forbidden-construct");
        assertThat(keysAndPositions("import java.util.*;\nimport java.lang.reflect.Method;\n"
                + rule("Customer( )", "update($c);")))
                .containsExactly("1:8 drl.forbidden-import", "2:8 drl.forbidden-import");
        assertThat(keysAndPositions("package java.io;\n" + rule("Customer( )", "update($c);")))
                .containsExactly("1:9 drl.forbidden-package");
    }

    @Test
    void mvelDialectAndUnicodeEscapesAreRejected() {
        String mvel = "rule \"r\"\n    dialect \"mvel\"\n    ruleflow-group \"intent\"\nwhen\n    Customer( )\nthen\n"
                + "    intent.add(1, \"x\");\nend\n";
        assertThat(keysAndPositions(mvel)).containsExactly("2:13 drl.forbidden-dialect");
        // \u0022 is a quote to the Java compiler, which reads escapes before strings and comments.
        assertThat(keysAndPositions(rule("Customer( )", "String s = \"\\u0022; java.lang.System.exit(1); //\";")))
                .containsExactly("6:17 drl.unicode-escape");
    }

    @Test
    void theHostExtendsTheAllowlistInCode() {
        String drl = "import java.math.BigDecimal;\n" + rule("Customer( )",
                "intent.add(BigDecimal.ONE.add(java.math.BigDecimal.TEN).intValue(), \"x\");");
        assertThat(keysAndPositions(drl)).containsExactly("1:8 drl.forbidden-import", "7:35 drl.forbidden-class");
        assertThat(check(drl, BigDecimal.class)).isEmpty();
    }

    @Test
    void aPackWithTheAllowedClassLoadsAndUsesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("rules"));
        java.nio.file.Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        java.nio.file.Files.writeString(dir.resolve("rules/r.drl"), "import java.math.BigDecimal;\n"
                + "rule \"r\"\n    ruleflow-group \"propose\"\nwhen\n    Customer( )\nthen\n"
                + "    actions.propose(\"SEND_WELFARE\", BigDecimal.TEN.intValue(), \"x\");\nend\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(dir, PackOptions.builder().locale(Locale.ENGLISH).build())).diagnostics())
                .extracting(Diagnostic::key).containsExactly("drl.forbidden-import");
        RulePack pack = RulePack.load(dir, PackOptions.builder().allowClass(BigDecimal.class).build());
        assertThat(pack.decide(io.siyu.rules.decision.Customer.builder("c").build()).action())
                .isEqualTo("SEND_WELFARE");
    }
}
