package io.siyu.rules.bench;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code RulePack.load} in a fresh JVM, for profiling the cold load (e.g. with
 * {@code -XX:StartFlightRecording}). Prints the wall time from JVM start to the loaded pack, the wall time of
 * the load itself, the load thread's CPU time and the whole process's CPU time.
 *
 * <pre>java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.ColdLoad [pack|gaozi|100|1000|PATH|classpath:FOLDER] [CLASSIC|EXECUTABLE_MODEL] [loads]
 * java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.ColdLoad compile [pack|gaozi|100|1000] OUTPUT
 * java -cp rules-bench/target/benchmarks.jar io.siyu.rules.bench.ColdLoad cache CACHE_DIR [pack|gaozi|100|1000|PATH] [CLASSIC|EXECUTABLE_MODEL]</pre>
 *
 * A PATH is a pack directory or zip (a compiled one loads from its compiled part); {@code classpath:FOLDER} a pack
 * on the class path, such as {@code classpath:compiled-packs/gaozi}, the Gaozi pack that the build compiles ahead
 * of time into benchmarks.jar. {@code compile} writes a compiled pack (RulePack.compile) to OUTPUT. {@code cache}
 * loads the pack with the compiled-pack cache in CACHE_DIR ({@code PackOptions.Builder.cacheDirectory}): run it twice
 * in EXECUTABLE_MODEL mode, the first start fills the cache (it compiles), the second finds the entry.
 */
public final class ColdLoad {
    private ColdLoad() {
    }

    /** A temporary pack directory: the bench pack ("pack"), Gaozi, or a generated pack of that many rules. */
    private static Path copy(String rules) {
        return switch (rules) {
            case "pack" -> BenchPacks.directory(BenchPacks.DEFAULT_PACK);
            case BenchPacks.GAOZI -> BenchPacks.directory(BenchPacks.GAOZI);
            default -> GeneratedPack.write(Integer.parseInt(rules));
        };
    }

    /** Loads a pack where it is (a directory, a zip, a class-path folder): a compiled one from its compiled part. */
    private static void loadAsIs(String where, CompileMode mode, int loads, Path cache) {
        io.siyu.rules.pack.PackSource source = where.startsWith("classpath:")
                ? io.siyu.rules.pack.PackSource.classpath(where.substring("classpath:".length()))
                : Files.isDirectory(Path.of(where)) ? io.siyu.rules.pack.PackSource.directory(Path.of(where))
                : io.siyu.rules.pack.PackSource.zip(Path.of(where));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= loads; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long proc0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            io.siyu.rules.pack.PackOptions.Builder options = io.siyu.rules.pack.PackOptions.builder()
                    .clock(BenchPacks.DAYTIME).compileMode(mode);
            if (cache != null) {
                options.cacheDirectory(cache);
            }
            RulePack pack = RulePack.load(source, options.build());
            long wall = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long proc = os.getProcessCpuTime() - proc0;
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            String decided = pack.decide(io.siyu.rules.decision.Customer.builder("first").build()).action();
            long sinceStartDecided = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("load %d (%s, %d rules%s): %d ms wall, %d ms load-thread CPU, %d ms process CPU; "
                            + "%d ms since JVM start; first decision (%s) %d ms since JVM start%n", i, where,
                    pack.rules().size(), pack.warnings().stream().anyMatch(w -> w.key().startsWith("pack.compiled-"))
                            ? ", compiled part NOT used" : "", wall / 1_000_000, cpu / 1_000_000, proc / 1_000_000,
                    sinceStart, decided, sinceStartDecided);
        }
    }

    public static void main(String[] args) {
        if (args.length == 3 && "compile".equals(args[0])) {
            Path dir = copy(args[1]);
            try {
                long t0 = System.nanoTime();
                RulePack pack = RulePack.compile(io.siyu.rules.pack.PackSource.directory(dir),
                        io.siyu.rules.pack.PackOptions.builder().clock(BenchPacks.DAYTIME).build(), Path.of(args[2]));
                System.out.printf("compiled %s (%d rules) into %s in %d ms%n", args[1], pack.rules().size(), args[2],
                        (System.nanoTime() - t0) / 1_000_000);
            } finally {
                BenchPacks.delete(dir);
            }
            return;
        }
        if (args.length >= 3 && "cache".equals(args[0])) {
            CompileMode mode = args.length > 3 ? CompileMode.valueOf(args[3]) : CompileMode.EXECUTABLE_MODEL;
            boolean path = Files.exists(Path.of(args[2]));
            Path dir = path ? Path.of(args[2]) : copy(args[2]);
            try {
                loadAsIs(dir.toString(), mode, 1, Path.of(args[1]));
            } finally {
                if (!path) {
                    BenchPacks.delete(dir);
                }
            }
            return;
        }
        String rules = args.length > 0 ? args[0] : "pack";
        CompileMode mode = args.length > 1 ? CompileMode.valueOf(args[1]) : CompileMode.CLASSIC;
        int loads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (rules.startsWith("classpath:") || Files.exists(Path.of(rules))) {
            loadAsIs(rules, mode, loads, null);
            return;
        }
        Path dir = copy(rules);
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
