package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;
import org.drools.ancompiler.KieBaseUpdaterANC;
import org.kie.api.KieBase;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Drools' alpha network compiler (ANC), measured (issue 16): the same pack loaded twice, one of the two with its
 * alpha network compiled in memory ({@link KieBaseUpdaterANC#generateAndSetInMemoryANC}), checked to decide every
 * standard customer the same, then decided in alternating rounds of {@value CustomerSet#SIZE} customers so that
 * both sides see the same load; prints the deciding thread's CPU time per customer, minimum and median over the
 * rounds after the first third. The same for plain Drools with pooled sessions over the same rules.
 *
 * <p>The library builds its {@code KieBase} itself (not through a {@code KieContainer}, whose updaters would apply
 * the ANC from the {@code drools.alphaNetworkCompiler} option), so this harness finds the loaded pack's
 * {@code KieBase} by reflection: a measurement, not a way to turn the ANC on.
 *
 * <pre>java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.AlphaNetworkLoop [pack] [seconds] [CLASSIC|EXECUTABLE_MODEL]</pre>
 */
public final class AlphaNetworkLoop {
    private AlphaNetworkLoop() {
    }

    /**
     * Runs the comparison.
     *
     * @param args the pack (a {@link BenchPacks} name), the seconds to run (default 40), the compile mode
     * @throws IllegalStateException when the compiled alpha network decides a customer differently
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        String packName = args.length > 0 ? args[0] : BenchPacks.DEFAULT_PACK;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        CompileMode mode = args.length > 2 ? CompileMode.valueOf(args[2]) : CompileMode.CLASSIC;
        Path dir = BenchPacks.directory(packName);
        try {
            RulePack interpreted = BenchPacks.load(dir, mode);
            RulePack compiled = BenchPacks.load(dir, mode);
            long t0 = System.nanoTime();
            KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBaseOf(compiled));
            long ancMillis = (System.nanoTime() - t0) / 1_000_000;
            List<Customer> customers = CustomerSet.forPack(interpreted);
            int same = 0;
            for (Customer c : customers) {
                Decision a = interpreted.decide(c);
                Decision b = compiled.decide(c);
                if (!a.equals(b)) {
                    throw new IllegalStateException("the compiled alpha network decides " + c.getId()
                            + " differently:\n" + a + "\n" + b);
                }
                same++;
            }
            PlainDrools plain = new PlainDrools(dir, interpreted.manifest(), mode, BenchPacks.DAYTIME,
                    interpreted.options().maxFirings());
            PlainDrools plainAnc = new PlainDrools(dir, interpreted.manifest(), mode, BenchPacks.DAYTIME,
                    interpreted.options().maxFirings());
            KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBaseOf(plainAnc));
            for (Customer c : customers) {
                if (!plain.decidePooled(c).equals(plainAnc.decidePooled(c))) {
                    throw new IllegalStateException("plain Drools with the ANC decides " + c.getId() + " differently");
                }
            }
            System.out.printf("%s %s: ANC generated in %d ms; %d/%d decisions identical%n", packName, mode, ancMillis,
                    same, customers.size());

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[][] rounds = new double[4][50_000];
            int n = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long warm = System.nanoTime() + seconds * 1_000_000_000L / 3;
            long sink = 0;
            while (System.nanoTime() < end && n < rounds[0].length) {
                double[] us = new double[4];
                for (int side = 0; side < 4; side++) {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    for (Customer c : customers) {
                        sink += switch (side) {
                            case 0 -> interpreted.decide(c).firedRules().size();
                            case 1 -> compiled.decide(c).firedRules().size();
                            case 2 -> plain.decidePooled(c).length();
                            default -> plainAnc.decidePooled(c).length();
                        };
                    }
                    us[side] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / customers.size();
                }
                if (System.nanoTime() > warm) {
                    for (int side = 0; side < 4; side++) {
                        rounds[side][n] = us[side];
                    }
                    n++;
                }
            }
            String[] names = {"library", "library + ANC", "plain Drools pooled", "plain Drools pooled + ANC"};
            for (int side = 0; side < 4; side++) {
                double[] m = Arrays.copyOf(rounds[side], n);
                Arrays.sort(m);
                System.out.printf("%s %s %s: %d rounds; thread CPU per customer: min %.2f us, median %.2f us (%d)%n",
                        packName, mode, names[side], n, n == 0 ? 0 : m[0], n == 0 ? 0 : m[n / 2], sink % 10);
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }

    /** The one {@code KieBase} reachable from {@code root} through fields of this project's classes. */
    static KieBase kieBaseOf(Object root) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            if (!seen.add(o)) {
                continue;
            }
            for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("io.siyu."); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object v = f.get(o);
                    if (v instanceof KieBase k) {
                        return k;
                    }
                    if (v != null && v.getClass().getName().startsWith("io.siyu.")) {
                        todo.add(v);
                    }
                }
            }
        }
        throw new IllegalStateException("no KieBase reachable from " + root.getClass().getName());
    }
}
