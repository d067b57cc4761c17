package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.Journey;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The entry point of the testkit's assertions. Import statically next to AssertJ's own:
 * <pre>{@code
 * import static io.siyu.rules.testkit.RuleAssertions.assertThat;
 *
 * assertThat(pack.decide(customer)).hasAction("STOP_GENTLY").usedScript("acne.light");
 * assertThat(pack.codebook().decode("3DU1")).has("D").doesNotHave("E");
 * }</pre>
 *
 * <p>The funnel has its own: {@code assertThat(journey).isIn(SEEDING).isInGroup("D-2026-11-23-1")},
 * {@code assertThat(report).hasEntered(3).hasCumulativeRateCloseTo(0.45, within(0.02))}.
 *
 * <p>Every {@code assertThat} is {@link CheckReturnValue @CheckReturnValue}, as AssertJ's own are: a bare
 * {@code assertThat(decision);} checks nothing, and Error Prone (which honours any annotation of that name)
 * flags it. A null argument gives an assertion whose every check fails with AssertJ's
 * {@code Expecting actual not to be null}. The assertion classes, and how to extend them, are {@link AbstractDecisionAssert}, {@link AbstractTagSetAssert},
 * {@link AbstractJourneyAssert} and {@link AbstractFunnelReportAssert}.
 */
public final class RuleAssertions {
    private RuleAssertions() {
    }

    /** Assertions on a decision; every failure message ends with the decision's explanation. */
    @CheckReturnValue
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(decision);
    }

    /** Assertions on a customer's funnel journey; every failure message ends with the whole journey. */
    @CheckReturnValue
    public static JourneyAssert assertThat(Journey journey) {
        return new JourneyAssert(journey);
    }

    /** Assertions on a funnel report; every failure message ends with the report table. */
    @CheckReturnValue
    public static FunnelReportAssert assertThat(FunnelReport report) {
        return new FunnelReportAssert(report);
    }

    /** Assertions on a customer's codebook tags. */
    @CheckReturnValue
    public static TagSetAssert assertThat(TagSet tags) {
        return new TagSetAssert(tags);
    }
}
