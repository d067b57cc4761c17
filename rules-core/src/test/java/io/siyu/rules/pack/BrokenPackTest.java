package io.siyu.rules.pack;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.diagnostic.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each pack under {@code packs/broken-*} is the mini pack with one mistake an operations person makes;
 * every diagnostic is asserted exactly: file, line, column, key and the sentence the person reads.
 */
class BrokenPackTest {
    private static final String CUSTOMER_MEMBERS = "answered, asked, attribute, attributes, clickedLink, funnelDay, "
            + "has, hasAll, hasAny, hasAttribute, id, inFunnel, lastMessage, messages, number, purchasedBefore, "
            + "replied, signals, silentHours, stage, tags, text, touchesToday";
    private static final String NOT_ALLOWED = ". A rule can use the customer facts, intent, actions, policy and "
            + "simple values (text, numbers, dates, lists, maps). Ask a developer if a rule needs more.";

    static List<Diagnostic> problems(String pack, Locale locale) {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> RulePack.load(
                Path.of("src/test/resources/packs", pack), PackOptions.builder().locale(locale).build()));
        assertThat(e).as("loading %s must fail", pack).isNotNull();
        return e.diagnostics();
    }

    static List<String> formatted(String pack) {
        return problems(pack, Locale.ENGLISH).stream().map(Diagnostic::format).toList();
    }

    @Test
    void syntaxErrorIsPlacedAtTheCharacterNotColumnZero() {
        assertThat(formatted("broken-syntax")).containsExactly(
                "rules/intent.drl:12:29: \")\" is not expected here. Check the brackets, quotes and commas just before it.");
        assertThat(problems("broken-syntax", Locale.ENGLISH).get(0).key()).isEqualTo("drl.syntax");
    }

    @Test
    void unknownFieldNamesTheFieldTheFieldsThatExistAndTheClosest() {
        assertThat(formatted("broken-unknown-field")).containsExactly(
                "rules/intent.drl:12:25: Customer has no field or test \"silntHours\". Did you mean \"silentHours\"? "
                        + "Customer has: " + CUSTOMER_MEMBERS + ".");
    }

    @Test
    void unknownFactTypeListsTheFactTypes() {
        assertThat(formatted("broken-unknown-type")).containsExactly(
                "rules/propose.drl:5:5: \"Custmer\" is not a kind of fact. Did you mean \"Customer\"? "
                        + "Rules can use: Customer, Intent, Proposal, Now, ContactPolicy, GroupDay.");
    }

    @Test
    void misspeltGlobalAndHelperInThenPartArePlacedOnTheirOwnLineNotTheRuleLine() {
        assertThat(formatted("broken-global")).containsExactly(
                "rules/intent.drl:14:12: Intent has no field or test \"ad\". Did you mean \"add\"? "
                        + "Intent has: add, cold, evidence, hot, level, score, warm.",
                "rules/propose.drl:15:5: \"actoins\" is not known here. Did you mean \"actions\"? "
                        + "In the \"then\" part you can use: intent, actions, policy.");
    }

    @Test
    void missingEndNamesTheRuleAndWhereToAddIt() {
        assertThat(formatted("broken-missing-end")).containsExactly(
                "rules/intent.drl:1:1: Rule \"asked the price\" has no \"end\". "
                        + "Add a line with the word end before line 8, where the next rule starts.");
    }

    @Test
    void unclosedStringIsReportedAtItsQuoteAndHidesTheParserConfusionAfterIt() {
        assertThat(formatted("broken-unclosed-string")).containsExactly(
                "rules/intent.drl:12:19: This text in quotes is not closed: add the closing \" on the same line.");
    }

    @Test
    void ruleWithoutPhaseAndUnknownPhase() {
        assertThat(formatted("broken-no-phase")).containsExactly(
                "rules/policy.drl:1:1: Rule \"restraint\" has no phase. Add ruleflow-group \"intent\", \"propose\", "
                        + "\"content\" or \"policy\" on the line after its name.",
                "rules/policy.drl:10:20: There is no phase \"polcy\". Use one of: intent, propose, content, policy. "
                        + "Did you mean \"policy\"?");
    }

    @Test
    void forbiddenImport() {
        assertThat(formatted("broken-forbidden-import")).containsExactly(
                "rules/intent.drl:2:8: java.io.File cannot be imported. Rules may only use the library's facts and "
                        + "simple values (text, numbers, dates, lists, maps); those need no import.");
    }

    @Test
    void runtimeInAConsequence() {
        assertThat(formatted("broken-runtime")).containsExactly(
                "rules/policy.drl:16:5: Rules may not use java.lang.Runtime" + NOT_ALLOWED,
                "rules/policy.drl:16:26: \"exec\" is not allowed in a rule: it reaches outside the rules "
                        + "(into the program, its files or the rule engine).");
    }

    @Test
    void fullyQualifiedClassesInAConsequenceEvenWithSpacesAndComments() {
        assertThat(formatted("broken-fqn-file")).containsExactly(
                "rules/propose.drl:16:9: Rules may not use java.io.File" + NOT_ALLOWED,
                "rules/propose.drl:17:5: Rules may not use java.lang.System" + NOT_ALLOWED);
    }

    @Test
    void malformedManifest() {
        List<Diagnostic> problems = problems("broken-manifest", Locale.ENGLISH);
        assertThat(problems).hasSize(1);
        Diagnostic d = problems.get(0);
        // The file ends with the document open, but the bracket left open is the one of "intent" on line 4.
        assertThat(List.of(d.file(), d.line(), d.column(), d.key())).containsExactly("pack.json", 4, 13,
                "json.malformed");
        assertThat(d.message()).isEqualTo("This is not valid JSON here: the { opened here is never closed: "
                + "add } where it ends.");
    }

    @Test
    void problemsInTwoFilesComeTogetherInReadingOrder() {
        assertThat(formatted("broken-two-files")).containsExactly(
                "rules/intent.drl:4:36: \")\" is not expected here. Check the brackets, quotes and commas just before it.",
                "rules/propose.drl:5:30: Customer has no field or test \"silentHour\". Did you mean \"silentHours\"? "
                        + "Customer has: " + CUSTOMER_MEMBERS + ".",
                "rules/propose.drl:15:5: \"actoins\" is not known here. Did you mean \"actions\"? "
                        + "In the \"then\" part you can use: intent, actions, policy.");
        assertThat(problems("broken-two-files", Locale.ENGLISH)).extracting(Diagnostic::severity)
                .containsOnly(Severity.ERROR);
    }

    @Test
    void messagesInSimplifiedChinese() {
        assertThat(problems("broken-two-files", Locale.SIMPLIFIED_CHINESE)).extracting(Diagnostic::format)
                .containsExactly(
                        "rules/intent.drl:4:36: 这里不应出现 \")\"。请检查它前面的括号、引号和逗号。",
                        "rules/propose.drl:5:30: Customer 没有字段或判断 \"silentHour\"。是不是想写 \"silentHours\"？"
                                + "Customer 有：" + CUSTOMER_MEMBERS + "。",
                        "rules/propose.drl:15:5: 这里不认识 \"actoins\"。是不是想写 \"actions\"？"
                                + "在 \"then\" 部分可以使用：intent, actions, policy。");
        assertThat(problems("broken-unknown-type", Locale.SIMPLIFIED_CHINESE)).extracting(Diagnostic::message)
                .containsExactly("\"Custmer\" 不是一种事实类型。是不是想写 \"Customer\"？"
                        + "规则可以使用：Customer, Intent, Proposal, Now, ContactPolicy, GroupDay。");
    }

    @Test
    void rawDroolsTextStaysOutOfTheMessages() {
        for (String pack : List.of("broken-syntax", "broken-unknown-field", "broken-unknown-type", "broken-global",
                "broken-missing-end", "broken-unclosed-string", "broken-two-files")) {
            assertThat(problems(pack, Locale.ENGLISH)).extracting(Diagnostic::message)
                    .noneMatch(m -> m.contains("[ERR") || m.contains("null Package") || m.contains("strict-mode")
                            || m.contains("Rule Compilation error") || m.contains("mismatched"));
        }
    }
}
