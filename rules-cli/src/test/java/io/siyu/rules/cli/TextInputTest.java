package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that reads text lines reads them as strict UTF-8: a line in another encoding (GBK, what many Chinese
 * Windows editors save) is that line's error, naming the line and saying to save the file as UTF-8, never decided
 * on garbled text; the other lines still go through.
 */
class TextInputTest {
    private static final Charset GBK = Charset.forName("GBK");
    /** A customer whose remark, message and nickname are Chinese. */
    private static final String CHINESE = "{\"id\":\"c7\",\"remark\":\"王女士 3DU3\",\"messages\":[\"多少钱\"],"
            + "\"attributes\":{\"nickname\":\"阿珍\"}}";
    /** A customer with a four-byte character (an emoji) in a message. */
    private static final String PLAIN = "{\"id\":\"c1\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱呀💕\"]}";

    @TempDir
    Path tmp;

    /** Line 1 in GBK, line 2 in UTF-8: what a file pasted together from two editors holds. */
    private static byte[] gbkThenUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((CHINESE + "\n").getBytes(GBK));
        bytes.writeBytes((PLAIN + "\n").getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @Test
    void decideReportsAGbkLineByNumberAndStillDecidesTheOthers() {
        Cli.Result r = Cli.run(gbkThenUtf8(), "decide", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(r.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).has("action")).as("not decided").isFalse();
        assertThat(lines.get(0).get("error").asText()).contains("<stdin> line 1", "GBK", "not UTF-8",
                "Save the file as UTF-8");
        assertThat(lines.get(0).get("diagnostics").get(0).asText()).startsWith("<stdin>:1:");
        assertThat(lines.get(1).get("id").asText()).isEqualTo("c1");
        assertThat(lines.get(1).get("action").asText()).isEqualTo("OFFER_PRODUCT");
        assertThat(r.out()).doesNotContain("\uFFFD");
    }

    @Test
    void theMessageIsChineseUnderZhCnAndNamesTheInputFile() throws IOException {
        Path file = tmp.resolve("customers.jsonl");
        Files.write(file, gbkThenUtf8());

        Cli.Result r = Cli.run("", "decide", "--clock", Cli.DAYTIME, "--locale", "zh_CN", "--input", file.toString(),
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(DecideCommandTest.parse(r.out()).get(0).get("error").asText())
                .contains(file + " 第 1 行是 GBK/GB18030 文本", "另存为 UTF-8");
    }

    @Test
    void explainAndExplainStatsReportTheLineToo() {
        Cli.Result explain = Cli.run(gbkThenUtf8(), "explain", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());
        assertThat(explain.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(explain.out()).contains("Line 1: ERROR <stdin> line 1 is GBK/GB18030 text", "Customer c1");

        Cli.Result stats = Cli.run(gbkThenUtf8(), "explain", "--stats", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());
        assertThat(stats.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(stats.err()).contains("Line 1: ERROR <stdin> line 1 is GBK/GB18030 text");
    }

    @Test
    void utf16IsNamedAsSuch() {
        Cli.Result r = Cli.run((PLAIN + "\n").getBytes(StandardCharsets.UTF_16LE), "decide", "--clock", Cli.DAYTIME,
                "--locale", "en", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(DecideCommandTest.parse(r.out()).get(0).get("error").asText()).contains("line 1 is UTF-16 text");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreFine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes((PLAIN + "\r\n" + CHINESE + "\r\n").getBytes(StandardCharsets.UTF_8));

        Cli.Result r = Cli.run(bytes.toByteArray(), "decide", "--clock", Cli.DAYTIME, Cli.SKINCARE.toString());

        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(DecideCommandTest.parse(r.out())).extracting(l -> l.get("id").asText()).containsExactly("c1", "c7");
    }

    @Test
    void funnelRecordReportsAGbkEventLineAndRecordsTheOthers() {
        String db = "jdbc:h2:file:" + tmp.resolve("funnel").toAbsolutePath();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("{\"type\":\"Added\",\"eventId\":\"加-1\",\"customerId\":\"小美\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\"}\n").getBytes(GBK));
        bytes.writeBytes(("{\"type\":\"Added\",\"eventId\":\"a2\",\"customerId\":\"c2\","
                + "\"timestamp\":\"2026-11-23T02:30:00Z\"}\n").getBytes(StandardCharsets.UTF_8));

        Cli.Result r = Cli.run(bytes.toByteArray(), "funnel", "record", "--db", db, "--locale", "en", "--clock",
                "2026-11-26T10:00:00+08:00");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(r.out());
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("error").asText()).contains("<stdin> line 1 is GBK/GB18030 text",
                "Save the file as UTF-8");
        assertThat(lines.get(1).get("customerId").asText()).isEqualTo("c2");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aDecisionLogThatIsNotUtf8IsAnErrorNamingItsLine() throws IOException {
        Path log = tmp.resolve("decisions.jsonl");
        Files.write(log, (CHINESE + "\n").getBytes(GBK));

        Cli.Result r = Cli.run("", "explain", "--log", log.toString(), "--customer", "c7", "--locale", "en");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(log + " line 1 is GBK/GB18030 text", "Save the file as UTF-8");
    }

    /** Any lines of text written as UTF-8 read back the same, with their numbers, whatever the line ends. */
    @Property
    void utf8LinesReadBackWhatWasWritten(@ForAll @Size(max = 20) List<@Chars({'a', '{', '"', ' ', '小', '美', '\u20ac',
            '\u00e9', '\t'}) String> lines, @ForAll boolean crlf, @ForAll boolean finalBreak) throws IOException {
        String separator = crlf ? "\r\n" : "\n";
        String text = String.join(separator, lines) + (finalBreak && !lines.isEmpty() ? separator : "");
        List<String> read = new ArrayList<>();
        try (Utf8Lines in = new Utf8Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            for (Utf8Lines.Line line = in.next(); line != null; line = in.next()) {
                assertThat(line.isUtf8()).isTrue();
                assertThat(line.number()).isEqualTo(read.size() + 1);
                read.add(line.text());
            }
        }
        // As with BufferedReader: text after the last line break is a line only when it is not empty.
        List<String> expected = new ArrayList<>(lines);
        if (!finalBreak && !expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1);
        }
        assertThat(read).isEqualTo(expected);
    }

    /** A line in GBK among UTF-8 lines is reported with its number; the lines after it still read. */
    @Property
    void aGbkLineIsFoundAmongUtf8Lines(@ForAll @Size(min = 1, max = 10) List<@NotEmpty @Chars({'a', '小', '美'})
            String> lines, @ForAll("indexes") int pick) throws IOException {
        int bad = pick % lines.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == bad ? "客户" + lines.get(i) : lines.get(i);
            bytes.writeBytes((line + "\n").getBytes(i == bad ? GBK : StandardCharsets.UTF_8));
        }
        try (Utf8Lines in = new Utf8Lines(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < lines.size(); i++) {
                Utf8Lines.Line line = in.next();
                assertThat(line.number()).isEqualTo(i + 1);
                if (i == bad) {
                    assertThat(line.notUtf8().encoding()).isEqualTo(io.siyu.rules.diagnostic.SavedEncoding.GB18030);
                } else {
                    assertThat(line.text()).isEqualTo(lines.get(i));
                }
            }
            assertThat(in.next()).isNull();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> indexes() {
        return net.jqwik.api.Arbitraries.integers().between(0, 1000);
    }
}
