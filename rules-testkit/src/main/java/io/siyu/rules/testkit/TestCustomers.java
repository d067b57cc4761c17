package io.siyu.rules.testkit;

import io.siyu.rules.pack.RulePack;

import java.util.Objects;

/**
 * Makes customers for tests against one pack, in a sentence:
 * <pre>{@code
 * TestCustomers customers = TestCustomers.of(pack);
 * Decision d = customers.customer("c1").codes("34DU1").message("多少钱").decide();
 * Customer c = customers.customer("c2").answers(Map.of("concern", "acne", "urgency", "now")).replied().build();
 * }</pre>
 * Tags go through the pack's codebook; decisions are recorded in the pack's {@link RuleCoverage}.
 * Immutable and thread-safe (each {@link #customer(String)} returns a new, unshared builder).
 */
public final class TestCustomers {
    private final RulePack pack;
    private final RuleCoverage coverage;

    private TestCustomers(RulePack pack, RuleCoverage coverage) {
        this.pack = pack;
        this.coverage = coverage;
    }

    /** Customers for this pack, recording decisions in {@code RuleCoverage.of(pack)}. */
    public static TestCustomers of(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        return new TestCustomers(pack, RuleCoverage.of(pack));
    }

    /** Customers for this pack, recording decisions in the given coverage. */
    public static TestCustomers of(RulePack pack, RuleCoverage coverage) {
        return new TestCustomers(Objects.requireNonNull(pack, "pack"), Objects.requireNonNull(coverage, "coverage"));
    }

    /** A new customer with this id, untagged and with no messages, signals or attributes yet. */
    public TestCustomer customer(String id) {
        return new TestCustomer(pack, coverage, id);
    }

    /** The pack these customers are decided by. */
    public RulePack pack() {
        return pack;
    }
}
