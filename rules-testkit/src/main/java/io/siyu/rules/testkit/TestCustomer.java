package io.siyu.rules.testkit;

import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.pack.RulePack;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One customer being described for a test, made by {@link TestCustomers#customer(String)}. Tags come from
 * survey answers, codes or a staff remark, read with the pack's codebook; the last of
 * {@link #answers}, {@link #codes}, {@link #remark} or {@link #tags} wins. Finish with {@link #build()}
 * or {@link #decide()}. Not thread-safe: one test, one builder.
 */
public final class TestCustomer {
    private final RulePack pack;
    private final RuleCoverage coverage;
    private final Customer.Builder builder;
    private Signals signals = Signals.NONE;

    TestCustomer(RulePack pack, RuleCoverage coverage, String id) {
        this.pack = pack;
        this.coverage = coverage;
        this.builder = Customer.builder(id);
    }

    /** Survey answers (question id → option id, or a list of option ids), encoded with the codebook. */
    public TestCustomer answers(Map<String, ?> answers) {
        builder.tags(pack.codebook().encode(Objects.requireNonNull(answers, "answers")));
        return this;
    }

    /** Tags from a code string such as {@code 3DU1}, decoded strictly with the codebook. */
    public TestCustomer codes(String codes) {
        builder.tags(pack.codebook().decode(Objects.requireNonNull(codes, "codes")));
        return this;
    }

    /** Tags read from a staff remark such as {@code 王女士 3DU1}. */
    public TestCustomer remark(String remark) {
        builder.tags(pack.codebook().readRemark(Objects.requireNonNull(remark, "remark")));
        return this;
    }

    /** These tags. */
    public TestCustomer tags(TagSet tags) {
        builder.tags(tags);
        return this;
    }

    /** Adds recent messages from the customer, oldest first: {@code message("在吗", "多少钱")}. */
    public TestCustomer message(String... texts) {
        List.of(texts).forEach(builder::message);
        return this;
    }

    /**
     * Applies one or more signals written as text, exactly as in a case table's {@code signals} column
     * ({@link CaseTable#applySignals}): {@code signal("replied")}, {@code signal("replied;silentHours=48")}.
     * Signals not named keep their value.
     *
     * @throws IllegalArgumentException for a signal that cannot be read, in the pack's locale
     */
    public TestCustomer signal(String spec) {
        signals = CaseTable.applySignals(Objects.requireNonNull(spec, "spec"), signals, pack.options().locale());
        return this;
    }

    /** The customer replied to our last message. */
    public TestCustomer replied() {
        return signal("replied");
    }

    /** The customer opened a link we sent. */
    public TestCustomer clickedLink() {
        return signal("clickedLink");
    }

    /** The customer bought from the brand before. */
    public TestCustomer purchasedBefore() {
        return signal("purchasedBefore");
    }

    /** Hours since the customer's last message. */
    public TestCustomer silentHours(int hours) {
        return signal("silentHours=" + hours);
    }

    /** Messages already sent to the customer today. */
    public TestCustomer touchesToday(int touches) {
        return signal("touchesToday=" + touches);
    }

    /**
     * A free attribute (nickname, city, ...), as {@link Customer.Builder#attribute(String, Object)} takes it.
     *
     * @param name  the attribute's name
     * @param value a {@link String}, {@link Number} or {@link Boolean}
     * @return this builder
     * @throws NullPointerException     when {@code name} is null
     * @throws IllegalArgumentException when {@code value} is of another type
     */
    public TestCustomer attribute(String name, Object value) {
        builder.attribute(name, value);
        return this;
    }

    /** The customer. */
    public Customer build() {
        return builder.signals(signals).build();
    }

    /**
     * The pack's decision for this customer, recorded in the coverage. A decision that cannot be made
     * (a looping rule, a script that cannot be rendered) comes back as a failed decision, for
     * {@link DecisionAssert#failed()}, rather than as an exception.
     */
    public Decision decide() {
        return coverage.record(pack.decideAll(List.of(build())).get(0));
    }
}
