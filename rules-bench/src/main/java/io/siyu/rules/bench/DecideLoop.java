package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A plain loop over the standard customers, for profiling a decision (e.g. with
 * {@code -XX:StartFlightRecording}) and for a quick, low-noise figure on a shared machine: it prints the
 * deciding thread's own CPU time per decision for each round of {@value CustomerSet#SIZE} customers, and
 * the minimum and median over the rounds after the warm-up (the thread's CPU time does not count the time
 * other processes hold the core; the minimum is the round least disturbed by cache and frequency effects).
 *
 * <pre>java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.DecideLoop [pack] [seconds] [decide|decideAll|handWritten] [CLASSIC|EXECUTABLE_MODEL]</pre>
 */
public final class DecideLoop {
    private DecideLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param args the pack (a {@link BenchPacks} name, default the bench pack), the seconds to run (default 30,
     *             the first third is warm-up), {@code decide} or {@code decideAll}, the compile mode
     */
    public static void main(String[] args) {
        String packName = args.length > 0 ? args[0] : BenchPacks.DEFAULT_PACK;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String what = args.length > 2 ? args[2] : "decide";
        boolean batch = "decideAll".equals(what);
        CompileMode mode = args.length > 3 ? CompileMode.valueOf(args[3]) : CompileMode.CLASSIC;
        Path dir = BenchPacks.directory(packName);
        try {
            RulePack pack = BenchPacks.load(dir, mode);
            List<Customer> customers = CustomerSet.forPack(pack);
            HandWritten java = "handWritten".equals(what) ? HandWritten.forPack(pack).orElseThrow() : null;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long process0 = 0;
            long decided = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long warm = System.nanoTime() + seconds * 1_000_000_000L / 3;
            double[] rounds = new double[100_000];
            int n = 0;
            long sink = 0;
            while (System.nanoTime() < end) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                if (batch) {
                    sink += pack.decideAll(customers).size();
                } else if (java != null) {
                    for (Customer c : customers) {
                        sink += java.decide(c).length();
                    }
                } else {
                    for (Customer c : customers) {
                        sink += pack.decide(c).firedRules().size();
                    }
                }
                double us = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / customers.size();
                if (System.nanoTime() > warm && n < rounds.length) {
                    if (n == 0) {
                        process0 = os.getProcessCpuTime();
                    } else {
                        decided += customers.size();
                    }
                    rounds[n++] = us;
                }
            }
            double[] measured = Arrays.copyOf(rounds, n);
            Arrays.sort(measured);
            double process = decided == 0 ? 0 : (os.getProcessCpuTime() - process0) / 1e3 / decided;
            System.out.printf("%s %s %s: %d rounds; thread CPU per customer: min %.2f us, median %.2f us; "
                            + "process CPU per customer (GC, JIT included) %.2f us (%d)%n",
                    packName, what, mode, n, n == 0 ? 0 : measured[0], n == 0 ? 0 : measured[n / 2], process,
                    sink % 10);
        } finally {
            BenchPacks.delete(dir);
        }
    }
}
