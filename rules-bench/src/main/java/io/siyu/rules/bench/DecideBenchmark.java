package io.siyu.rules.bench;

import io.siyu.rules.decision.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One customer at a time, cycling through {@value CustomerSet#SIZE} varied customers: the library's
 * {@code decide} (classic and executable model, one and two threads) against plain Drools on the same rules
 * (a new session per customer, and pooled sessions reset between customers) and
 * against hand-written Java. Throughput (operations per microsecond) and sampled latency (p50, p99).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecideBenchmark {

    /** The library, classic compiler. */
    @Benchmark
    public Decision library(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return pack.rulePack.decide(cursor.next(pack.customers));
    }

    /** The library, classic compiler, two threads sharing the pack. */
    @Benchmark
    @Threads(2)
    public Decision libraryTwoThreads(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return pack.rulePack.decide(cursor.next(pack.customers));
    }

    /** The library, executable model. */
    @Benchmark
    public Decision libraryExecutableModel(PackFixture.ExecutableModel pack, PackFixture.Cursor cursor) {
        return pack.rulePack.decide(cursor.next(pack.customers));
    }

    /** Plain Drools, a new session per customer. */
    @Benchmark
    public String plainDrools(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return pack.plain.decide(cursor.next(pack.customers));
    }

    /** Plain Drools, a new session per customer, two threads. */
    @Benchmark
    @Threads(2)
    public String plainDroolsTwoThreads(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return pack.plain.decide(cursor.next(pack.customers));
    }

    /** Plain Drools, sessions from a {@code KieSessionsPool}, reset between customers. */
    @Benchmark
    public String plainDroolsPooledSessions(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return pack.plain.decidePooled(cursor.next(pack.customers));
    }

    /** Plain Drools on the executable model, a new session per customer. */
    @Benchmark
    public String plainDroolsExecutableModel(PackFixture.ExecutableModel pack, PackFixture.Cursor cursor) {
        return pack.plain.decide(cursor.next(pack.customers));
    }

    /** Hand-written Java (the skincare and Gaozi packs). */
    @Benchmark
    public String handWritten(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return handWritten(pack).decide(cursor.next(pack.customers));
    }

    /**
     * Hand-written Java on two threads: shares nothing, so how its CPU time per decision changes from one
     * thread to two is what the machine alone does to two busy threads (the control for the other
     * two-thread figures).
     */
    @Benchmark
    @Threads(2)
    public String handWrittenTwoThreads(PackFixture.Classic pack, PackFixture.Cursor cursor) {
        return handWritten(pack).decide(cursor.next(pack.customers));
    }

    private static HandWritten handWritten(PackFixture pack) {
        if (pack.handWritten == null) {
            throw new IllegalStateException("the hand-written reference only exists for the skincare and Gaozi packs");
        }
        return pack.handWritten;
    }
}
