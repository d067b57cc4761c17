package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Evidence;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Veto;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fluent assertions on a {@link Decision} that read as a sentence and, when they fail, say what was
 * expected, what happened, and why — the decision's {@link Decision#explain() explanation} (rules
 * fired, intent evidence, proposals, vetoes) follows every failure message:
 * <pre>{@code
 * assertThat(decision).hasAction("OFFER_PRODUCT").usedScript("acne.offer").hasIntent(HOT)
 *         .fired("痘痘直接推荐").didNotFire("克制：需求未明确不推产品");
 * }</pre>
 * A failure reads {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.}, a blank line,
 * {@code Why:} and the explanation. Obtain one with {@link RuleAssertions#assertThat(Decision)}.
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

    DecisionAssert(Decision actual) {
        super(actual, DecisionAssert.class);
    }

    /** The winning action is {@code action} (e.g. {@code OFFER_PRODUCT}). */
    public DecisionAssert hasAction(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        Expectations.action(action, actual).ifPresent(mismatch -> {
            throw failure(mismatch, action, actual.action());
        });
        return this;
    }

    /** Nothing is to be done: the action is {@link Decision#NONE} (no proposal survived). */
    public DecisionAssert hasNoAction() {
        isNotNull();
        if (!actual.action().equals(Decision.NONE)) {
            throw failure("Expected no action (" + Decision.NONE + ") but was " + actual.action() + ".",
                    Decision.NONE, actual.action());
        }
        return this;
    }

    /** The winning action sends the script {@code scriptId}. */
    public DecisionAssert usedScript(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        isNotNull();
        Expectations.script(scriptId, actual).ifPresent(mismatch -> {
            throw failure(mismatch, scriptId, actual.scriptId().orElse(null));
        });
        return this;
    }

    /** The decision sends no script (a silent action such as {@code WAIT}, or no action at all). */
    public DecisionAssert usedNoScript() {
        isNotNull();
        actual.scriptId().ifPresent(script -> {
            throw failure("Expected no script but was " + script + ".", null, script);
        });
        return this;
    }

    /** The intent level is {@code level}. */
    public DecisionAssert hasIntent(IntentLevel level) {
        Objects.requireNonNull(level, "level");
        isNotNull();
        Expectations.intent(level, actual).ifPresent(mismatch -> {
            throw failure(mismatch, level, actual.intent());
        });
        return this;
    }

    /** The intent score is exactly {@code score}. */
    public DecisionAssert hasScore(int score) {
        isNotNull();
        if (actual.score() != score) {
            throw failure("Expected intent score " + score + " but was " + actual.score() + ".", score,
                    actual.score());
        }
        return this;
    }

    /** Every one of these rules fired (in any order). */
    public DecisionAssert fired(String... rules) {
        isNotNull();
        List<String> missing = List.of(rules).stream().filter(r -> !actual.firedRules().contains(r)).toList();
        if (!missing.isEmpty()) {
            throw failure("Expected rule" + plural(missing) + " " + quoted(missing) + " to fire, but "
                    + (missing.size() == 1 ? "it" : "they") + " did not. Fired: " + firedList() + ".", null, null);
        }
        return this;
    }

    /** None of these rules fired. */
    public DecisionAssert didNotFire(String... rules) {
        isNotNull();
        List<String> fired = List.of(rules).stream().filter(actual.firedRules()::contains).toList();
        if (!fired.isEmpty()) {
            throw failure("Expected rule" + plural(fired) + " " + quoted(fired) + " not to fire, but "
                    + (fired.size() == 1 ? "it" : "they") + " did.", null, null);
        }
        return this;
    }

    /** A proposal of {@code action} was vetoed by a policy rule. */
    public DecisionAssert vetoed(String action) {
        vetoesOf(action);
        return this;
    }

    /** A proposal of {@code action} was vetoed, and the veto's reason contains {@code reason}. */
    public DecisionAssert vetoedWithReason(String action, String reason) {
        Objects.requireNonNull(reason, "reason");
        List<Veto> vetoes = vetoesOf(action);
        if (vetoes.stream().noneMatch(v -> v.reason().contains(reason))) {
            throw failure("Expected " + action + " to be vetoed because \"" + reason + "\" but it was vetoed because "
                    + vetoes.stream().map(v -> "\"" + v.reason() + "\" [" + v.rule() + "]")
                    .collect(Collectors.joining(", ")) + ".", reason, vetoes.get(0).reason());
        }
        return this;
    }

    /** No proposal of {@code action} was vetoed. */
    public DecisionAssert wasNotVetoed(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        List<Veto> vetoes = actual.vetoed().stream().filter(v -> v.proposal().getAction().equals(action)).toList();
        if (!vetoes.isEmpty()) {
            throw failure("Expected " + action + " not to be vetoed, but " + vetoes.get(0).rule() + " vetoed it: "
                    + vetoes.get(0).reason() + ".", null, null);
        }
        return this;
    }

    private List<Veto> vetoesOf(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        List<Veto> vetoes = actual.vetoed().stream().filter(v -> v.proposal().getAction().equals(action)).toList();
        if (vetoes.isEmpty()) {
            String vetoed = actual.vetoed().isEmpty() ? "nothing was vetoed"
                    : "only " + actual.vetoed().stream().map(v -> v.proposal().getAction()).distinct()
                    .collect(Collectors.joining(", ")) + " " + (actual.vetoed().size() == 1 ? "was" : "were");
            throw failure("Expected " + action + " to be vetoed, but " + vetoed + ".", null, null);
        }
        return vetoes;
    }

    /** The rendered script text contains {@code fragment}. */
    public DecisionAssert textContains(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        isNotNull();
        if (!actual.text().contains(fragment)) {
            throw failure("Expected the text to contain \"" + fragment + "\" but it was "
                    + (actual.text().isEmpty() ? "empty" : "\"" + actual.text() + "\"") + ".", fragment,
                    actual.text());
        }
        return this;
    }

    /** The customer got the A/B variant {@code variantId} of the script. */
    public DecisionAssert hasVariant(String variantId) {
        Objects.requireNonNull(variantId, "variantId");
        isNotNull();
        if (!actual.variantId().equals(Optional.of(variantId))) {
            throw failure("Expected variant " + variantId + " but was " + actual.variantId().orElse("(no variant)")
                    + ".", variantId, actual.variantId().orElse(null));
        }
        return this;
    }

    /**
     * Some intent evidence was added by the rule named {@code reasonOrRule}, or has a reason that contains
     * it: {@code hasEvidence("问了价格")}.
     */
    public DecisionAssert hasEvidence(String reasonOrRule) {
        Objects.requireNonNull(reasonOrRule, "reasonOrRule");
        isNotNull();
        boolean found = actual.evidence().stream()
                .anyMatch(e -> e.rule().equals(reasonOrRule) || e.reason().contains(reasonOrRule));
        if (!found) {
            String present = actual.evidence().isEmpty() ? "there was none"
                    : "there was only " + actual.evidence().stream().map(DecisionAssert::show)
                    .collect(Collectors.joining(", "));
            throw failure("Expected intent evidence \"" + reasonOrRule + "\" but " + present + ".", null, null);
        }
        return this;
    }

    /** The decision could not be made (a looping rule, a script that cannot be rendered). */
    public DecisionAssert failed() {
        isNotNull();
        if (!actual.isFailed()) {
            throw failure("Expected the decision to fail but it succeeded with action " + actual.action() + ".",
                    null, null);
        }
        return this;
    }

    /** The decision failed and its failure message contains {@code fragment}. */
    public DecisionAssert failedWith(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        failed();
        String reason = actual.failure().orElse("");
        if (!reason.contains(fragment)) {
            throw failure("Expected the failure to mention \"" + fragment + "\" but it was: " + reason, fragment,
                    reason);
        }
        return this;
    }

    /** The decision was made (it did not fail). */
    public DecisionAssert succeeded() {
        isNotNull();
        if (actual.isFailed()) {
            throw failure("Expected the decision to succeed but it failed: " + actual.failure().orElse("") + ".",
                    null, null);
        }
        return this;
    }

    private static String show(Evidence e) {
        return (e.points() >= 0 ? "+" : "") + e.points() + " " + e.reason() + " [" + e.rule() + "]";
    }

    private String firedList() {
        return actual.firedRules().isEmpty() ? "(none)" : String.join(" → ", actual.firedRules());
    }

    private static String plural(List<String> names) {
        return names.size() == 1 ? "" : "s";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    private AssertionError failure(String summary, Object expected, Object actualValue) {
        return Explained.failure(info, Explained.message(summary, actual), expected, actualValue);
    }
}
