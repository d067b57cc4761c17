package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu decide}: JSON lines in, one JSON decision or error per line out. */
class DecideCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A hot customer, a blank line, an unknown field, not JSON, a failing script, a cold customer. */
    static final String MIXED = String.join("\n",
            "{\"id\":\"c1\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀\"]}",
            "",
            "{\"id\":\"c3\",\"codes\":\"3DU3\",\"bogus\":1}",
            "not json",
            "{\"id\":\"c5\",\"codes\":\"3DU3\",\"attributes\":{\"weatherAlert\":true,\"city\":\" \"}}",
            "   ",
            "{\"id\":\"c7\",\"remark\":\"王女士 3DU3\",\"messages\":[\"多少钱\"],\"attributes\":{\"nickname\":\"阿珍\"}}",
            "");

    @TempDir
    Path tmp;

    static List<JsonNode> parse(String out) {
        return out.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void aHotCustomerIsOfferedTheProductWithEveryFieldFilledIn() {
        Cli.Result r = Cli.run("{\"id\":\"c1\",\"answers\":{\"problems\":[\"acne\",\"closed\"],\"concern\":\"acne\","
                + "\"urgency\":\"now\"},\"messages\":[\"这个多少钱呀\"]}\n", "decide", "--clock", Cli.DAYTIME,
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = parse(r.out());
        assertThat(lines).hasSize(1);
        JsonNode d = lines.get(0);
        assertThat(d.get("line").asInt()).isEqualTo(1);
        assertThat(d.get("id").asText()).isEqualTo("c1");
        assertThat(d.get("action").asText()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.get("script").asText()).isEqualTo("acne.offer");
        assertThat(d.get("variant").isNull()).isTrue();
        assertThat(d.get("text").asText()).contains("高姿净痘精华");
        assertThat(d.get("intent").asText()).isEqualTo("HOT");
        assertThat(d.get("score").asInt()).isEqualTo(70);
        assertThat(d.get("reasons").toString()).isEqualTo("[{\"points\":40,\"reason\":\"希望越快改善越好\",\"rule\":\"越快越好\"},"
                + "{\"points\":30,\"reason\":\"问了价格或购买方式\",\"rule\":\"问了价格\"}]");
        assertThat(d.get("firedRules")).extracting(JsonNode::asText).containsExactly("越快越好", "问了价格", "痘痘直接推荐",
                "一问价就推荐");
        assertThat(d.get("vetoes")).isEmpty();
        assertThat(d.get("losing")).singleElement().satisfies(p -> {
            assertThat(p.get("action").asText()).isEqualTo("OFFER_PRODUCT");
            assertThat(p.get("rule").asText()).isEqualTo("痘痘直接推荐");
            assertThat(p.get("priority").asInt()).isEqualTo(90);
        });
        assertThat(d.get("packId").asText()).isEqualTo("skincare-test");
        assertThat(d.get("packVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    void badLinesGetAnErrorWithTheirLineNumberAndTheRestIsStillDecided() {
        Cli.Result r = Cli.run(MIXED, "decide", "--clock", Cli.DAYTIME, "--locale", "en", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = parse(r.out());
        assertThat(lines).extracting(n -> n.get("line").asInt()).containsExactly(1, 3, 4, 5, 7);

        assertThat(lines.get(0).get("action").asText()).isEqualTo("OFFER_PRODUCT");

        JsonNode unknownField = lines.get(1);
        // The line is a JSON object with an id: the error keeps it, so that the caller knows who failed.
        assertThat(unknownField.get("id").asText()).isEqualTo("c3");
        assertThat(unknownField.get("error").asText()).isEqualTo("<stdin> line 3: this customer record cannot be read.");
        assertThat(unknownField.get("diagnostics")).extracting(JsonNode::asText).singleElement().asString()
                .startsWith("<stdin>:3:27: Unknown field \"bogus\".");

        assertThat(lines.get(2).get("diagnostics").get(0).asText()).startsWith("<stdin>:4:");
        assertThat(lines.get(2).has("action")).isFalse();

        JsonNode failedDecision = lines.get(3);
        assertThat(failedDecision.get("id").asText()).isEqualTo("c5");
        assertThat(failedDecision.get("error").asText()).contains("city.tip");
        assertThat(failedDecision.get("diagnostics").get(0).asText()).startsWith("scripts.json:").contains("\"city\"");

        JsonNode restrained = lines.get(4);
        assertThat(restrained.get("id").asText()).isEqualTo("c7");
        assertThat(restrained.get("action").asText()).isEqualTo("STOP_GENTLY");
        assertThat(restrained.get("text").asText()).startsWith("阿珍，");
        assertThat(restrained.get("vetoes")).singleElement().satisfies(v -> {
            assertThat(v.get("action").asText()).isEqualTo("OFFER_PRODUCT");
            assertThat(v.get("script").asText()).isEqualTo("acne.offer");
            assertThat(v.get("reason").asText()).isEqualTo("需求还不强烈，先不推产品");
            assertThat(v.get("rule").asText()).isEqualTo("克制：需求未明确不推产品");
        });
    }

    @Test
    void anUnknownAnswerOptionIsReportedInChineseWithLocaleZhCn() {
        Cli.Result r = Cli.run("{\"id\":\"x\",\"answers\":{\"problems\":[\"acne\"],\"concern\":\"nonsense\","
                + "\"urgency\":\"now\"}}\n", "decide", "--locale", "zh_CN", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        JsonNode error = parse(r.out()).get(0);
        assertThat(error.get("error").asText()).isEqualTo("<stdin> 第 1 行：无法读取这条客户记录。");
        assertThat(error.get("diagnostics").get(0).asText()).startsWith("<stdin>:1:").contains("nonsense");
    }

    @Test
    void theClockDecidesWhetherItIsQuietHours() {
        String customer = "{\"id\":\"c-night\",\"codes\":\"3DU2\"}\n";

        JsonNode day = parse(Cli.run(customer, "decide", "--clock", Cli.DAYTIME, Cli.SKINCARE.toString()).out()).get(0);
        JsonNode night = parse(Cli.run(customer, "decide", "--clock", "2026-11-23T23:30:00+08:00",
                Cli.SKINCARE.toString()).out()).get(0);

        assertThat(day.get("action").asText()).isNotEqualTo("NONE");
        assertThat(night.get("action").asText()).isEqualTo("NONE");
        assertThat(night.get("script").isNull()).isTrue();
        assertThat(night.get("vetoes")).isNotEmpty().allSatisfy(v -> assertThat(v.get("reason").asText())
                .isEqualTo("免打扰时段"));
    }

    @Test
    void readsAnInputFileNamedInDiagnosticsAndSkipsAByteOrderMark() throws IOException {
        Path input = tmp.resolve("customers.jsonl");
        Files.writeString(input, "\uFEFF{\"id\":\"c1\",\"codes\":\"3DU3\"}\n{\"id\":\"c2\",\"codes\":\"3Q\"}\n",
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("", "decide", "--input", input.toString(), "--clock", Cli.DAYTIME,
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = parse(r.out());
        assertThat(lines.get(0).get("action").asText()).isEqualTo("STOP_GENTLY");
        assertThat(lines.get(1).get("diagnostics").get(0).asText()).startsWith(input + ":2:");
    }

    @Test
    void emptyInputDecidesNothingAndSucceeds() {
        Cli.Result r = Cli.run("\n\n", "decide", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        Cli.Result r = Cli.run("", "decide", "--input", tmp.resolve("none.jsonl").toString(), Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("--input: no such file: ");
    }

    @Test
    void aBrokenPackDecidesNothingAndListsItsProblemsOnStandardError() {
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "pack.json", "\"version\":", "\"version\"");

        Cli.Result r = Cli.run("{\"id\":\"c1\",\"codes\":\"3DU3\"}\n", "decide", "--locale", "en", pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("pack.json:3:13: This is not valid JSON here").endsWith("skincare: 1 error\n");
    }
    @Test
    void manyLinesOnSeveralThreadsComeOutInInputOrderExactlyAsOnOne() {
        // Far more lines than one chunk, with bad lines scattered so that chunks fail in different places.
        StringBuilder in = new StringBuilder();
        String[] shapes = MIXED.split("\n");
        for (int i = 0; i < 3 * CustomerLines.CHUNK_LINES + 17; i++) {
            in.append(shapes[i % shapes.length].replace("\"c", "\"c" + i + "-")).append('\n');
        }
        Cli.Result one = Cli.run(in.toString(), "decide", "--threads", "1", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());
        Cli.Result four = Cli.run(in.toString(), "decide", "--threads", "4", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());

        assertThat(four.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED).isEqualTo(one.exitCode());
        assertThat(four.out()).isEqualTo(one.out());
        List<Integer> numbers = parse(four.out()).stream().map(d -> d.get("line").asInt()).toList();
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        long nonBlank = in.toString().lines().filter(l -> !l.isBlank()).count();
        assertThat(numbers).hasSize((int) nonBlank);
    }

    @Test
    void fewerThanOneThreadIsAUsageError() {
        Cli.Result r = Cli.run("{\"id\":\"c1\",\"codes\":\"3DU3\"}\n", "decide", "--threads", "0",
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--threads must be 1 or more, got 0");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aValidPackTheExecutableModelCannotCompileIsDecidedWithoutTheCacheAfterOneWarning() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        // The classic build takes it (a text compared with the stage, in brackets, where the load-time type check does
        // not look); the executable model refuses it.
        Cli.edit(pack, "rules/intent.drl", "Customer( answered(\"urgency\", \"month\") )",
                "Customer( answered(\"urgency\", \"month\"), (stage != \"LEFT\") )");
        Path cache = tmp.resolve("cache");
        String customer = "{\"id\":\"c1\",\"codes\":\"34DU2\",\"messages\":[\"嗯\"]}\n";

        Cli.Result cached = Cli.run(customer, "decide", "--clock", Cli.DAYTIME, "--cache-dir", cache.toString(),
                "--locale", "en", pack.toString());
        Cli.Result plain = Cli.run(customer, "decide", "--clock", Cli.DAYTIME, "--no-cache", pack.toString());

        assertThat(cached.exitCode()).as(cached.err()).isEqualTo(ExitCodes.OK);
        assertThat(cached.out()).isEqualTo(plain.out());
        assertThat(cached.err().lines()).singleElement().asString()
                .startsWith("warning: " + pack + " is valid, but Drools' executable model").doesNotContain("src/main/java");
        assertThat(Files.exists(cache) ? entries(cache) : List.of()).as("nothing stored").isEmpty();
    }

    @Test
    void thePackIsCompiledOnceIntoTheCacheAndCompiledAgainWhenItsRulesChange() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Path cache = tmp.resolve("cache");
        String customer = "{\"id\":\"c1\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀\"]}\n";
        String[] args = {"decide", "--clock", Cli.DAYTIME, "--cache-dir", cache.toString(), pack.toString()};

        Cli.Result first = Cli.run(customer, args);
        List<Path> entries = entries(cache);
        Cli.Result second = Cli.run(customer, args);

        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(entries).as("one compiled pack stored by the first run").hasSize(1);
        assertThat(entries(cache)).as("the second run used it").isEqualTo(entries);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(parse(first.out()).get(0).get("winner").get("reason").asText()).isEqualTo("客户问了价格");

        // Never stale: a changed rule is a new entry, and decides as the file now says.
        Cli.edit(pack, "rules/propose.drl", "\"客户问了价格\"", "\"客户问了价格，推荐精华\"");
        Cli.Result changed = Cli.run(customer, args);

        assertThat(changed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(parse(changed.out()).get(0).get("winner").get("reason").asText()).isEqualTo("客户问了价格，推荐精华");
        assertThat(entries(cache)).hasSize(2).containsAll(entries);
    }

    @Test
    void aCacheDirThatIsEmptyOrAFileIsAUsageErrorBeforeAnythingIsWritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("customers.jsonl"), "{}\n");
        for (String dir : List.of("", " ", file.toString())) {
            Cli.Result r = Cli.run("", "decide", "--cache-dir", dir, "--locale", "en", Cli.SKINCARE.toString());
            assertThat(r.exitCode()).as(dir).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--cache-dir '" + dir + "' is not a folder siyu can keep compiled packs in");
        }
        Cli.Result zh = Cli.run("", "decide", "--cache-dir", "", "--locale", "zh_CN", Cli.SKINCARE.toString());
        assertThat(zh.err()).contains("不是 siyu 能存放编译结果的文件夹");
        assertThat(file).hasContent("{}\n");
    }

    @Test
    void aPacksWarningsAreSaidOnStandardErrorAndTheDecisionsStillMade() throws IOException {
        Path pack = Cli.copyOfSkincare(tmp);
        Cli.edit(pack, "funnel.json", "\"timezone\": \"Asia/Shanghai\"", "\"timezone\": \"Europe/Berlin\"");
        String customer = "{\"id\":\"c1\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀\"]}\n";

        Cli.Result r = Cli.run(customer, "decide", "--clock", Cli.DAYTIME, "--no-cache", "--locale", "en",
                pack.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(parse(r.out())).singleElement().satisfies(d -> assertThat(d.get("id").asText()).isEqualTo("c1"));
        assertThat(r.err().lines()).singleElement().asString().startsWith("funnel.json:").contains("warning: ",
                "Europe/Berlin");
    }

    @Test
    void noCacheStoresNothingAndDecidesTheSame() {
        Path cache = tmp.resolve("cache");
        String customer = "{\"id\":\"c1\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀\"]}\n";

        Cli.Result cached = Cli.run(customer, "decide", "--clock", Cli.DAYTIME, "--cache-dir", tmp.resolve("other")
                .toString(), Cli.SKINCARE.toString());
        Cli.Result uncached = Cli.run(customer, "decide", "--clock", Cli.DAYTIME, "--no-cache",
                Cli.SKINCARE.toString());

        assertThat(uncached.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(uncached.out()).isEqualTo(cached.out());
        assertThat(cache).doesNotExist();
    }

    @Test
    void noCacheWithACacheDirectoryIsAUsageErrorInEnglishAndChinese() {
        for (String[] locale : new String[][]{{"en", "--no-cache and --cache-dir /x/c contradict each other"},
                {"zh_CN", "--no-cache 与 --cache-dir /x/c 互相矛盾"}}) {
            Cli.Result r = Cli.run("{\"id\":\"c1\",\"codes\":\"3DU3\"}\n", "decide", "--locale", locale[0],
                    "--no-cache", "--cache-dir", "/x/c", Cli.SKINCARE.toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains(locale[1]);
            assertThat(r.out()).isEmpty();
        }
    }

    /** The cache's entries (one directory per compiled pack). */
    private static List<Path> entries(Path cache) throws IOException {
        try (var list = Files.list(cache)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
