package io.siyu.rules.testkit;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Veto;
import io.siyu.rules.testkit.error.DecisionErrorMessageFactory;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.siyu.rules.testkit.error.ShouldHaveEvidence.shouldHaveEvidence;
import static io.siyu.rules.testkit.error.ShouldHaveFailed.shouldHaveFailed;
import static io.siyu.rules.testkit.error.ShouldHaveFailedWith.shouldHaveFailedWith;
import static io.siyu.rules.testkit.error.ShouldHaveFired.shouldHaveFired;
import static io.siyu.rules.testkit.error.ShouldHaveNoAction.shouldHaveNoAction;
import static io.siyu.rules.testkit.error.ShouldHaveScore.shouldHaveScore;
import static io.siyu.rules.testkit.error.ShouldHaveSucceeded.shouldHaveSucceeded;
import static io.siyu.rules.testkit.error.ShouldHaveTextContaining.shouldHaveTextContaining;
import static io.siyu.rules.testkit.error.ShouldHaveUsedNoScript.shouldHaveUsedNoScript;
import static io.siyu.rules.testkit.error.ShouldHaveVariant.shouldHaveVariant;
import static io.siyu.rules.testkit.error.ShouldHaveVetoed.shouldHaveVetoed;
import static io.siyu.rules.testkit.error.ShouldHaveVetoedWithReason.shouldHaveVetoedWithReason;
import static io.siyu.rules.testkit.error.ShouldNotHaveFired.shouldNotHaveFired;
import static io.siyu.rules.testkit.error.ShouldNotHaveVetoed.shouldNotHaveVetoed;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

/**
 * Fluent assertions on a {@link Decision} that read as a sentence and, when they fail, say what was
 * expected, what happened, and why — the decision's {@link Decision#explain() explanation} (rules
 * fired, intent evidence, proposals, vetoes) follows every failure message:
 * <pre>{@code
 * assertThat(decision).hasAction("OFFER_PRODUCT").usedScript("acne.offer").hasIntent(HOT)
 *         .fired("痘痘直接推荐").didNotFire("克制：需求未明确不推产品");
 * }</pre>
 * A failure reads {@code Expected action OFFER_PRODUCT but was STOP_GENTLY.}, a blank line,
 * {@code Why:} and the explanation; the messages come from the factories in
 * {@link io.siyu.rules.testkit.error}. Failures comparing two values (the action, the script, the intent...)
 * are {@code org.opentest4j.AssertionFailedError}s carrying both, so that IDEs show a diff.
 *
 * <p>Every assertion throws an {@link AssertionError} when the decision is null or the check fails, and a
 * {@link NullPointerException} for a null argument. Like all AssertJ assertions, an instance is for one thread.
 *
 * <h2>Your own decision assertions</h2>
 * Tests use {@link DecisionAssert}, from {@link RuleAssertions#assertThat(Decision)}. To add assertions of your
 * own, extend this class with {@code SELF} set to your class, so that the assertions here return your type and
 * chain with yours; fail through AssertJ's {@code throwAssertionError} (or
 * {@code failWithActualExpectedAndMessage} for a diff), with a message that extends
 * {@link DecisionErrorMessageFactory} to end with the explanation like the others:
 * <pre>{@code
 * public final class ShopDecisionAssert extends AbstractDecisionAssert<ShopDecisionAssert> {
 *     public ShopDecisionAssert(Decision actual) {
 *         super(actual, ShopDecisionAssert.class);
 *     }
 *
 *     @CheckReturnValue
 *     public static ShopDecisionAssert assertThat(Decision actual) {
 *         return new ShopDecisionAssert(actual);
 *     }
 *
 *     public ShopDecisionAssert offersTheSerum() {        // built from the assertions here
 *         return hasAction("OFFER_PRODUCT").usedScript("acne.offer");
 *     }
 *
 *     public ShopDecisionAssert isSilent() {              // a check of its own
 *         isNotNull();
 *         if (!actual.text().isEmpty()) {
 *             throwAssertionError(new ShouldBeSilent(actual));
 *         }
 *         return myself;
 *     }
 *
 *     private static final class ShouldBeSilent extends DecisionErrorMessageFactory {
 *         ShouldBeSilent(Decision decision) {
 *             super(decision, "Expected no text but was \"%s\".", decision.text());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the type of the concrete assertion, returned by every assertion so that chains keep it
 */
