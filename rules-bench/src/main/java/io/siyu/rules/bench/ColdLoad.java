package io.siyu.rules.bench;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * One {@code RulePack.load} in a fresh JVM, for profiling the cold load (e.g. with
 * {@code -XX:StartFlightRecording}). Prints the wall time from JVM start to the loaded pack, the wall time of
 * the load itself, the load thread's CPU time and the whole process's CPU time.
 *
 * <pre>java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.ColdLoad [pack|100|1000] [CLASSIC|EXECUTABLE_MODEL] [loads]</pre>
 */
public final class ColdLoad {
    private ColdLoad() {
    }

    public static void main(String[] args) {
        String rules = args.length > 0 ? args[0] : "pack";
        CompileMode mode = args.length > 1 ? CompileMode.valueOf(args[1]) : CompileMode.CLASSIC;
        int loads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path dir = "pack".equals(rules) ? BenchPacks.directory(BenchPacks.DEFAULT_PACK)
                : GeneratedPack.write(Integer.parseInt(rules));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            if (Boolean.getBoolean("coldload.parseFirst")) {
                // What the library's own DrlParser pass (DrlCompiler.describe) costs in a fresh JVM.
                long t0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                int files = 0;
                try (var paths = java.nio.file.Files.walk(dir)) {
                    for (Path file : paths.filter(p -> p.toString().endsWith(".drl")).toList()) {
                        new org.drools.drl.parser.DrlParser().parse(false,
                                java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
                        files++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                System.out.printf("DrlParser pass over %d files: %d ms wall, %d ms CPU%n", files,
                        (System.nanoTime() - t0) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
            }
            for (int i = 1; i <= loads; i++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long proc0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                RulePack pack = BenchPacks.load(dir, mode);
                long wall = System.nanoTime() - t0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long proc = os.getProcessCpuTime() - proc0;
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf("load %d (%s, %s): %d ms wall, %d ms load-thread CPU, %d ms process CPU; "
                                + "%d ms since JVM start; %s%n", i, rules, mode, wall / 1_000_000, cpu / 1_000_000,
                        proc / 1_000_000, sinceStart, pack.getClass().getSimpleName());
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }
}
