package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.siyu.rules.funnel.Holdout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The holdout, the rule statistics and the decision log through the command line. */
class ClosingTheLoopCliTest {
    @TempDir
    Path tmp;

    private static String customers(int n) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < n; i++) {
            in.append("{\"id\":\"c").append(i).append("\",\"codes\":\"3DU2\",\"signals\":{\"replied\":true},")
                    .append("\"attributes\":{\"nickname\":\"小美\"}}\n");
        }
        return in.toString();
    }

    @Test
    void aHeldOutCustomerGetsNoTextFromSiyuDecideOrExplain() {
        Path pack = ReportFixture.pack(tmp);
        Cli.Result decided = Cli.run(customers(30), "decide", "--clock", Cli.DAYTIME, pack.toString());
        assertThat(decided.exitCode()).as(decided.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = DecideCommandTest.parse(decided.out());
        List<String> held = new ArrayList<>();
        for (JsonNode line : lines) {
            String id = line.get("id").asText();
            if (ReportFixture.HOLDOUT.holdsOut(id)) {
                held.add(id);
                assertThat(line.get("action").asText()).isEqualTo("HOLDOUT");
                assertThat(line.get("text").asText()).isEmpty();
                assertThat(line.get("script").isNull()).isTrue();
                assertThat(line.get("arm").asText()).isEqualTo("HOLDOUT");
                assertThat(line.get("counterfactual").get("script").asText()).isEqualTo("acne.motive");
            } else {
                assertThat(line.get("text").asText()).contains("小美");
                assertThat(line.get("arm").asText()).isEqualTo(Holdout.Arm.TREATMENT.name());
            }
            assertThat(line.get("decisionId").asText()).startsWith("d-");
        }
        assertThat(held).isNotEmpty();

        Cli.Result explained = Cli.run(customers(30), "explain", "--clock", Cli.DAYTIME, pack.toString());
        for (String block : explained.out().split("\n\n")) {
            if (held.stream().anyMatch(id -> block.startsWith("Customer " + id + " "))) {
                assertThat(block).contains("Action: HOLDOUT").doesNotContain("小美");
            }
        }
    }

    @Test
    void explainStatsPrintsWhatEachRuleDidAndFlagsTheRulesThatNeverFired() {
        Cli.Result r = Cli.run(customers(5), "explain", "--stats", "--clock", Cli.DAYTIME, Cli.SKINCARE.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("rule").contains("fires", "wins", "vetoes", "never fired",
                "5 decisions");
        Cli.Result zh = Cli.run(customers(5), "explain", "--stats", "--locale", "zh_CN", "--clock", Cli.DAYTIME,
                Cli.SKINCARE.toString());
        assertThat(zh.out()).contains("从未触发", "共 5 个决策");
    }

    @Test
    void explainLogReadsADecisionLogBackWithoutAPack() throws Exception {
        Path file = tmp.resolve("decisions.jsonl");
        io.siyu.rules.pack.DecisionLog log = io.siyu.rules.pack.DecisionLog.toFile(file).build();
        io.siyu.rules.pack.RulePack p = io.siyu.rules.pack.RulePack.load(Cli.SKINCARE,
                io.siyu.rules.pack.PackOptions.builder().listener(log).clock(java.time.Clock.fixed(
                        java.time.Instant.parse("2026-11-23T02:00:00Z"), java.time.ZoneOffset.UTC)).build());
        p.decide(io.siyu.rules.decision.Customer.builder("c7").tags(p.codebook().decode("3DU2")).replied(true)
                .attribute("nickname", "小美").build());
        log.close();

        Cli.Result r = Cli.run("", "explain", "--log", file.toString(), "--customer", "c7", "--date", "2026-11-23");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("2026-11-23T10:00 Asia/Shanghai — decision d-", "Customer c7",
                "STRENGTHEN_MOTIVE").doesNotContain("小美");
        assertThat(Cli.run("", "explain", "--log", file.toString(), "--customer", "c7", "--date", "2026-11-24").out())
                .startsWith("No decision for customer c7 on 2026-11-24");
        assertThat(Cli.run("", "explain", "--log", file.toString()).err()).contains("--log needs --customer");
        assertThat(Cli.run("", "explain").err()).startsWith("Missing required parameter: 'PACK'");
    }

    @Test
    void explainLogOfAMissingFileIsAUsageErrorAndOfACustomersFileNamesItsFirstLine() throws Exception {
        Cli.Result missing = Cli.run("", "explain", "--log", tmp.resolve("nonexistent.jsonl").toString(),
                "--customer", "c1", "--date", "2026-11-23");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("nonexistent.jsonl: no such file").doesNotContain("No decision");

        Path customers = Files.writeString(tmp.resolve("customers.jsonl"),
                "\n{\"id\":\"c1\",\"codes\":\"3DU3\",\"messages\":[\"多少钱\"]}\n", StandardCharsets.UTF_8);
        Cli.Result wrong = Cli.run("", "explain", "--log", customers.toString(), "--customer", "c9", "--locale", "en");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).contains(customers + " line 2 is not a decision-log line");

        Cli.Result zh = Cli.run("", "explain", "--log", customers.toString(), "--customer", "c9", "--locale", "zh_CN");
        assertThat(zh.err()).contains(customers + " 第 2 行不是决策日志的行");
    }

    @Test
    void siyuFunnelPlanGivesTheControlGroupNothing() {
        Path pack = ReportFixture.pack(tmp);
        String db = "jdbc:h2:file:" + tmp.resolve("plan-db").toAbsolutePath();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            events.append("{\"type\":\"Added\",\"eventId\":\"a").append(i).append("\",\"customerId\":\"c").append(i)
                    .append("\",\"timestamp\":\"2026-11-23T02:00:00Z\"}\n");
            events.append("{\"type\":\"Surveyed\",\"eventId\":\"s").append(i).append("\",\"customerId\":\"c")
                    .append(i).append("\",\"timestamp\":\"2026-11-23T02:01:00Z\",\"tags\":[{\"questionId\":\"concern\",")
                    .append("\"optionId\":\"acne\",\"code\":\"D\"}]}\n");
        }
        String clock = "2026-11-24T10:00:00+08:00";
        assertThat(Cli.run(events.toString(), "funnel", "record", "--pack", pack.toString(), "--db", db, "--clock",
                clock).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.run("", "funnel", "advance", "--pack", pack.toString(), "--db", db, "--clock", clock)
                .exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Result plan = Cli.run("", "funnel", "plan", "--date", "2026-11-24", "--pack", pack.toString(), "--db", db,
                "--clock", clock);
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("D-2026-11-23-1 (seeding day 1)").doesNotContain("holdout-");
        // The held-out customers were seated, in the control group, which the plan leaves out.
        Cli.Result report = Cli.run("", "funnel", "report", "--pack", pack.toString(), "--db", db, "--clock", clock);
        assertThat(report.out()).contains("holdout-D-2026-11-23-1", "D-2026-11-23-1");
    }

    @Test
    void explainLogReadsADatabaseDecisionLogToo() {
        String url = "jdbc:h2:file:" + tmp.resolve("log-db").toAbsolutePath();
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        try (com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(config)) {
            io.siyu.rules.jdbc.JdbcDecisionLog log = io.siyu.rules.jdbc.JdbcDecisionLog.builder(dataSource).build();
            io.siyu.rules.pack.RulePack p = io.siyu.rules.pack.RulePack.load(Cli.SKINCARE,
                    io.siyu.rules.pack.PackOptions.builder().listener(log).clock(java.time.Clock.fixed(
                            java.time.Instant.parse("2026-11-23T02:00:00Z"), java.time.ZoneOffset.UTC)).build());
            p.decide(io.siyu.rules.decision.Customer.builder("c8").tags(p.codebook().decode("3DU2")).replied(true)
                    .attribute("nickname", "小美").build());
            log.close();
        }
        Cli.Result r = Cli.run("", "explain", "--log", url, "--customer", "c8");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Customer c8", "STRENGTHEN_MOTIVE").doesNotContain("小美");
        Cli.Result down = Cli.run("", "explain", "--log", "jdbc:postgresql://127.0.0.1:1/none", "--customer", "c8");
        assertThat(down.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(down.err()).startsWith("siyu explain: ").doesNotContain("Exception");
    }
}
