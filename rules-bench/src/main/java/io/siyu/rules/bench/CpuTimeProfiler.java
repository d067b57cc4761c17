package io.siyu.rules.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * A JMH profiler for a shared, busy machine: the CPU time the benchmark JVM spent per operation
 * ({@code cpu.us/op}: all its threads, JIT and GC included), which — unlike wall-clock throughput — does not
 * fall when other processes take the cores. Use it with throughput mode:
 * {@code -bm thrpt -prof io.siyu.rules.bench.CpuTimeProfiler}. {@code 1e6 / cpu.us/op} is what one fully
 * available core would do.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpu;

    @Override
    public String getDescription() {
        return "process CPU time per operation (robust against other load on the machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.us/op", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }
}
