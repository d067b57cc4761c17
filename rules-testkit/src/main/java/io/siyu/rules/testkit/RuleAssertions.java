package io.siyu.rules.testkit;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Decision;

/**
 * The entry point of the testkit's assertions. Import statically next to AssertJ's own:
 * <pre>{@code
 * import static io.siyu.rules.testkit.RuleAssertions.assertThat;
 *
 * assertThat(pack.decide(customer)).hasAction("STOP_GENTLY").usedScript("acne.light");
 * assertThat(pack.codebook().decode("3DU1")).has("D").doesNotHave("E");
 * }</pre>
 *
 * <p>Extension point: assertions on the funnel ({@code Journey}, {@code FunnelReport}) are to be added
 * here as further {@code assertThat} overloads returning their own {@code AbstractAssert} subclasses, with
 * failure messages built the same way (what was expected, what happened, and why).
 */
public final class RuleAssertions {
    private RuleAssertions() {
    }

    /** Assertions on a decision; every failure message ends with the decision's explanation. */
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(decision);
    }

    /** Assertions on a customer's codebook tags. */
    public static TagSetAssert assertThat(TagSet tags) {
        return new TagSetAssert(tags);
    }
}
