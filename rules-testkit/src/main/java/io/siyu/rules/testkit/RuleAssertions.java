package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.Journey;

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
 */
public final class RuleAssertions {
    private RuleAssertions() {
    }

    /** Assertions on a decision; every failure message ends with the decision's explanation. */
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(decision);
    }

    /** Assertions on a customer's funnel journey; every failure message ends with the whole journey. */
    public static JourneyAssert assertThat(Journey journey) {
        return new JourneyAssert(journey);
    }

    /** Assertions on a funnel report; every failure message ends with the report table. */
    public static FunnelReportAssert assertThat(FunnelReport report) {
        return new FunnelReportAssert(report);
    }

    /** Assertions on a customer's codebook tags. */
    public static TagSetAssert assertThat(TagSet tags) {
        return new TagSetAssert(tags);
    }
}
