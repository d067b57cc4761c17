package io.siyu.rules.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code siyu report --html} in a real browser: headless Chromium loads the file (no network: every flag that would
 * reach out is off), runs its scripts, and its DOM shows that every chart drew ({@code data-rendered}, set from
 * ECharts' {@code finished} event) and that no script error or {@code console.error} happened ({@code data-errors}).
 * Needs Debian's {@code chromium}: {@code .ci/run} installs it, and in CI ({@code CI=true}) a missing browser fails the
 * test; elsewhere it is skipped, saying so.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path tmp;

    static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI must render the HTML report in Chromium, but /usr/bin/chromium is missing (.ci/run installs "
                    + "Debian's chromium package)");
        }
        Assumptions.abort("no chromium binary (/usr/bin/chromium): install Debian's chromium package to run this test");
        return null;
    }

    /** Chromium's headless flags for a page that must not reach the network, with a profile of its own. */
    static List<String> headless(Path browser, Path profile) {
        return new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
    }

    @Test
    void everyChartDrawsAndThePageLogsNoError() throws Exception {
        Path browser = chromium();
        Path pack = ReportFixture.pack(tmp);
        String db = ReportFixture.database(tmp);
        Path html = tmp.resolve("report.html");
        Cli.Result r = Cli.run("", "report", "--html", html.toString(), "--pack", pack.toString(), "--db", db);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);

        List<String> command = headless(browser, tmp.resolve("profile"));
        // Virtual time runs the page's timers and frames to completion before the DOM is dumped.
        command.add("--virtual-time-budget=15000");
        command.add("--dump-dom");
        command.add(html.toUri().toString());
        Path dom = tmp.resolve("dom.html");
        Path log = tmp.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("chromium did not finish within 3 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String page = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(page).as("chromium's DOM (stderr: %s)", Files.readString(log, StandardCharsets.UTF_8))
                .contains("id=\"funnel\"");
        for (String chart : HtmlReport.CHARTS) {
            Matcher m = Pattern.compile("<div id=\"" + chart + "\"[^>]*>").matcher(page);
            assertThat(m.find()).as(chart).isTrue();
            assertThat(m.group()).as("chart " + chart + " drew").contains("data-rendered=\"true\"");
        }
        Matcher errors = Pattern.compile("<pre id=\"errors\" data-errors=\"(\\d+)\">([^<]*)</pre>").matcher(page);
        assertThat(errors.find()).as("the error box").isTrue();
        assertThat(errors.group(2)).as("errors the page logged").isEmpty();
        assertThat(errors.group(1)).isEqualTo("0");
        assertThat(page).contains("<canvas").contains("treatment beats holdout");
    }
}
