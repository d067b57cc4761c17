package io.siyu.rules.testkit.error;

import io.siyu.rules.codebook.TagSet;

import java.util.List;

/** Some codes are there that should not be: {@code Expected no tag D but it is there.} */
public final class ShouldNotHaveTags extends TagSetErrorMessageFactory {

    private ShouldNotHaveTags(TagSet tags, List<String> present) {
        super(tags, "Expected no %s %s but %s there.", Words.counted("tag", present), String.join(", ", present),
                Words.itIsOrTheyAre(present));
    }

    /**
     * @param tags    the tags, not null
     * @param present the codes expected absent that are there, not empty
     * @return the message, ending with the tags
     */
    public static TagSetErrorMessageFactory shouldNotHaveTags(TagSet tags, List<String> present) {
        return new ShouldNotHaveTags(tags, present);
    }
}
