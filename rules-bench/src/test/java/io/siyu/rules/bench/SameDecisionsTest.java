package io.siyu.rules.bench;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions stay exactly what they were before the speed work: every customer's whole {@link Decision}
 * (action, script and its rendered text, intent, score and every reason, fired rules in order, vetoes,
 * losing proposals, winner), written with {@link DecisionJson}, against the file recorded from the library
 * before the engine changed ({@code src/test/resources/decisions/*.jsonl.gz}, one decision per line).
 *
 * <p>The customers: the Gaozi pack's 240 sample customers at 10:00 and at 23:00 (quiet hours), and the
 * benchmarks' {@value CustomerSet#SIZE} customers of the bench pack, the Gaozi pack and the retail pack;
 * each decided one by one ({@code decide}) and as a batch ({@code decideAll}), with the classic compiler
 * and the executable model.
 *
 * <p>Re-record only when a change of decisions is intended and reviewed:
 * {@code mvn -pl rules-bench test -Dtest=SameDecisionsTest -Dsiyu.record.decisions=true} writes the files into
 * the source tree.
 */
class SameDecisionsTest {
    private static final Clock TEN_AM = BenchPacks.DAYTIME;
    private static final Clock ELEVEN_PM = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneId.of("UTC"));
    private static final Path RECORDED = Path.of("src/test/resources/decisions");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("gaozi-samples-10am", BenchPacks.GAOZI, "samples", TEN_AM),
                Arguments.of("gaozi-samples-11pm", BenchPacks.GAOZI, "samples", ELEVEN_PM),
                Arguments.of("gaozi-bench", BenchPacks.GAOZI, "bench", TEN_AM),
                Arguments.of("skincare-bench", BenchPacks.DEFAULT_PACK, "bench", TEN_AM),
                Arguments.of("retail-bench", "io/siyu/rules/examples/packs/retail", "bench", TEN_AM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDecisionIsTheRecordedOne(String name, String packName, String customers, Clock clock) {
        Path dir = BenchPacks.directory(packName);
        try {
            for (CompileMode mode : CompileMode.values()) {
                RulePack pack = RulePack.load(dir, PackOptions.builder().clock(clock).compileMode(mode).build());
                List<Customer> set = "samples".equals(customers) ? samples(pack, dir) : CustomerSet.forPack(pack);
                DecisionJson json = pack.json();
                List<String> one = new ArrayList<>();
                for (Customer c : set) {
                    one.add(json.write(pack.decide(c)));
                }
                List<String> batch = pack.decideAll(set).stream().map(json::write).toList();
                boolean record = Boolean.getBoolean("siyu.record.decisions") && mode == CompileMode.CLASSIC;
                if (record) {
                    write(RECORDED.resolve(name + ".jsonl.gz"), one);
                }
                List<String> recorded = record ? one : read(name + ".jsonl.gz");
                assertThat(one).as("%s, %s, decide", name, mode).hasSize(recorded.size());
                for (int i = 0; i < recorded.size(); i++) {
                    assertThat(one.get(i)).as("%s, %s, decide, customer %s", name, mode, set.get(i).getId())
                            .isEqualTo(recorded.get(i));
                    assertThat(batch.get(i)).as("%s, %s, decideAll, customer %s", name, mode, set.get(i).getId())
                            .isEqualTo(recorded.get(i));
                }
            }
        } finally {
            BenchPacks.delete(dir);
        }
    }

    /** The Gaozi pack's sample customers ({@code samples/customers.jsonl}). */
    private static List<Customer> samples(RulePack pack, Path dir) {
        DecisionJson json = pack.json();
        List<Customer> out = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(dir.resolve("samples/customers.jsonl"), StandardCharsets.UTF_8)) {
                n++;
                if (!line.isBlank()) {
                    out.add(json.readCustomer("customers.jsonl", n, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(200);
        return out;
    }

    private static List<String> read(String resource) {
        InputStream in = SameDecisionsTest.class.getResourceAsStream("/decisions/" + resource);
        assertThat(in).as("recorded decisions %s", resource).isNotNull();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                 Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
