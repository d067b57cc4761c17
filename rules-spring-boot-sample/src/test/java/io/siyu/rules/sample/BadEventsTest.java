package io.siyu.rules.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /events} with events a CRM got wrong: a 400 whose problems name the body's line, column and field in
 * the client's language, the Surveyed tags checked against the pack's codebook, and nothing recorded. The service
 * runs in this JVM on the Gaozi pack (SampleJarIT runs the shipped jar; one bad body there is enough).
 */
class BadEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path data;
    private static InProcessSample sample;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        sample = InProcessSample.start(data);
        base = sample.base;
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    private static final String ADDED =
            "{\"type\":\"Added\",\"eventId\":\"a-9\",\"customerId\":\"c-9\",\"timestamp\":\"2026-11-23T02:00:00Z\"}";
    /** The option "acne" of "concern" has code D in the Gaozi codebook, not Z; "freckles" is no option of it. */
    private static final String BAD_TAGS = """
            [%s,
             {"type":"Surveyed","eventId":"s-9","customerId":"c-9","timestamp":"2026-11-23T02:05:00Z",
              "tags":[{"questionId":"concern","optionId":"acne","code":"Z"},
                      {"questionId":"concern","optionId":"freckles","code":"D"}]}]
            """.formatted(ADDED);

    @Test
    void aTagTheCodebookLacksIsRefusedWithItsPlaceAndNothingIsRecorded() throws Exception {
        HttpResponse<String> bad = post(BAD_TAGS, null);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(bad.body());
        assertThat(body.path("error").asText()).isEqualTo("bad-event");
        assertThat(body.path("message").asText()).startsWith("No event was recorded: the body has 2 problem(s)");
        List<String> places = new ArrayList<>();
        body.path("problems").forEach(p -> places.add(p.path("file").asText() + ":" + p.path("line").asInt() + ":"
                + p.path("column").asInt() + " " + p.path("path").asText()));
        assertThat(places).as(bad.body()).containsExactly("body:3:60 tags[0].code", "body:4:46 tags[1].optionId");
        assertThat(body.path("problems").get(1).path("message").asText()).contains("freckles");
        assertThat(bad.body()).doesNotContain("com.fasterxml", "io.siyu", "Exception");

        // The good Added of the refused body was not recorded: sent alone, it is new.
        HttpResponse<String> added = post(ADDED, null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(JSON.readTree(added.body()).path("recorded").get(0).path("outcome").asText())
                .isNotEqualTo("DUPLICATE");
    }

    @Test
    void problemsAreInChineseForAChineseClient() throws Exception {
        HttpResponse<String> bad = post(BAD_TAGS, "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(bad.body());
        assertThat(body.path("message").asText()).startsWith("没有记录任何事件：请求体有 2 个问题");
        body.path("problems").forEach(p -> assertThat(p.path("message").asText()).containsPattern("\\p{IsHan}"));

        HttpResponse<String> english = post(BAD_TAGS, "en-GB,zh;q=0.5");
        assertThat(JSON.readTree(english.body()).path("message").asText()).startsWith("No event was recorded");
    }

    @Test
    void aBodyThatIsNotAnEventSaysWhereNotWhichJavaClass() throws Exception {
        HttpResponse<String> broken = post("{\"type\":\"Added\",\n \"eventId\": \"x\",\n \"customerId\": }", null);
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(broken.body()).path("problems").get(0);
        assertThat(problem.path("line").asInt()).as(broken.body()).isEqualTo(3);
        assertThat(problem.path("column").asInt()).as(broken.body()).isPositive();

        HttpResponse<String> teleported = post("{\"type\":\"Teleported\",\"eventId\":\"x\"}", null);
        assertThat(teleported.statusCode()).isEqualTo(400);
        JsonNode unknown = JSON.readTree(teleported.body()).path("problems").get(0);
        assertThat(unknown.path("path").asText()).isEqualTo("type");
        assertThat(unknown.path("message").asText()).contains("Teleported").contains("Surveyed");
        assertThat(teleported.body()).doesNotContain("com.fasterxml", "io.siyu", "FunnelEvent");
    }

    @Test
    void anOrderIdSentAgainWithAnotherAmountIsAConflictSaidInTheClientsLanguage() throws Exception {
        String order = "{\"type\":\"Purchased\",\"eventId\":\"order-77\",\"customerId\":\"c-77\","
                + "\"timestamp\":\"2026-11-23T02:10:00Z\",\"amountFen\":%d}";
        HttpResponse<String> first = post(order.formatted(29_900), null);
        assertThat(JSON.readTree(first.body()).path("recorded").get(0).path("outcome").asText()).isEqualTo("APPLIED");

        HttpResponse<String> same = post(order.formatted(29_900), null);
        JsonNode duplicate = JSON.readTree(same.body()).path("recorded").get(0);
        assertThat(duplicate.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.has("problem")).isFalse();

        HttpResponse<String> other = post(order.formatted(19_900), "zh-CN");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        JsonNode conflict = JSON.readTree(other.body()).path("recorded").get(0);
        assertThat(conflict.path("outcome").asText()).isEqualTo("CONFLICT");
        assertThat(conflict.path("problem").asText()).contains("order-77", "以第一次记录为准");
    }

    private static HttpResponse<String> post(String body, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
