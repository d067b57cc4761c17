package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tag set assertions: passing and failing, with the tags listed in the message. */
@RulePackTest("src/test/resources/packs/skincare")
class TagSetAssertTest {
    RulePack pack;

    private static final String TAGS_3DU1 = "\nTags: problems=acne (3), concern=acne (D), urgency=now (U1)";

    @Test
    void hasCodes() {
        TagSet tags = pack.codebook().readRemark("王女士 3DU1");
        assertThat(tags).hasCodes("3DU1");
        assertThatThrownBy(() -> assertThat(tags).hasCodes("34DU1"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected codes 34DU1 but were 3DU1." + TAGS_3DU1);
    }

    @Test
    void has() {
        TagSet tags = pack.codebook().decode("3DU1");
        assertThat(tags).has("D").has("3", "U1");
        assertThatThrownBy(() -> assertThat(tags).has("D", "E"))
                .hasMessage("Expected tag E but it is missing." + TAGS_3DU1);
        assertThatThrownBy(() -> assertThat(tags).has("E", "4"))
                .hasMessage("Expected tags E, 4 but they are missing." + TAGS_3DU1);
    }

    @Test
    void doesNotHave() {
        TagSet tags = pack.codebook().decode("3DU1");
        assertThat(tags).doesNotHave("E").doesNotHave("4", "A");
        assertThatThrownBy(() -> assertThat(tags).doesNotHave("E", "D"))
                .hasMessage("Expected no tag D but it is there." + TAGS_3DU1);
    }

    @Test
    void hasNoTags() {
        assertThat(TagSet.none()).hasNoTags().hasCodes("");
        assertThatThrownBy(() -> assertThat(TagSet.none()).hasCodes("3D"))
                .hasMessage("Expected codes 3D but were (none).\nTags: (none)");
        assertThatThrownBy(() -> assertThat(pack.codebook().decode("3DU1")).hasNoTags())
                .hasMessage("Expected no tags but there were 3." + TAGS_3DU1);
    }
}
