package io.siyu.rules.bench;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code RulePack.load}: the pack itself and generated packs of 100 and 1,000 rules, classic and
 * executable model. By default each fork measures one load in a fresh JVM — the load an application pays
 * at start-up; add {@code -wi 3 -i 5} to measure loads in a warmed-up JVM (hot reload).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class PackLoadBenchmark {

    /** The pack directory to load, written before the measurement. */
    @State(Scope.Benchmark)
    public static class Fixture {
        /** The pack: {@value BenchPacks#DEFAULT_PACK} or a directory on disk. */
        @Param(BenchPacks.DEFAULT_PACK)
        public String pack;

        /** {@code pack} for the pack itself, or the number of generated rules. */
        @Param({"pack", "100", "1000"})
        public String rules;

        /** The compile mode. */
        @Param({"CLASSIC", "EXECUTABLE_MODEL"})
        public CompileMode mode;

        Path directory;

        /** Copies or generates the pack. */
        @Setup(Level.Trial)
        public void write() {
            directory = "pack".equals(rules) ? BenchPacks.directory(pack)
                    : GeneratedPack.write(Integer.parseInt(rules));
        }

        /** Deletes the copy. */
        @TearDown(Level.Trial)
        public void delete() {
            BenchPacks.delete(directory);
        }
    }

    /** One load. */
    @Benchmark
    public RulePack load(Fixture f) {
        return BenchPacks.load(f.directory, f.mode);
    }
}
