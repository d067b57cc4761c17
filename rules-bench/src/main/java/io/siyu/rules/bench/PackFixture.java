package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.List;

/**
 * The shared, read-only fixture of the decision benchmarks: one loaded pack, the plain-Drools reference on
 * the same rules, and {@value CustomerSet#SIZE} customers — all built outside the measured methods.
 *
 * <p>Setup checks that the plain-Drools reference and the library choose the same action for every
 * customer, and for the skincare and Gaozi packs that the hand-written Java chooses the same action and intent
 * level (and, for Gaozi, the same script): a reference that computes something else would make every ratio
 * meaningless. The two subclasses fix the compile mode.
 */
@State(Scope.Benchmark)
public abstract class PackFixture {
    /** The pack: {@value BenchPacks#DEFAULT_PACK} or a directory on disk. */
    @Param(BenchPacks.DEFAULT_PACK)
    public String pack;

    /** The loaded pack. */
    public RulePack rulePack;
    /** The same rules in plain Drools. */
    public PlainDrools plain;
    /** The hand-written Java, or null when the pack has none (only the skincare and Gaozi packs do). */
    public HandWritten handWritten;
    /** The customers, cycled through by {@link Cursor}. */
    public List<Customer> customers;

    private Path directory;

    /** Loads everything for this compile mode and cross-checks the references. */
    protected void load(CompileMode mode) {
        directory = BenchPacks.directory(pack);
        rulePack = BenchPacks.load(directory, mode);
        customers = CustomerSet.forPack(rulePack);
        plain = new PlainDrools(directory, rulePack.manifest(), mode, BenchPacks.DAYTIME,
                rulePack.options().maxFirings());
        HandWritten java = HandWritten.forPack(rulePack).orElse(null);
        for (Customer c : customers) {
            Decision d = rulePack.decide(c);
            String plainAction = plain.decide(c);
            if (!d.action().equals(plainAction)) {
                throw new IllegalStateException("plain Drools chose " + plainAction + " but the library chose "
                        + d.action() + " for " + c.getId() + "\n" + d.explain());
            }
            if (java != null) {
                String disagreement = disagreement(java, c, d);
                if (disagreement != null) {
                    throw new IllegalStateException(disagreement);
                }
            }
        }
        handWritten = java;
    }

    /** How the hand-written Java differs from the library's decision for one customer, or null when it agrees. */
    static String disagreement(HandWritten java, Customer c, Decision d) {
        String action = java.decide(c);
        String script = java.script(c).orElse(null);
        boolean same = action.equals(d.action()) && java.intent(c) == d.intent()
                && (script == null || script.equals(d.scriptId().orElse("")));
        return same ? null : "the hand-written Java chose " + action + (script == null ? "" : " / " + script)
                + " (" + java.intent(c) + ") but the library chose " + d.action() + " / " + d.scriptId().orElse("")
                + " for " + c.getId() + "\n" + d.explain();
    }

    /** Deletes the temporary copy of the pack. */
    @TearDown(Level.Trial)
    public void deletePack() {
        BenchPacks.delete(directory);
    }

    /** The pack compiled by the classic (MVEL) compiler, the library's default. */
    @State(Scope.Benchmark)
    public static class Classic extends PackFixture {
        /** Loads the pack. */
        @org.openjdk.jmh.annotations.Setup(Level.Trial)
        public void setup() {
            load(CompileMode.CLASSIC);
        }
    }

    /** The pack compiled to Drools' executable model. */
    @State(Scope.Benchmark)
    public static class ExecutableModel extends PackFixture {
        /** Loads the pack. */
        @org.openjdk.jmh.annotations.Setup(Level.Trial)
        public void setup() {
            load(CompileMode.EXECUTABLE_MODEL);
        }
    }

    /** Each thread's position in the customer list. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** The next customer, cycling. */
        public Customer next(List<Customer> customers) {
            Customer c = customers.get(next);
            next = next + 1 == customers.size() ? 0 : next + 1;
            return c;
        }
    }
}
