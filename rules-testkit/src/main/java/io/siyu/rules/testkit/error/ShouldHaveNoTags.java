package io.siyu.rules.testkit.error;

import io.siyu.rules.codebook.TagSet;

/** A customer expected untagged has tags: {@code Expected no tags but there were 3.} */
public final class ShouldHaveNoTags extends TagSetErrorMessageFactory {

    private ShouldHaveNoTags(TagSet tags) {
        super(tags, "Expected no tags but there were %s.", tags.size());
    }

    /**
     * @param tags the tags, not null and not empty
     * @return the message, ending with the tags
     */
    public static TagSetErrorMessageFactory shouldHaveNoTags(TagSet tags) {
        return new ShouldHaveNoTags(tags);
    }
}