public abstract class AbstractDecisionAssert<SELF extends AbstractDecisionAssert<SELF>>
        extends AbstractAssert<SELF, Decision> {

    /**
     * @param actual   the decision under assertion; may be null (every assertion then fails)
     * @param selfType the concrete class, {@code SELF}
     */
    protected AbstractDecisionAssert(Decision actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The winning action is {@code action} (e.g. {@code OFFER_PRODUCT}). */
    public SELF hasAction(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        Expectations.actionMismatch(action, actual).ifPresent(m -> failWithDiff(m, action, actual.action()));
        return myself;
    }

    /** Nothing is to be done: the action is {@link Decision#NONE} (no proposal survived). */
    public SELF hasNoAction() {
        isNotNull();
        if (!actual.action().equals(Decision.NONE)) {
            failWithDiff(shouldHaveNoAction(actual), Decision.NONE, actual.action());
        }
        return myself;
    }

    /** The winning action sends the script {@code scriptId}. */
    public SELF usedScript(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        isNotNull();
        Expectations.scriptMismatch(scriptId, actual)
                .ifPresent(m -> failWithDiff(m, scriptId, actual.scriptId().orElse(null)));
        return myself;
    }

    /** The decision sends no script (a silent action such as {@code WAIT}, or no action at all). */
    public SELF usedNoScript() {
        isNotNull();
        actual.scriptId().ifPresent(script -> failWithDiff(shouldHaveUsedNoScript(actual, script), null, script));
        return myself;
    }

    /** The intent level is {@code level}. */
    public SELF hasIntent(IntentLevel level) {
        Objects.requireNonNull(level, "level");
        isNotNull();
        Expectations.intentMismatch(level, actual).ifPresent(m -> failWithDiff(m, level, actual.intent()));
        return myself;
    }

    /** The intent score is exactly {@code score}. */
    public SELF hasScore(int score) {
        isNotNull();
        if (actual.score() != score) {
            failWithDiff(shouldHaveScore(actual, score), score, actual.score());
        }
        return myself;
    }

    /** Every one of these rules fired (in any order). */
    public SELF fired(String... rules) {
        isNotNull();
        List<String> missing = List.of(rules).stream().filter(r -> !actual.firedRules().contains(r)).toList();
        if (!missing.isEmpty()) {
            throwAssertionError(shouldHaveFired(actual, missing));
        }
        return myself;
    }

    /** None of these rules fired. */
    public SELF didNotFire(String... rules) {
        isNotNull();
        List<String> fired = List.of(rules).stream().filter(actual.firedRules()::contains).toList();
        if (!fired.isEmpty()) {
            throwAssertionError(shouldNotHaveFired(actual, fired));
        }
        return myself;
    }

    /** A proposal of {@code action} was vetoed by a policy rule. */
    public SELF vetoed(String action) {
        vetoesOf(action);
        return myself;
    }

    /** A proposal of {@code action} was vetoed, and the veto's reason contains {@code reason}. */
    public SELF vetoedWithReason(String action, String reason) {
        Objects.requireNonNull(reason, "reason");
        List<Veto> vetoes = vetoesOf(action);
        if (vetoes.stream().noneMatch(v -> v.reason().contains(reason))) {
            failWithDiff(shouldHaveVetoedWithReason(actual, action, reason, vetoes), reason, vetoes.get(0).reason());
        }
        return myself;
    }

    /** No proposal of {@code action} was vetoed. */
    public SELF wasNotVetoed(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        List<Veto> vetoes = vetoes(action);
        if (!vetoes.isEmpty()) {
            throwAssertionError(shouldNotHaveVetoed(actual, action, vetoes.get(0)));
        }
        return myself;
    }

    /** The vetoes of proposals of {@code action}; fails when there are none. */
    private List<Veto> vetoesOf(String action) {
        Objects.requireNonNull(action, "action");
        isNotNull();
        List<Veto> vetoes = vetoes(action);
        if (vetoes.isEmpty()) {
            throwAssertionError(shouldHaveVetoed(actual, action));
        }
        return vetoes;
    }

    private List<Veto> vetoes(String action) {
        return actual.vetoed().stream().filter(v -> v.proposal().getAction().equals(action)).toList();
    }

    /** The rendered script text contains {@code fragment}. */
    public SELF textContains(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        isNotNull();
        if (!actual.text().contains(fragment)) {
            failWithDiff(shouldHaveTextContaining(actual, fragment), fragment, actual.text());
        }
        return myself;
    }

    /** The customer got the A/B variant {@code variantId} of the script. */
    public SELF hasVariant(String variantId) {
        Objects.requireNonNull(variantId, "variantId");
        isNotNull();
        if (!actual.variantId().equals(Optional.of(variantId))) {
            failWithDiff(shouldHaveVariant(actual, variantId), variantId, actual.variantId().orElse(null));
        }
        return myself;
    }

    /**
     * Some intent evidence was added by the rule named {@code reasonOrRule}, or has a reason that contains
     * it: {@code hasEvidence("问了价格")}.
     */
    public SELF hasEvidence(String reasonOrRule) {
        Objects.requireNonNull(reasonOrRule, "reasonOrRule");
        isNotNull();
        boolean found = actual.evidence().stream()
                .anyMatch(e -> e.rule().equals(reasonOrRule) || e.reason().contains(reasonOrRule));
        if (!found) {
            throwAssertionError(shouldHaveEvidence(actual, reasonOrRule));
        }
        return myself;
    }

    /** The decision could not be made (a looping rule, a script that cannot be rendered). */
    public SELF failed() {
        isNotNull();
        if (!actual.isFailed()) {
            throwAssertionError(shouldHaveFailed(actual));
        }
        return myself;
    }

    /** The decision failed and its failure message contains {@code fragment}. */
    public SELF failedWith(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        failed();
        String reason = actual.failure().orElse("");
        if (!reason.contains(fragment)) {
            failWithDiff(shouldHaveFailedWith(actual, fragment), fragment, reason);
        }
        return myself;
    }

    /** The decision was made (it did not fail). */
    public SELF succeeded() {
        isNotNull();
        if (actual.isFailed()) {
            throwAssertionError(shouldHaveSucceeded(actual));
        }
        return myself;
    }

    /**
     * Fails with {@code message} as {@code throwAssertionError} would (description, overriding message), but as
     * an {@code AssertionFailedError} carrying {@code expected} and {@code actualValue} for an IDE's diff.
     */
    private void failWithDiff(ErrorMessageFactory message, Object expected, Object actualValue) {
        failWithActualExpectedAndMessage(actualValue, expected, "%s",
                message.create(emptyDescription(), info.representation()));
    }
}
