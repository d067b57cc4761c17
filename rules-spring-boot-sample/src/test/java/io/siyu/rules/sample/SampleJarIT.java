package io.siyu.rules.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as it is shipped: {@code target/rules-spring-boot-sample.jar} started with {@code java -jar} on a free
 * loopback port, every endpoint called, real outcomes checked, then stopped. On an H2 file, and on PostgreSQL when
 * {@code SIYU_TEST_POSTGRES_URL} is set (CI sets it; there it must be).
 */
class SampleJarIT {
    /** Monday 30 November 2026, 10:00 in Shanghai: outside the Gaozi pack's quiet hours (22:00-08:00). */
    private static final String NOW = "2026-11-30T02:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = SampleProcess.JAR.toAbsolutePath().getParent();

    @Test
    void onAnH2File() throws Exception {
        Path data = Files.createTempDirectory(TARGET, "sample-h2-");
        try (SampleProcess sample = SampleProcess.start(TARGET.resolve("sample-it-h2.log"),
                List.of("--crm.data-dir=" + data, "--siyu.rules.clock.fixed=" + NOW))) {
            exercise(sample);
        }
        assertThat(data.resolve("crm.mv.db")).as("the H2 file under crm.data-dir").exists();
    }

    @Test
    void onPostgreSql() throws Exception {
        String url = System.getenv("SIYU_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI must run the sample on PostgreSQL: SIYU_TEST_POSTGRES_URL is not set");
            }
            Assumptions.abort("no PostgreSQL: set SIYU_TEST_POSTGRES_URL (and _USER, _PASSWORD) to run the sample on one");
        }
        String user = System.getenv("SIYU_TEST_POSTGRES_USER");
        String password = System.getenv("SIYU_TEST_POSTGRES_PASSWORD");
        // A schema of its own, so that this run neither sees nor leaves data of other tests in the database.
        String schema = "sample_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (SampleProcess sample = SampleProcess.start(TARGET.resolve("sample-it-postgres.log"), List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                        + "&reWriteBatchedInserts=true",
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--siyu.rules.clock.fixed=" + NOW))) {
            exercise(sample);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                 var rows = s.executeQuery("SELECT count(*) FROM " + schema + ".siyu_funnel_event")) {
                rows.next();
                assertThat(rows.getInt(1)).as("events in PostgreSQL").isEqualTo(5);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop " + schema + ": " + e.getMessage());
            }
        }
    }

    /** Every endpoint, with the outcomes a CRM team relies on. */
    private static void exercise(SampleProcess sample) throws Exception {
        try {
            awaitReady(sample);
            decide(sample);
            events(sample);
            report(sample);
            plan(sample);
            actuator(sample);
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n--- the sample's output ---\n" + sample.output(), e);
        }
    }

    /** Polls readiness; while the pack builds, a request that needs it gets 503 with a JSON body. */
    private static void awaitReady(SampleProcess sample) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean checkedNotReady = false;
        while (System.nanoTime() < deadline) {
            assertThat(sample.isAlive()).as("the sample is running").isTrue();
            HttpResponse<String> readiness;
            try {
                readiness = sample.get("/actuator/health/readiness");
            } catch (ConnectException notListeningYet) {
                Thread.sleep(200);
                continue;
            }
            if (readiness.statusCode() == 200) {
                assertThat(JSON.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
                System.out.println("sample ready; a request was answered 503 before: " + checkedNotReady);
                return;
            }
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            if (!checkedNotReady) {
                HttpResponse<String> early = sample.post("/decide", HOT);
                if (early.statusCode() == 503) {
                    JsonNode body = JSON.readTree(early.body());
                    assertThat(body.path("error").asText()).isEqualTo("not-ready");
                    assertThat(body.path("message").asText()).contains("classpath:packs/gaozi").contains("being built");
                    assertThat(early.headers().firstValue("Retry-After")).contains("5");
                    checkedNotReady = true;
                } else {
                    assertThat(early.statusCode()).as("the pack became ready meanwhile").isEqualTo(200);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sample was not ready within 90 s");
    }

    private static final String HOT = "{\"id\":\"c-hot\",\n \"codes\":\"3DU1P2\",\n \"messages\":[\"这个多少钱呀\"],\n"
            + " \"signals\":{\"replied\":true},\n \"attributes\":{\"nickname\":\"小美\",\"welfare\":\"sent\"}}";

    private static void decide(SampleProcess sample) throws Exception {
        HttpResponse<String> hot = sample.post("/decide", HOT);
        assertThat(hot.statusCode()).as(hot.body()).isEqualTo(200);
        JsonNode decision = JSON.readTree(hot.body());
        assertThat(decision.path("id").asText()).isEqualTo("c-hot");
        assertThat(decision.path("action").asText()).isEqualTo("OFFER_PRODUCT");
        assertThat(decision.path("script").asText()).isEqualTo("acne.offer");
        assertThat(decision.path("intent").asText()).isEqualTo("HOT");
        assertThat(decision.path("packId").asText()).isEqualTo("gaozi");
        assertThat(decision.path("text").asText()).isNotBlank();

        HttpResponse<String> bad = sample.post("/decide",
                "{\"id\": \"c-bad\",\n \"messages\": [\"hi\", 3],\n \"signals\": {\"silentHours\": \"two\"}}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode problems = JSON.readTree(bad.body());
        assertThat(problems.path("error").asText()).isEqualTo("bad-customer");
        List<String> paths = new ArrayList<>();
        problems.path("problems").forEach(p -> paths.add(p.path("path").asText() + "@" + p.path("line").asInt()));
        assertThat(paths).containsExactlyInAnyOrder("messages[1]@2", "signals.silentHours@3");
    }

    /** Day 0 is 23 November; c-1 surveyed (acne), c-2 bought on day 0; the Added of c-1 is sent twice. */
    private static final String EVENTS = """
            [{"type":"Added","eventId":"a-1","customerId":"c-1","timestamp":"2026-11-23T02:00:00Z"},
             {"type":"Surveyed","eventId":"s-1","customerId":"c-1","timestamp":"2026-11-23T02:05:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"D"}]},
             {"type":"Added","eventId":"a-2","customerId":"c-2","timestamp":"2026-11-23T03:00:00Z"},
             {"type":"Purchased","eventId":"p-2","customerId":"c-2","timestamp":"2026-11-23T04:00:00Z","amountFen":29900},
             {"type":"MessageReceived","eventId":"m-1","customerId":"c-1","timestamp":"2026-11-25T04:00:00Z"}]
            """;

    private static void events(SampleProcess sample) throws Exception {
        HttpResponse<String> first = sample.post("/events", EVENTS);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        List<String> outcomes = new ArrayList<>();
        JSON.readTree(first.body()).path("recorded").forEach(r -> outcomes.add(r.path("outcome").asText()));
        assertThat(outcomes).hasSize(5).doesNotContain("DUPLICATE");

        HttpResponse<String> again = sample.post("/events",
                "{\"type\":\"Added\",\"eventId\":\"a-1\",\"customerId\":\"c-1\",\"timestamp\":\"2026-11-23T02:00:00Z\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode duplicate = JSON.readTree(again.body()).path("recorded").get(0);
        assertThat(duplicate.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.path("groupId").asText()).isEqualTo("D-2026-11-23-1");

        HttpResponse<String> bad = sample.post("/events", "{\"type\":\"Teleported\",\"eventId\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("bad-event");
        assertThat(JSON.readTree(bad.body()).path("problems").get(0).path("path").asText()).as(bad.body())
                .isEqualTo("type");
    }

    private static void report(SampleProcess sample) throws Exception {
        HttpResponse<String> response = sample.get("/report");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode total = JSON.readTree(response.body()).path("total");
        assertThat(total.path("entered").asInt()).as(response.body()).isEqualTo(2);
        assertThat(total.path("convertedDayZero").asInt()).isEqualTo(1);
        assertThat(total.path("grouped").asInt()).isEqualTo(1);
        assertThat(total.path("buyers").asInt()).isEqualTo(1);
        assertThat(total.path("revenueFen").asLong()).isEqualTo(29900);
    }

    private static void plan(SampleProcess sample) throws Exception {
        HttpResponse<String> response = sample.get("/plan?date=2026-11-26");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(response.body());
        assertThat(plan.path("date").asText()).isEqualTo("2026-11-26");
        JsonNode group = plan.path("groups").get(0);
        assertThat(group).as(response.body()).isNotNull();
        assertThat(group.path("groupId").asText()).isEqualTo("D-2026-11-23-1");
        assertThat(group.path("stage").asText()).isEqualTo("SEEDING");
        assertThat(group.path("content").get(0).path("text").asText()).isNotBlank();
        assertThat(sample.get("/plan?date=tomorrow").statusCode()).isEqualTo(400);
    }

    private static void actuator(SampleProcess sample) throws Exception {
        HttpResponse<String> health = sample.get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode rules = JSON.readTree(health.body()).path("components").path("siyuRules");
        assertThat(rules.path("status").asText()).isEqualTo("UP");
        assertThat(rules.path("details").path("pack").asText()).isEqualTo("gaozi");

        HttpResponse<String> info = sample.get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode pack = JSON.readTree(info.body()).path("siyuRules");
        assertThat(pack.path("pack").asText()).isEqualTo("gaozi");
        assertThat(pack.path("rules").asInt()).isGreaterThan(10);
        assertThat(pack.path("scripts").asInt()).isGreaterThan(10);
        assertThat(pack.path("ready").asBoolean()).isTrue();

        HttpResponse<String> decisions = sample.get("/actuator/metrics/siyu.decisions");
        assertThat(decisions.statusCode()).as(decisions.body()).isEqualTo(200);
        assertThat(count(decisions.body())).as("one customer decided (the bad body was not)").isEqualTo(1.0);
        HttpResponse<String> offers = sample.get("/actuator/metrics/siyu.decisions?tag=action:OFFER_PRODUCT&tag=intent:HOT");
        assertThat(count(offers.body())).isEqualTo(1.0);
        HttpResponse<String> added = sample.get("/actuator/metrics/siyu.funnel.events?tag=kind:Added");
        assertThat(count(added.body())).as("the Added sent twice is counted once").isEqualTo(2.0);
        assertThat(sample.get("/actuator/siyurules").statusCode()).as("the reload endpoint is off").isEqualTo(404);
    }

    private static double count(String metric) throws IOException {
        for (JsonNode m : JSON.readTree(metric).path("measurements")) {
            if (m.path("statistic").asText().equals("COUNT")) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }

    @Test
    void aBrokenPackStopsTheStartWithItsProblemsInAFewLines() throws Exception {
        Path pack = Files.createTempDirectory(TARGET, "broken-pack-");
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"broken\", \"version\": \"1\"}");
        Files.createDirectories(pack.resolve("rules"));
        Files.writeString(pack.resolve("rules/intent.drl"), """
                rule "big feet"
                    ruleflow-group "intent"
                when
                    Customer( shoeSize > 40 )
                then
                    intent.add(10, "big feet");
                end
                """);
        Path data = Files.createTempDirectory(TARGET, "sample-broken-");
        try (SampleProcess sample = SampleProcess.start(TARGET.resolve("sample-it-broken.log"), List.of(
                "--siyu.rules.pack=file:" + pack, "--siyu.rules.startup=blocking", "--crm.data-dir=" + data))) {
            assertThat(sample.waitForExit(Duration.ofSeconds(90))).isNotZero();
            String output = sample.output();
            int report = output.indexOf("APPLICATION FAILED TO START");
            assertThat(report).as(output).isPositive();
            String failure = output.substring(report);
            assertThat(failure).contains("The rule pack in " + pack + " cannot be loaded: 1 problem(s).")
                    .containsPattern("\n    rules/intent\\.drl:4:\\d+: Customer has no field or test \"shoeSize\"")
                    .contains("siyu check");
            assertThat(failure.lines().count()).as(failure).isLessThan(25);
            assertThat(output.toLowerCase(Locale.ROOT)).doesNotContain("\tat org.springframework");
        }
    }
}
