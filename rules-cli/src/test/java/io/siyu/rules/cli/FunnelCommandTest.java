package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.siyu.rules.examples.ExamplePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu funnel}: events into a database, a day crossed, a day's plan and the numbers. */
class FunnelCommandTest {
    /** Day 0 (23 November 2026, Shanghai): an acne customer who does not buy, one who buys, a bad line. */
    static final String EVENTS = String.join("\n",
            "{\"type\":\"Added\",\"eventId\":\"a1\",\"customerId\":\"c1\",\"timestamp\":\"2026-11-23T02:00:00Z\"}",
            "{\"type\":\"Surveyed\",\"eventId\":\"s1\",\"customerId\":\"c1\",\"timestamp\":\"2026-11-23T02:01:00Z\","
                    + "\"tags\":[{\"questionId\":\"concern\",\"optionId\":\"acne\",\"code\":\"D\"}]}",
            "",
            "{\"type\":\"Purchased\",\"eventId\":\"o2\",\"customerId\":\"c2\",\"timestamp\":\"2026-11-23T03:00:00Z\"}",
            "not json at all",
            "{\"type\":\"Added\",\"eventId\":\"a2\",\"customerId\":\"c2\",\"timestamp\":\"2026-11-23T02:30:00Z\"}",
            "{\"type\":\"Purchased\",\"eventId\":\"o2\",\"customerId\":\"c2\",\"timestamp\":\"2026-11-23T03:00:00Z\","
                    + "\"amountFen\":29900}",
            "{\"type\":\"Added\",\"eventId\":\"a9\",\"customerId\":\"c9\",\"timestamp\":\"2027-01-01T02:00:00Z\"}",
            "");

    @TempDir
    Path tmp;

    private String db() {
        return "jdbc:h2:file:" + tmp.resolve("funnel").toAbsolutePath();
    }

    private Cli.Result siyu(String stdin, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = db();
        all[args.length + 2] = "--clock";
        all[args.length + 3] = "2026-11-26T10:00:00+08:00";
        return Cli.run(stdin, all);
    }

    @Test
    void recordsEveryGoodLineReportsEachBadOneByNumberAndIsSafeToRunAgain() {
        Cli.Result first = siyu(EVENTS, "funnel", "record");

        assertThat(first.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(first.out());
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 4, 5, 6, 7, 8);
        assertThat(lines.get(2).get("error").asText()).as("line 4: no amountFen").contains("amountFen");
        assertThat(lines.get(3).get("error").asText()).as("line 5").isNotBlank();
        assertThat(lines.get(4).get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(lines.get(5).get("customerId").asText()).isEqualTo("c2");
        assertThat(lines.get(5).get("stage").asText()).isEqualTo("CONVERTED");
        assertThat(lines.get(6).get("error").asText()).contains("after today");
        assertThat(first.err()).isEmpty();
        assertThat(Files.exists(tmp.resolve("funnel.mv.db"))).as("an H2 file").isTrue();

        Cli.Result again = siyu(EVENTS.lines().limit(2).reduce("", (a, b) -> a + b + "\n"), "funnel", "record");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(DecideCommandTest.parse(again.out())).extracting(l -> l.get("outcome").asText())
                .containsOnly("DUPLICATE");
    }

    @Test
    void advancesPlansAndReports() {
        siyu(EVENTS, "funnel", "record");

        Cli.Result advanced = siyu("", "funnel", "advance", "--date", "2026-11-25");
        assertThat(advanced.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(advanced.outLines()).containsExactly("advanced through 2026-11-25",
                "1 journeys moved, 1 put into groups");

        Cli.Result plan = siyu("", "funnel", "plan", "--date", "2026-11-25", "--pack", ExamplePacks.gaozi().toString());
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("Plan for 2026-11-25:", "D-2026-11-23-1 (seeding day 2)", "acne.seeding.d2",
                "0 customers on their day 0");

        Cli.Result report = siyu("", "funnel", "report", "--json");
        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode total = DecideCommandTest.parse(report.out()).get(0).get("total");
        assertThat(total.get("entered").asInt()).isEqualTo(2);
        assertThat(total.get("convertedDayZero").asInt()).isEqualTo(1);
        assertThat(total.get("revenueFen").asLong()).isEqualTo(29_900);
        assertThat(siyu("", "funnel", "report", "--locale", "zh_CN").out()).contains("合计", "advanced through 2026-11-25");
    }

    @Test
    void aWrongPasswordIsOneClearLineWithoutAStackTrace() {
        siyu("", "funnel", "report");
        Cli.Result wrong = siyu("", "funnel", "report", "--db-user", "sa", "--db-password", "guess");

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err().lines()).singleElement().asString()
                .startsWith("siyu funnel: Cannot use the funnel's database at jdbc:h2:file:")
                .contains("password").doesNotContain("guess");
    }

    /**
     * H2 prints its own stack trace on standard error and output when it cannot write its trace file beside a
     * database it cannot open; only siyu's one line may be printed. A real process: H2 writes to System.err/out.
     */
    @Test
    void anH2DatabaseUnderAFileIsOneClearLineWithoutH2sOwnTrace() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");

        Cli.Result r = Cli.spawn("", "funnel", "report", "--db", "jdbc:h2:file:" + file.resolve("db").toAbsolutePath());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("siyu funnel: Cannot use the funnel's database at jdbc:h2:file:");
    }

    @Test
    void aBadDateOrAMissingPackIsAUsageError() {
        assertThat(siyu("", "funnel", "advance", "--date", "tomorrow").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result plan = siyu("", "funnel", "plan", "--date", "2026-11-25");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan.err()).contains("Missing --pack");
    }
}
