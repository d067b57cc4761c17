package io.siyu.rules.pack;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.funnel.Stage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the pack's methods hand back is what their Javadoc promises. */
class ReturnedShapesTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");

    @Test
    void contentForAGroupDayIsAnUnmodifiableListBestFirst() {
        RulePack pack = RulePack.load(SKINCARE);
        TagSet acne = pack.codebook().decode("D");
        GroupDay day1 = new GroupDay("D-2026-11-23-1", Stage.SEEDING, 1, acne, LocalDate.of(2026, 11, 24));

        List<PlannedContent> content = pack.contentFor(day1);

        assertThat(content).extracting(PlannedContent::scriptId).containsExactly("acne.seeding.d1");
        assertThatThrownBy(() -> content.add(content.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(content::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGroupDayNoRuleCoversGetsAnEmptyListNotNull() {
        RulePack pack = RulePack.load(SKINCARE);
        GroupDay day9 = new GroupDay("A-2026-11-23-1", Stage.CONVERSION, 9, pack.codebook().decode("A"),
                LocalDate.of(2026, 12, 2));

        assertThat(pack.contentFor(day9)).isEmpty();
    }

    @Test
    void aRulePackExceptionNeedsASummaryAndAtLeastOneProblem() {
        List<Diagnostic> one = List.of(Diagnostic.error("pack.json", 1, 1, "pack.missing-file", "missing"));

        assertThatThrownBy(() -> new RulePackException(null, one)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("summary");
        assertThatThrownBy(() -> new RulePackException("pack broken", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RulePackException("pack broken", one)).hasMessageStartingWith("pack broken")
                .hasMessageContaining("missing");
    }
}
