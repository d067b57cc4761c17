package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;

/**
 * The assertions on a {@link TagSet} that {@link RuleAssertions#assertThat(TagSet)} gives; they are all in
 * {@link AbstractTagSetAssert}, which is also the class to extend for assertions of your own.
 */
public final class TagSetAssert extends AbstractTagSetAssert<TagSetAssert> {

    TagSetAssert(TagSet actual) {
        super(actual, TagSetAssert.class);
    }
}
