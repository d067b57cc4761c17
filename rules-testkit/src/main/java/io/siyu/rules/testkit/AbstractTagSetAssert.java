package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.testkit.error.TagSetErrorMessageFactory;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

import java.util.List;
import java.util.Objects;

import static io.siyu.rules.testkit.error.ShouldHaveCodes.shouldHaveCodes;
import static io.siyu.rules.testkit.error.ShouldHaveNoTags.shouldHaveNoTags;
import static io.siyu.rules.testkit.error.ShouldHaveTags.shouldHaveTags;
import static io.siyu.rules.testkit.error.ShouldNotHaveTags.shouldNotHaveTags;
import static org.assertj.core.description.EmptyTextDescription.emptyDescription;

/**
 * Fluent assertions on a {@link TagSet} (a customer's codebook tags):
 * <pre>{@code
 * assertThat(codebook.readRemark("王女士 3DU1")).hasCodes("3DU1").has("D").doesNotHave("E");
 * }</pre>
 * Failure messages show the actual codes and every tag as {@code question=option (code)}:
 * {@code Expected tag E but it is missing.}, then {@code Tags: problems=acne (3), concern=acne (D)}.
 *
 * <p>Every assertion throws an {@link AssertionError} when the tags are null or the check fails, and a
 * {@link NullPointerException} for a null argument. Like all AssertJ assertions, an instance is for one thread.
 *
 * <h2>Your own tag assertions</h2>
 * Tests use {@link TagSetAssert}, from {@link RuleAssertions#assertThat(TagSet)}. To add assertions of your
 * own, extend this class with {@code SELF} set to your class and, for messages that end with the tags like the
 * others, extend {@link TagSetErrorMessageFactory}:
 * <pre>{@code
 * public final class SurveyTagsAssert extends AbstractTagSetAssert<SurveyTagsAssert> {
 *     public SurveyTagsAssert(TagSet actual) {
 *         super(actual, SurveyTagsAssert.class);
 *     }
 *
 *     public SurveyTagsAssert isAcneCohort() {
 *         return has("3", "D");
 *     }
 *
 *     public SurveyTagsAssert answered(String questionId) {
 *         isNotNull();
 *         if (actual.option(questionId).isEmpty()) {
 *             throwAssertionError(new ShouldHaveAnswered(actual, questionId));
 *         }
 *         return myself;
 *     }
 *
 *     private static final class ShouldHaveAnswered extends TagSetErrorMessageFactory {
 *         ShouldHaveAnswered(TagSet tags, String questionId) {
 *             super(tags, "Expected an answer to %s but there is none.", questionId);
 *         }
 *     }
 * }
 * }</pre>
 *
 * @param <SELF> the type of the concrete assertion, returned by every assertion so that chains keep it
 */
public abstract class AbstractTagSetAssert<SELF extends AbstractTagSetAssert<SELF>> extends AbstractAssert<SELF, TagSet> {

    /**
     * @param actual   the tags under assertion; may be null (every assertion then fails)
     * @param selfType the concrete class, {@code SELF}
     */
    protected AbstractTagSetAssert(TagSet actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The canonical code string is exactly {@code codes} (e.g. {@code 3DU1}). */
    public SELF hasCodes(String codes) {
        Objects.requireNonNull(codes, "codes");
        isNotNull();
        if (!actual.codes().equals(codes)) {
            failWithDiff(shouldHaveCodes(actual, codes), codes, actual.codes());
        }
        return myself;
    }

    /** Every one of these codes is present. */
    public SELF has(String... codes) {
        isNotNull();
        List<String> missing = List.of(codes).stream().filter(c -> !actual.has(c)).toList();
        if (!missing.isEmpty()) {
            throwAssertionError(shouldHaveTags(actual, missing));
        }
        return myself;
    }

    /** None of these codes is present. */
    public SELF doesNotHave(String... codes) {
        isNotNull();
        List<String> present = List.of(codes).stream().filter(actual::has).toList();
        if (!present.isEmpty()) {
            throwAssertionError(shouldNotHaveTags(actual, present));
        }
        return myself;
    }

    /** There are no tags at all (an untagged customer). */
    public SELF hasNoTags() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithDiff(shouldHaveNoTags(actual), "", actual.codes());
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
