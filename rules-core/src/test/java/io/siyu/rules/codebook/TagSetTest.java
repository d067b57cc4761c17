package io.siyu.rules.codebook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagSetTest {
    private final Codebook codebook = TestCodebooks.gaozi();

    @Test
    void answersQuestionsAboutItsCodes() {
        TagSet tags = codebook.decode("2367DY1");

        assertThat(tags.has("Y1")).isTrue();
        assertThat(tags.has("Y")).isFalse();
        assertThat(tags.hasAll("3", "D")).isTrue();
        assertThat(tags.hasAll("3", "B")).isFalse();
        assertThat(tags.hasAny("B", "7")).isTrue();
        assertThat(tags.hasAny("B", "C")).isFalse();
        assertThat(tags.codesFor("problems")).isEqualTo("367");
        assertThat(tags.answered("concern", "acne")).isTrue();
        assertThat(tags.size()).isEqualTo(6);
        assertThat(tags).hasToString("TagSet[2367DY1]");
    }

    @Test
    void aDecodedTagSetEqualsTheSameTagsMadeByHand() {
        TagSet byHand = TagSet.of(List.of(new Tag("skinType", "dry", "2"), new Tag("problems", "acne", "3")));

        assertThat(codebook.decode("23")).isEqualTo(byHand).hasSameHashCodeAs(byHand);
        assertThat(byHand.codes()).isEqualTo("23");
        assertThat(TagSet.of(List.of())).isSameAs(TagSet.none());
    }

    @Test
    void isImmutable() {
        TagSet tags = codebook.decode("23D");

        assertThatThrownBy(() -> tags.tags().add(new Tag("budget", "low", "L")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> codebook.allCodes().add("Z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> codebook.questions().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
