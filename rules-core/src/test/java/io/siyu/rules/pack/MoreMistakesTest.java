package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Further mistakes in one rule file, written to a temporary pack. */
class MoreMistakesTest {
    @TempDir
    Path dir;

    private List<String> load(String drl) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"t\", \"version\": \"1\"}");
        Files.writeString(dir.resolve("rules/r.drl"), drl, StandardCharsets.UTF_8);
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(dir, PackOptions.builder().locale(Locale.ENGLISH).build()));
        assertThat(e).isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static String rule(String when, String then) {
        return "rule \"r\"\n    ruleflow-group \"intent\"\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void unknownTestInACondition() throws IOException {
        assertThat(load(rule("Customer( hass(\"D\") )", "intent.add(1, \"x\");"))).singleElement().asString()
                .startsWith("rules/r.drl:4:15: Customer has no field or test \"hass\". Did you mean \"has\"?");
    }

    @Test
    void unknownFieldOfABoundFactInTheThenPart() throws IOException {
        assertThat(load(rule("$c : Customer( )", "intent.add($c.silntHours, \"x\");"))).singleElement().asString()
                .startsWith("rules/r.drl:6:19: Customer has no field or test \"silntHours\". "
                        + "Did you mean \"silentHours\"?");
    }

    @Test
    void wrongValuesForAHelper() throws IOException {
        assertThat(load(rule("Customer( )", "intent.add(\"ten\");"))).containsExactly(
                "rules/r.drl:6:12: \"add\" of Intent takes (int, String), but here it is given (String). "
                        + "Check the values between the brackets.");
    }

    @Test
    void unknownNameListsTheBindingsOfTheRule() throws IOException {
        assertThat(load(rule("$cust : Customer( )", "intent.add($cus.getSilentHours(), \"x\");"))).containsExactly(
                "rules/r.drl:6:16: \"$cus\" is not known here. Did you mean \"$cust\"? "
                        + "In the \"then\" part you can use: intent, actions, policy, $cust.");
    }

    @Test
    void lastRuleWithoutEnd() throws IOException {
        assertThat(load("rule \"r\"\n    ruleflow-group \"intent\"\nwhen\n    Customer( )\nthen\n"
                + "    intent.add(1, \"x\");\n")).containsExactly(
                "rules/r.drl:1:1: Rule \"r\" has no \"end\". Add a line with the word end at the end of the file.");
    }

    @Test
    void unclosedStringInAThenPart() throws IOException {
        assertThat(load(rule("Customer( )", "intent.add(1, \"x);"))).containsExactly(
                "rules/r.drl:6:19: This text in quotes is not closed: add the closing \" on the same line.");
    }

    @Test
    void aSafetyProblemAndACompileProblemInDifferentFilesAreBothReported() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/a.drl"), rule("Customer( )", "System.exit(0);").replace("\"r\"", "\"a\""));
        assertThat(load(rule("Custmer( )", "intent.add(1, \"x\");"))).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("rules/a.drl:6:5:", "rules/r.drl:4:5:");
    }
}
