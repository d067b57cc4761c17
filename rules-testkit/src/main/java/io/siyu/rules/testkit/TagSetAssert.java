package io.siyu.rules.testkit;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fluent assertions on a {@link TagSet} (a customer's codebook tags):
 * <pre>{@code
 * assertThat(codebook.readRemark("王女士 3DU1")).hasCodes("3DU1").has("D").doesNotHave("E");
 * }</pre>
 * Failure messages show the actual codes and every tag as {@code question=option (code)}. Obtain one
 * with {@link RuleAssertions#assertThat(TagSet)}.
 */
public final class TagSetAssert extends AbstractAssert<TagSetAssert, TagSet> {

    TagSetAssert(TagSet actual) {
        super(actual, TagSetAssert.class);
    }

    /** The canonical code string is exactly {@code codes} (e.g. {@code 3DU1}). */
    public TagSetAssert hasCodes(String codes) {
        Objects.requireNonNull(codes, "codes");
        isNotNull();
        if (!actual.codes().equals(codes)) {
            throw failure("Expected codes " + show(codes) + " but were " + show(actual.codes()) + ".", codes,
                    actual.codes());
        }
        return this;
    }

    /** Every one of these codes is present. */
    public TagSetAssert has(String... codes) {
        isNotNull();
        List<String> missing = List.of(codes).stream().filter(c -> !actual.has(c)).toList();
        if (!missing.isEmpty()) {
            throw failure("Expected tag" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " but " + (missing.size() == 1 ? "it is" : "they are") + " missing.", null, null);
        }
        return this;
    }

    /** None of these codes is present. */
    public TagSetAssert doesNotHave(String... codes) {
        isNotNull();
        List<String> present = List.of(codes).stream().filter(actual::has).toList();
        if (!present.isEmpty()) {
            throw failure("Expected no tag" + (present.size() == 1 ? " " : "s ") + String.join(", ", present)
                    + " but " + (present.size() == 1 ? "it is" : "they are") + " there.", null, null);
        }
        return this;
    }

    /** There are no tags at all (an untagged customer). */
    public TagSetAssert hasNoTags() {
        isNotNull();
        if (!actual.isEmpty()) {
            throw failure("Expected no tags but there were " + actual.size() + ".", "", actual.codes());
        }
        return this;
    }

    private static String show(String codes) {
        return codes.isEmpty() ? "(none)" : codes;
    }

    private AssertionError failure(String summary, Object expected, Object actualValue) {
        String tags = actual.tags().stream().map(TagSetAssert::show).collect(Collectors.joining(", "));
        String message = summary + "\nTags: " + (tags.isEmpty() ? "(none)" : tags);
        return Explained.failure(info, message, expected, actualValue);
    }

    private static String show(Tag tag) {
        return tag.questionId() + "=" + tag.optionId() + " (" + tag.code() + ")";
    }
}
