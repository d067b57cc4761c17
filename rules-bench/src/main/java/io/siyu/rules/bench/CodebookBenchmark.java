package io.siyu.rules.bench;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.TagSet;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The codebook: {@code encode} (answers → tags), {@code decode} (codes → tags), and one of each per
 * operation — the target is 5,000,000 encode+decode pairs a second on one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodebookBenchmark {
    private static final int ANSWER_SETS = 256;

    /** The pack's codebook and 256 random answer sets with their codes. */
    @State(Scope.Benchmark)
    public static class Fixture {
        /** The pack: {@value BenchPacks#DEFAULT_PACK} or a directory on disk. */
        @Param(BenchPacks.DEFAULT_PACK)
        public String pack;

        Codebook codebook;
        Map<String, ?>[] answers;
        String[] codes;
        /** {@code 王女士 <codes>}, as staff usually write it. */
        String[] remarks;
        /** The same remarks typed on a phone's Chinese keyboard: full-width, lower-case codes. */
        String[] typedRemarks;
        TagSet[] tags;

        /** Reads the codebook and prepares the inputs. */
        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setup() {
            Path dir = BenchPacks.directory(pack);
            codebook = Codebook.load(dir.resolve("codebook.json"));
            BenchPacks.delete(dir);
            Random random = new Random(CustomerSet.SEED);
            answers = new Map[ANSWER_SETS];
            codes = new String[ANSWER_SETS];
            remarks = new String[ANSWER_SETS];
            typedRemarks = new String[ANSWER_SETS];
            tags = new TagSet[ANSWER_SETS];
            for (int i = 0; i < ANSWER_SETS; i++) {
                answers[i] = CustomerSet.answers(codebook, random);
                tags[i] = codebook.encode(answers[i]);
                codes[i] = tags[i].codes();
                remarks[i] = "王女士 " + codes[i];
                StringBuilder typed = new StringBuilder("王女士　");
                codes[i].codePoints().map(Character::toLowerCase).forEach(cp -> typed.appendCodePoint(
                        cp >= '!' && cp <= '~' ? cp - '!' + '！' : cp));
                typedRemarks[i] = typed.toString();
            }
        }
    }

    /** Each thread's position in the inputs. */
    @State(Scope.Thread)
    public static class Index {
        private int next;

        int next() {
            int i = next;
            next = (next + 1) & (ANSWER_SETS - 1);
            return i;
        }
    }

    /** Answers → tags. */
    @Benchmark
    public TagSet encode(Fixture f, Index i) {
        return f.codebook.encode(f.answers[i.next()]);
    }

    /** Codes → tags. */
    @Benchmark
    public TagSet decode(Fixture f, Index i) {
        return f.codebook.decode(f.codes[i.next()]);
    }

    /** A remark as staff usually write it → tags. */
    @Benchmark
    public TagSet readRemark(Fixture f, Index i) {
        return f.codebook.readRemark(f.remarks[i.next()]);
    }

    /** A remark typed with full-width, lower-case codes (NFKC and case folding on every character) → tags. */
    @Benchmark
    public TagSet readTypedRemark(Fixture f, Index i) {
        return f.codebook.readRemark(f.typedRemarks[i.next()]);
    }

    /** Name and tags → a remark cut at grapheme clusters to fit the limit. */
    @Benchmark
    public String writeRemark(Fixture f, Index i) {
        return f.codebook.writeRemark("欧阳娜娜的妈妈👨\u200D👩\u200D👧杭州老客户", f.tags[i.next()]);
    }

    /** One encode and one decode (of different inputs, so neither can reuse the other's work). */
    @Benchmark
    public void encodeAndDecode(Fixture f, Index i, Blackhole bh) {
        int n = i.next();
        bh.consume(f.codebook.encode(f.answers[n]));
        bh.consume(f.codebook.decode(f.codes[(n + 1) & (ANSWER_SETS - 1)]));
    }
}
