package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu report}: the arms, the variants (table and JSON), the HTML page, over a simulated experiment. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path pack;
    static String db;

    @BeforeAll
    static void experiment() {
        pack = ReportFixture.pack(tmp);
        db = ReportFixture.database(tmp);
    }

    private static Cli.Result siyu(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = db;
        all[args.length + 2] = "--pack";
        all[args.length + 3] = pack.toString();
        return Cli.run("", all);
    }

    @Test
    void theArmsAndTheUpliftVerdictInEnglishAndChinese() {
        Cli.Result en = siyu("report", "--locale", "en");
        assertThat(en.exitCode()).as(en.err()).isEqualTo(ExitCodes.OK);
        assertThat(en.out()).contains("Treatment arm, by funnel stage:", "Holdout arm (20.0%, sent nothing):",
                "treatment beats holdout: ");
        Cli.Result zh = siyu("report", "--locale", "zh_CN");
        assertThat(zh.out()).contains("实验组（按漏斗）：", "对照组（20.0%，不发送任何内容）：", "胜过");
    }

    @Test
    void variantsAsATableAndAsJson() throws Exception {
        Cli.Result table = siyu("report", "variants", "--locale", "en");
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("acne.motive a", "acne.motive b", "95% interval", "acne.motive: ");

        Cli.Result json = siyu("report", "variants", "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("holdoutPercent").asDouble()).isEqualTo(20.0);
        JsonNode motive = root.get("scripts").get(0);
        assertThat(motive.get("scriptId").asText()).isEqualTo("acne.motive");
        assertThat(motive.get("variants")).hasSize(2);
        JsonNode a = motive.get("variants").get(0).get("conversion");
        assertThat(a.get("low").asDouble()).isLessThan(a.get("rate").asDouble());
        assertThat(motive.get("comparison").get("a").asText()).isEqualTo("b");
        assertThat(root.get("uplift").get("outcome").asText()).isEqualTo("BETTER");
        long customers = root.get("treatment").get("trials").asLong() + root.get("holdout").get("trials").asLong();
        assertThat(customers).isEqualTo(4_000);
    }

    @Test
    void theHtmlPageIsOneFileThatNeedsNoNetwork() throws Exception {
        Path html = tmp.resolve("out/report.html");
        Cli.Result r = siyu("report", "--html", html.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("echarts", "id=\"funnel\"", "id=\"byDay\"", "id=\"forecast\"", "id=\"variants\"",
                "acne.motive b").doesNotContain("<script src", "<link", "@import");
        assertThat(Files.size(html)).isGreaterThan(1_000_000); // ECharts itself is inside
    }

    @Test
    void anHtmlFileThatCannotBeWrittenIsAUsageErrorSayingWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Cli.Result under = siyu("report", "--html", file.resolve("report.html").toString(), "--locale", "en");
        assertThat(under.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(under.err()).contains("--html " + file.resolve("report.html") + ": the page cannot be written there")
                .doesNotContain("Exception", "\tat ");
        assertThat(file).hasContent("mine");

        // No one may create files in a process's folder under /proc (root included).
        Path proc = Path.of("/proc/1");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "no /proc here");
        Cli.Result zh = siyu("report", "--html", proc.resolve("x.html").toString(), "--locale", "zh_CN");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).contains("--html /proc/1/x.html：");
    }

    @Test
    void aStoreThatCannotBeOpenedIsOneLine() {
        Cli.Result r = Cli.run("", "report", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--db-user", "x",
                "--pack", pack.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).startsWith("siyu report: ").doesNotContain("Exception");
    }
}
