package io.siyu.rules.decision;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Benchmark-only access to the package-private constructors and phase switches of the fact model, so
 * that the plain-Drools reference ({@code io.siyu.rules.bench.PlainDrools}) can feed a session the very
 * objects the rule files expect ({@code intent}, {@code actions}, {@code policy}, {@code Now}) without
 * any of the library's pipeline around them.
 *
 * <p>It lives in {@code rules-bench} under the library's package (a split package, fine on the class path
 * of the benchmark jar) so the library keeps these members package-private.
 */
public final class PlainDroolsFacts {
    private PlainDroolsFacts() {
    }

    /** The three globals of one decision, sharing one (never listened-to) rule trace. */
    public record Globals(Intent intent, Actions actions, Policy policy) {
        /** Fresh globals for one decision. */
        public static Globals create() {
            RuleTrace trace = new RuleTrace();
            return new Globals(new Intent(trace), new Actions(trace), new Policy(trace));
        }

        /** Ends the intent phase: the score becomes a level. */
        public void settle(IntentThresholds thresholds) {
            intent.settle(thresholds);
        }

        /** Ends the propose phase and opens the policy phase; returns the proposals. */
        public List<Proposal> closeProposals() {
            List<Proposal> proposals = actions.close();
            policy.open(proposals);
            return proposals;
        }

        /** Whether a policy rule vetoed this proposal. */
        public boolean isVetoed(Proposal p) {
            return policy.isVetoed(p);
        }
    }

    /** The {@code Now} fact. */
    public static Now now(ZonedDateTime time, boolean quietHours) {
        return new Now(time, quietHours);
    }
}
