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

    private static final String AT = "\"customerId\":\"c1\",\"timestamp\":\"2026-11-23T02:00:00Z\"";

    @Test
    void aTagTheCodebookDoesNotHaveIsThatEventsErrorAndNothingIsStored() {
        String gaozi = ExamplePacks.gaozi().toString();
        String events = String.join("\n",
                "{\"type\":\"Surveyed\",\"eventId\":\"s1\"," + AT
                        + ",\"tags\":[{\"questionId\":\"concern\",\"optionId\":\"zzz\",\"code\":\"Q\"}]}",
                "{\"type\":\"Surveyed\",\"eventId\":\"s2\"," + AT
                        + ",\"tags\":[{\"questionId\":\"concern\",\"optionId\":\"acne\",\"code\":\"Q\"}]}",
                "{\"type\":\"Surveyed\",\"eventId\":\"s3\"," + AT
                        + ",\"tags\":[{\"questionId\":\"concerns\",\"optionId\":\"acne\",\"code\":\"D\"}]}",
                "");
        Cli.Result result = siyu(events, "funnel", "record", "--pack", gaozi, "--locale", "en");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(result.out());
        assertThat(lines).extracting(l -> l.get("error").asText()).containsExactly(
                "<stdin>:1:131: The question \"concern\" has no option \"zzz\". Its options: dry, oily, closed, acne, "
                        + "spots, sensitive, pores, wrinkles. (at tags[0].optionId)",
                "<stdin>:2:145: The option \"acne\" of the question \"concern\" has the code \"D\" in the codebook, "
                        + "not \"Q\": write \"D\", or check the option. (at tags[0].code)",
                "<stdin>:3:110: The tag names the question \"concerns\", which is not in " + gaozi + "/codebook.json. "
                        + "Its questions: "
                        + "problems, concern, skin, urgency, budget. (at tags[0].questionId)");
        Cli.Result report = siyu("", "funnel", "report", "--json");
        assertThat(report.out()).as("nothing stored").doesNotContain("\"Q\"").doesNotContain("zzz");
    }

    @Test
    void aBadEventLineGetsTypedDiagnosticsInTheUsersLanguage() {
        String events = String.join("\n",
                "{\"type\":\"MessageReceived\",\"eventId\":\"m1\"," + AT + ",\"text\":\"hi\"}",
                "{\"type\":\"Added\",\"eventId\":\"a1\",\"timestamp\":\"2026-11-23T02:00:00Z\"}",
                "{\"type\":\"Bought\",\"eventId\":\"b1\"," + AT + "}",
                "{\"type\":\"Purchased\",\"eventId\":\"o1\"," + AT + ",\"amountFen\":\"299\"}",
                "{\"type\":\"Added\",\"eventId\":\"a9\",\"customerId\":\"c9\",\"timestamp\":\"2027-01-01T02:00:00Z\"}",
                "{\"type\":\"Added\",\"eventId\":\"a2\"," + AT + ",}",
                "");
        List<JsonNode> en = DecideCommandTest.parse(siyu(events, "funnel", "record", "--locale", "en").out());
        assertThat(en).extracting(l -> l.has("error") ? l.get("error").asText() : l.get("outcome").asText())
                .containsExactly(
                        "<stdin>:1:95: Unknown field \"text\". The fields allowed here are: type, eventId, customerId, "
                                + "timestamp. (at text)",
                        "<stdin>:2:1: The field \"customerId\" is missing: add it at the top level (inside the "
                                + "outermost { … }). (at customerId)",
                        "<stdin>:3:9: \"Bought\" is not a kind of event. The kinds are: Added, Surveyed, "
                                + "MessageReceived, Purchased, LeftGroup, OptedOut, Blocked, Sent. (at type)",
                        "<stdin>:4:101: amountFen must be a whole number of fen from 0 to 1000000000000 (29900 is 299 "
                                + "yuan; the most is 10 billion yuan), but it is \"299\". (at amountFen)",
                        "Event a9 of customer c9 happened at 2027-01-01T02:00:00Z, after today (2026-11-26); check the "
                                + "clock of the system that sent it.",
                        "APPLIED");
        List<JsonNode> zh = DecideCommandTest.parse(siyu(events, "funnel", "record", "--locale", "zh_CN").out());
        assertThat(zh.get(0).get("error").asText()).startsWith("<stdin>:1:95: ").doesNotContain("Unrecognized")
                .doesNotContain("Unknown field");
        assertThat(zh.get(1).get("error").asText()).contains("customerId").doesNotContain("creator");
        assertThat(zh.get(2).get("error").asText()).contains("\"Bought\" 不是事件的种类");
        assertThat(zh.get(4).get("error").asText()).startsWith("客户 c9 的事件 a9 发生于");
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
    void anEventIdSentAgainWithOtherContentIsReportedAsAConflictAndExitsWithTwo() {
        String order = "{\"type\":\"Purchased\",\"eventId\":\"order-9\",\"customerId\":\"c9\","
                + "\"timestamp\":\"2026-11-23T02:10:00Z\",\"amountFen\":%d}\n";
        assertThat(siyu(order.formatted(29_900), "funnel", "record").exitCode()).isEqualTo(ExitCodes.OK);

        Cli.Result again = siyu(order.formatted(29_900) + order.formatted(19_900), "funnel", "record", "--locale",
                "zh_CN");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(again.out());
        assertThat(lines).extracting(l -> l.get("outcome").asText()).containsExactly("DUPLICATE", "CONFLICT");
        assertThat(lines.get(0).has("problem")).isFalse();
        assertThat(lines.get(1).get("problem").asText()).contains("order-9", "以第一次记录为准");
        JsonNode total = DecideCommandTest.parse(siyu("", "funnel", "report", "--json").out()).get(0).get("total");
        assertThat(total.get("revenueFen").asLong()).as("the first recording stands").isEqualTo(29_900);
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
    void advancingToADayAlreadyCrossedSaysNothingWasMoved() {
        siyu(EVENTS, "funnel", "record");
        assertThat(siyu("", "funnel", "advance", "--date", "2026-11-25").outLines())
                .startsWith("advanced through 2026-11-25");

        for (String day : new String[]{"2020-01-01", "2026-11-25"}) {
            Cli.Result again = siyu("", "funnel", "advance", "--date", day);
            assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(again.outLines()).containsExactly("The funnel had already advanced through 2026-11-25; " + day
                    + " is not after it, so nothing was moved (journeys never move backwards). To advance, give a "
                    + "later --date, or none for today.");
        }
        Cli.Result zh = siyu("", "funnel", "advance", "--date", "2020-01-01", "--locale", "zh_CN");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(zh.out()).startsWith("漏斗已推进到 2026-11-25；2020-01-01 不在其之后，因此没有移动任何客户旅程");

        Cli.Result later = siyu("", "funnel", "advance", "--date", "2026-11-26", "--locale", "zh_CN");
        assertThat(later.outLines()).first().isEqualTo("已推进到 2026-11-26");
    }

    @Test
    void aDayAfterTodayIsRefusedSoLaterAdvancesAndNewCustomersStillWork() {
        siyu(EVENTS, "funnel", "record");

        Cli.Result future = siyu("", "funnel", "advance", "--date", "2031-01-01");
        assertThat(future.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(future.out()).isEmpty();
        assertThat(future.err().lines()).singleElement().asString().isEqualTo("siyu funnel: Cannot advance the funnel "
                + "to 2031-01-01: it is after today (2026-11-26) by the funnel's clock, and an advance cannot be undone. "
                + "Give today or an earlier day, or check the clock (and timezone) of the machine.");
        Cli.Result zh = siyu("", "funnel", "advance", "--date", "2026-11-27", "--locale", "zh_CN");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).startsWith("siyu funnel: 无法把漏斗推进到 2026-11-27：它晚于漏斗时钟的今天（2026-11-26）");

        Cli.Result today = siyu("", "funnel", "advance", "--date", "2026-11-25");
        assertThat(today.exitCode()).as("nothing was advanced by the refused days").isEqualTo(ExitCodes.OK);
        assertThat(today.outLines()).containsExactly("advanced through 2026-11-25",
                "1 journeys moved, 1 put into groups");
        assertThat(siyu("", "funnel", "advance").outLines()).first().isEqualTo("advanced through 2026-11-26");
    }

    @Test
    void aDatabaseFileHeldByARunningServiceIsSaidSoInTheUsersLanguage() throws Exception {
        siyu("", "funnel", "report");
        // The service's H2 holds a lock on the file; taken here through the file itself.
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(tmp.resolve("funnel.mv.db"),
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = file.lock()) {
            Cli.Result zh = siyu("", "funnel", "report", "--locale", "zh_CN");

            assertThat(zh.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(zh.err().lines()).singleElement().asString().contains("正被另一个程序使用")
                    .doesNotContain("Database may be", "请检查地址");
        }
        assertThat(siyu("", "funnel", "report").exitCode()).as("usable again once released").isEqualTo(ExitCodes.OK);
    }

    @Test
    void anAbsurdAmountIsThatLinesErrorAndTheNextLinesAreRecorded() {
        String events = "{\"type\":\"Purchased\",\"eventId\":\"p-1\",\"customerId\":\"c1\","
                + "\"timestamp\":\"2026-11-23T02:10:00Z\",\"amountFen\":9223372036854775000}\n"
                + "{\"type\":\"Added\",\"eventId\":\"a-1\",\"customerId\":\"c2\",\"timestamp\":\"2026-11-23T02:00:00Z\"}\n";

        Cli.Result r = siyu(events, "funnel", "record");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = DecideCommandTest.parse(r.out());
        assertThat(lines.get(0).get("error").asText()).contains("amountFen", "the most is 10 billion yuan");
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("APPLIED");
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

    @Test
    void aDatabaseWithoutABundledDriverNamesTheOnesThisSiyuOpens() {
        for (String url : new String[]{"jdbc:mysql://localhost/x", "jdbc:sqlserver://db;databaseName=crm",
                "jbdc:h2:file:./typo", "siyu-funnel.db"}) {
            Cli.Result en = Cli.run("", "funnel", "report", "--db", url);
            assertThat(en.exitCode()).as(url).isEqualTo(ExitCodes.USAGE);
            assertThat(en.err()).as(url).contains("--db " + url + ": this siyu opens H2, PostgreSQL and MariaDB "
                    + "databases only", "must start with jdbc:h2:", "jdbc:postgresql:", "or jdbc:mariadb:")
                    .doesNotContain("No suitable driver");
        }
        Cli.Result zh = Cli.run("", "funnel", "advance", "--db", "jdbc:mysql://localhost/x", "--locale", "zh_CN");
        assertThat(zh.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).contains("--db jdbc:mysql://localhost/x：此 siyu 只能打开 H2、PostgreSQL 和 MariaDB 数据库",
                "jdbc:h2:", "jdbc:postgresql:", "jdbc:mariadb:");
        Cli.Result log = Cli.run("", "explain", "--log", "jdbc:mysql://localhost/x", "--customer", "c1");
        assertThat(log.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(log.err()).contains("--log jdbc:mysql://localhost/x: this siyu opens H2, PostgreSQL and MariaDB");
    }

    /** PostgreSQL's reason ends with a full stop of its own; the message's sentence must end once. */
    @Test
    void aDriverReasonEndingInAStopIsNotFollowedByASecondOne() {
        for (String locale : new String[]{"en", "zh_CN"}) {
            Cli.Result r = Cli.run("", "funnel", "report", "--db", "jdbc:postgresql://127.0.0.1:1/none",
                    "--locale", locale);
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(r.err()).as(locale).contains("connections").doesNotContainPattern("[.。]\\s*[.。]");
        }
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
