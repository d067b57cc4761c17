package io.siyu.rules.testkit.error;

import io.siyu.rules.codebook.TagSet;

import java.util.List;

/** Some codes are missing: {@code Expected tag E but it is missing.} / {@code Expected tags E, 4 but they are missing.} */
public final class ShouldHaveTags extends TagSetErrorMessageFactory {

    private ShouldHaveTags(TagSet tags, List<String> missing) {
        super(tags, "Expected %s %s but %s missing.", Words.counted("tag", missing), String.join(", ", missing),
                Words.itIsOrTheyAre(missing));
    }

    /**
     * @param tags    the tags, not null
     * @param missing the codes expected that are not there, not empty
     * @return the message, ending with the tags
     */
    public static TagSetErrorMessageFactory shouldHaveTags(TagSet tags, List<String> missing) {
        return new ShouldHaveTags(tags, missing);
    }
}
