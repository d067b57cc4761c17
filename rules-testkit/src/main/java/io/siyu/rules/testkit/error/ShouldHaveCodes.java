package io.siyu.rules.testkit.error;

import io.siyu.rules.codebook.TagSet;

/** The code string is not the expected one: {@code Expected codes 34DU1 but were 3DU1.}, {@code (none)} for none. */
public final class ShouldHaveCodes extends TagSetErrorMessageFactory {

    private ShouldHaveCodes(TagSet tags, String expected) {
        super(tags, "Expected codes %s but were %s.", codes(expected), codes(tags.codes()));
    }

    /**
     * @param tags     the tags, not null
     * @param expected the canonical code string expected, e.g. {@code 3DU1}
     * @return the message, ending with the tags
     */
    public static TagSetErrorMessageFactory shouldHaveCodes(TagSet tags, String expected) {
        return new ShouldHaveCodes(tags, expected);
    }
}
