package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Batches of {@value CustomerSet#SIZE} customers: the library's {@code decideAll} against plain Drools
 * looping over the same batch, on one and two threads. Scores are customers per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CustomerSet.SIZE)
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecideAllBenchmark {

    /** The library, one thread. */
    @Benchmark
    public List<Decision> library(PackFixture.Classic pack) {
        return pack.rulePack.decideAll(pack.customers);
    }

    /** The library, two threads, each deciding whole batches. */
    @Benchmark
    @Threads(2)
    public List<Decision> libraryTwoThreads(PackFixture.Classic pack) {
        return pack.rulePack.decideAll(pack.customers);
    }

    /** Plain Drools, a new session per customer, one thread. */
    @Benchmark
    public void plainDrools(PackFixture.Classic pack, Blackhole bh) {
        plainBatch(pack, bh);
    }

    /** Plain Drools, a new session per customer, two threads. */
    @Benchmark
    @Threads(2)
    public void plainDroolsTwoThreads(PackFixture.Classic pack, Blackhole bh) {
        plainBatch(pack, bh);
    }

    private static void plainBatch(PackFixture.Classic pack, Blackhole bh) {
        for (Customer c : pack.customers) {
            bh.consume(pack.plain.decide(c));
        }
    }
}
