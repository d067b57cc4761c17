package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.pack.RulePack;
import org.assertj.core.presentation.HexadecimalRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static io.siyu.rules.decision.IntentLevel.COLD;
import static io.siyu.rules.decision.IntentLevel.HOT;
import static io.siyu.rules.testkit.FunnelScenario.scenario;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The testkit's assertions fail the way AssertJ's own do: through {@code AbstractAssert}, so that
 * {@code overridingErrorMessage}, {@code as} and representations behave as AssertJ users expect, with
 * expected and actual values for a diff, and with messages that show data exactly as it is.
 */
@RulePackTest(Packs.SKINCARE)
class AssertJStyleTest {
    static RulePack pack;
    static TestCustomers customers;
    /** 3DU3 asking the price: COLD, the offer vetoed by restraint, a light touch instead. */
    static Decision restrained;

    @BeforeAll
    static void decide() {
        restrained = customers.customer("c-early").codes("3DU3").message("多少钱").decide();
    }

    @Test
    void anOverridingErrorMessageReplacesTheMessageWithOrWithoutADiff() {
        assertThatThrownBy(() -> assertThat(restrained).overridingErrorMessage("no offer for c-early")
                .hasAction("OFFER_PRODUCT"))
                .isInstanceOf(AssertionFailedError.class).hasMessage("no offer for c-early");
        assertThatThrownBy(() -> assertThat(restrained).withFailMessage("the price rule should have fired")
                .fired("痘痘直接推荐"))
                .hasMessage("the price rule should have fired");
        assertThatThrownBy(() -> assertThat(pack.codebook().decode("3DU1")).withFailMessage("not E").has("E"))
                .hasMessage("not E");
    }

    @Test
    void aSegmentOfAReportKeepsTheOverridingErrorMessage() {
        FunnelReport report = scenario(pack).recordingTo(RuleCoverage.independent(pack)).customer("c1", "3DU1")
                .report();

        assertThatThrownBy(() -> assertThat(report).withFailMessage("one D customer").cohort("D").hasEntered(2))
                .hasMessage("one D customer");
    }

    @Test
    void comparisonsCarryExpectedAndActualForADiff() {
        assertThatThrownBy(() -> assertThat(restrained).hasAction("OFFER_PRODUCT"))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo("OFFER_PRODUCT");
                    assertThat(e.getActual().getValue()).isEqualTo("STOP_GENTLY");
                });
        assertThatThrownBy(() -> assertThat(restrained).hasIntent(HOT))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo(HOT);
                    assertThat(e.getActual().getValue()).isEqualTo(COLD);
                });
        assertThatThrownBy(() -> assertThat(TagSet.none()).hasCodes("3D"))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo("3D");
                    assertThat(e.getActual().getValue()).isEqualTo("");
                });
    }

    /** A representation changes how AssertJ shows values, not the testkit's sentences: they show data as is. */
    @Test
    void aRepresentationDoesNotChangeTheMessage() {
        assertThatThrownBy(() -> assertThat(restrained).withRepresentation(new HexadecimalRepresentation())
                .hasAction("OFFER_PRODUCT"))
                .hasMessageStartingWith("Expected action OFFER_PRODUCT but was STOP_GENTLY.\n\nWhy:\n");
        assertThatThrownBy(() -> assertThat(restrained).withRepresentation(new HexadecimalRepresentation())
                .hasScore(70))
                .hasMessageStartingWith("Expected intent score 70 but was 20.\n\nWhy:\n");
    }

    /** Data is never read as a format: a {@code %} in a rule name or a text is shown as it is. */
    @Test
    void percentSignsInDataAreShownAsTheyAre() {
        assertThatThrownBy(() -> assertThat(restrained).fired("满 100% 减 %s"))
                .hasMessageStartingWith("Expected rule \"满 100% 减 %s\" to fire, but it did not.");
        assertThatThrownBy(() -> assertThat(restrained).textContains("%d%%"))
                .hasMessageStartingWith("Expected the text to contain \"%d%%\" but it was \"");
    }
}
