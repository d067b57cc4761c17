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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user of the sample sent it in a trial, and what it must answer: bodies too large or with too many
 * events or messages (413/400, with the limits of this server: 64 KB, 50 events, 5 messages), bodies not in UTF-8,
 * problems in the client's language on every endpoint, and Spring's own refusals (empty body, form content type,
 * 404, 405) in the documented {@code {"error", "message"}} shape. The service runs in this JVM on the Gaozi pack.
 */
class RequestProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ZH = "zh-CN,zh;q=0.9";
    @TempDir
    static Path data;
    private static InProcessSample sample;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        sample = InProcessSample.start(data, "--crm.max-body-bytes=64KB", "--crm.max-events=50", "--crm.max-messages=5");
        base = sample.base;
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    /** The hot customer of SampleJarIT: OFFER_PRODUCT when read right. */
    private static final String HOT = "{\"id\":\"c-hot\",\n \"codes\":\"3DU1P2\",\n \"messages\":[\"这个多少钱呀\"],\n"
            + " \"signals\":{\"replied\":true},\n \"attributes\":{\"nickname\":\"小美\",\"welfare\":\"sent\"}}";

    private static String added(int i) {
        return "{\"type\":\"Added\",\"eventId\":\"a-" + i + "\",\"customerId\":\"c-" + i
                + "\",\"timestamp\":\"2026-11-23T02:00:00Z\"}";
    }

    // Finding 1: a list on one line is split in linear time, keeps its columns, and is capped.

    @Test
    void aListOnOneLineIsCutOnceNotPaddedToEachEventsColumn() {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 3_000; i++) {
            list.add(added(i));
        }
        String body = list.toString();
        List<CrmController.EventText> texts = CrmController.eventTexts(body, 10_000);
        assertThat(texts).hasSize(3_000);
        // Padding each event to its column made the texts 3,000 times the body (quadratic): 14.6 s for this list.
        assertThat(texts.stream().mapToLong(t -> t.text().length()).sum()).isLessThanOrEqualTo(body.length());
        assertThat(texts.get(2_999).column()).isEqualTo(body.lastIndexOf("{\"type\"") + 1);
    }

    @Test
    void aBadEventAtTheEndOfAOneLineListIsNamedAtItsColumnInTheBody() throws Exception {
        String bad = "{\"type\":\"Added\",\"eventId\":\"a-x\",\"customerId\":\"c-x\",\"timestamp\":\"yesterday\"}";
        JsonNode alone = JSON.readTree(post("/events", bad, null).body()).path("problems").get(0);
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 0; i < 40; i++) {
            list.add(added(i));
        }
        list.add(bad);
        String body = list.toString();
        HttpResponse<String> response = post("/events", body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body()).path("problems").get(0);
        assertThat(problem.path("line").asInt()).isEqualTo(1);
        assertThat(problem.path("path").asText()).isEqualTo(alone.path("path").asText()).isEqualTo("timestamp");
        assertThat(problem.path("column").asInt()).as(response.body())
                .isEqualTo(alone.path("column").asInt() + body.lastIndexOf("{\"type\""));
    }

    @Test
    void aBodyOverTheLimitIs413InTheClientsLanguage() throws Exception {
        String big = "[" + added(0) + "," + " ".repeat(70 * 1024) + added(1) + "]";
        for (String path : List.of("/events", "/decide")) {
            HttpResponse<String> english = post(path, big, null);
            assertThat(english.statusCode()).as(english.body()).isEqualTo(413);
            JsonNode body = JSON.readTree(english.body());
            assertThat(body.path("error").asText()).isEqualTo("too-large");
            assertThat(body.path("message").asText()).contains("65,536 bytes", "crm.max-body-bytes");

            HttpResponse<String> chinese = post(path, big, ZH);
            assertThat(chinese.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(chinese.body()).path("message").asText()).contains("上限", "crm.max-body-bytes");
        }
    }

    @Test
    void aListWithMoreEventsThanTheLimitIs413AndNothingIsRecorded() throws Exception {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (int i = 100; i < 151; i++) {
            list.add(added(i));
        }
        HttpResponse<String> english = post("/events", list.toString(), null);
        assertThat(english.statusCode()).as(english.body()).isEqualTo(413);
        JsonNode body = JSON.readTree(english.body());
        assertThat(body.path("error").asText()).isEqualTo("too-many-events");
        assertThat(body.path("message").asText()).contains("more than 50 events", "crm.max-events");
        HttpResponse<String> chinese = post("/events", list.toString(), ZH);
        assertThat(JSON.readTree(chinese.body()).path("message").asText()).contains("上限 50 个");

        HttpResponse<String> first = post("/events", added(100), null);
        assertThat(JSON.readTree(first.body()).path("recorded").get(0).path("outcome").asText())
                .isNotEqualTo("DUPLICATE");
    }

    // Finding 2: a body that is not UTF-8 is refused where its first bad byte is, not decided on garbled text.

    @Test
    void aCustomerInGbkIsRefusedAtItsFirstBadByteInTheClientsLanguage() throws Exception {
        HttpResponse<String> utf8 = post("/decide", HOT.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(JSON.readTree(utf8.body()).path("action").asText()).as(utf8.body()).isEqualTo("OFFER_PRODUCT");

        byte[] gbk = HOT.getBytes(Charset.forName("GBK"));
        HttpResponse<String> english = post("/decide", gbk, "application/json", null);
        assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(english.body());
        assertThat(body.path("error").asText()).isEqualTo("bad-customer");
        assertThat(body.path("message").asText()).contains("not UTF-8", "GBK", "UTF-8");
        JsonNode problem = body.path("problems").get(0);
        // Line 3 is ` "messages":["这个多少钱呀"],`: the first Chinese character is column 15.
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("column").asInt()).isEqualTo(15);
        assertThat(problem.path("key").asText()).isEqualTo("body.not-utf8");

        HttpResponse<String> chinese = post("/decide", gbk, "application/json", ZH);
        assertThat(JSON.readTree(chinese.body()).path("message").asText()).contains("不是 UTF-8", "GBK", "第 3 行第 15 列");
    }

    @Test
    void eventsInGbkOrUtf16AreRefusedAndNotRecorded() throws Exception {
        String event = "{\"type\":\"Added\",\"eventId\":\"a-gbk\",\"customerId\":\"客户-1\","
                + "\"timestamp\":\"2026-11-23T02:00:00Z\"}";
        HttpResponse<String> gbk = post("/events", event.getBytes(Charset.forName("GBK")), "application/json", ZH);
        assertThat(gbk.statusCode()).as(gbk.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(gbk.body());
        assertThat(body.path("error").asText()).isEqualTo("bad-event");
        assertThat(body.path("message").asText()).contains("GBK", "不是 UTF-8");
        assertThat(body.path("problems").get(0).path("column").asInt()).isEqualTo(event.indexOf('客') + 1);

        HttpResponse<String> utf16 = post("/events", event.getBytes(StandardCharsets.UTF_16LE), "application/json", null);
        assertThat(utf16.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(utf16.body()).path("message").asText()).contains("UTF-16", "UTF-8");

        HttpResponse<String> utf8 = post("/events", event, null);
        assertThat(JSON.readTree(utf8.body()).path("recorded").get(0).path("outcome").asText()).isEqualTo("APPLIED");
    }

    // Finding 3: a customer with more messages than the limit is a typed 400 naming the field and the limit.

    @Test
    void aCustomerWithTooManyMessagesIsRefusedNamingTheFieldAndTheLimit() throws Exception {
        String customer = "{\"id\":\"c-long\",\n \"messages\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]}";
        HttpResponse<String> english = post("/decide", customer, null);
        assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(english.body());
        assertThat(body.path("error").asText()).isEqualTo("bad-customer");
        JsonNode problem = body.path("problems").get(0);
        assertThat(problem.path("path").asText()).isEqualTo("messages[5]");
        assertThat(problem.path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("column").asInt()).isEqualTo(" \"messages\":[\"1\",\"2\",\"3\",\"4\",\"5\",".length() + 1);
        assertThat(problem.path("message").asText()).contains("at most 5 messages", "crm.max-messages");

        HttpResponse<String> chinese = post("/decide", customer, ZH);
        assertThat(JSON.readTree(chinese.body()).path("problems").get(0).path("message").asText())
                .contains("最多可以有 5 条消息");

        HttpResponse<String> five = post("/decide", "{\"id\":\"c-five\",\"messages\":[\"1\",\"2\",\"3\",\"4\",\"5\"]}",
                null);
        assertThat(five.statusCode()).as(five.body()).isEqualTo(200);
    }

    // Finding 4: every endpoint's problems follow Accept-Language.

    @Test
    void decideAndPlanProblemsAreInTheClientsLanguage() throws Exception {
        String codesNumber = "{\"id\":\"c-1\",\"codes\":3}";
        JsonNode english = JSON.readTree(post("/decide", codesNumber, null).body());
        assertThat(english.path("problems").get(0).path("message").asText()).contains("codes");
        assertThat(english.path("problems").get(0).path("message").asText()).doesNotContainPattern("\\p{IsHan}");
        HttpResponse<String> chinese = post("/decide", codesNumber, ZH);
        assertThat(chinese.statusCode()).isEqualTo(400);
        JsonNode zh = JSON.readTree(chinese.body());
        assertThat(zh.path("error").asText()).isEqualTo("bad-customer");
        assertThat(zh.path("problems").get(0).path("message").asText()).containsPattern("\\p{IsHan}");
        assertThat(zh.path("problems").get(0).path("path").asText()).isEqualTo("codes");

        HttpResponse<String> plan = get("/plan?date=garbage", ZH);
        assertThat(plan.statusCode()).isEqualTo(400);
        JsonNode bad = JSON.readTree(plan.body());
        assertThat(bad.path("error").asText()).isEqualTo("bad-date");
        assertThat(bad.path("message").asText()).contains("必须是日期", "garbage");
        assertThat(JSON.readTree(get("/plan?date=garbage", "en").body()).path("message").asText())
                .startsWith("date must be a date such as 2026-11-26");
    }

    // Finding 5: Spring's own refusals come in the documented shape.

    @Test
    void anEmptyBodyIsABadCustomerOrBadEvent() throws Exception {
        for (String[] endpoint : new String[][] {{"/decide", "bad-customer"}, {"/events", "bad-event"}}) {
            HttpResponse<String> english = post(endpoint[0], new byte[0], "application/json", null);
            assertThat(english.statusCode()).as(english.body()).isEqualTo(400);
            JsonNode body = JSON.readTree(english.body());
            assertThat(body.path("error").asText()).isEqualTo(endpoint[1]);
            assertThat(body.has("timestamp")).isFalse();
            assertThat(body.path("message").asText()).contains("empty", "Content-Type: application/json");
            assertThat(body.path("problems").get(0).path("line").asInt()).isEqualTo(1);

            HttpResponse<String> chinese = post(endpoint[0], new byte[0], "application/json", ZH);
            assertThat(JSON.readTree(chinese.body()).path("message").asText()).contains("请求体是空的");
        }
    }

    @Test
    void aFormBodyIsToldToSendJson() throws Exception {
        byte[] form = "{\"id\":\"c-1\",\"remark\":\"100%\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/decide", "/events")) {
            HttpResponse<String> english = post(path, form, "application/x-www-form-urlencoded", null);
            assertThat(english.statusCode()).as(english.body()).isEqualTo(415);
            JsonNode body = JSON.readTree(english.body());
            assertThat(body.path("error").asText()).isEqualTo("not-json");
            assertThat(body.path("message").asText()).contains("send JSON with Content-Type: application/json")
                    .doesNotContain("value is missing");
            HttpResponse<String> chinese = post(path, form, "application/x-www-form-urlencoded", ZH);
            assertThat(JSON.readTree(chinese.body()).path("message").asText()).contains("请用 Content-Type: application/json");
        }
    }

    @Test
    void anEmptyDateIsToday() throws Exception {
        HttpResponse<String> plan = get("/plan?date=", null);
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(JSON.readTree(plan.body()).path("date").asText()).isEqualTo("2026-11-30");
    }

    @Test
    void wrongMethodsAndPathsAreAnsweredInTheDocumentedShape() throws Exception {
        HttpResponse<String> method = get("/decide", null);
        assertThat(method.statusCode()).as(method.body()).isEqualTo(405);
        JsonNode body = JSON.readTree(method.body());
        assertThat(body.path("error").asText()).isEqualTo("method-not-allowed");
        assertThat(body.path("message").asText()).contains("GET /decide", "POST");
        assertThat(body.has("timestamp")).isFalse();
        assertThat(method.headers().firstValue("Allow")).contains("POST");
        assertThat(JSON.readTree(get("/decide", ZH).body()).path("message").asText()).contains("不支持 GET /decide");

        HttpResponse<String> missing = get("/decide/c-1", null);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        JsonNode notFound = JSON.readTree(missing.body());
        assertThat(notFound.path("error").asText()).isEqualTo("not-found");
        assertThat(notFound.path("message").asText()).contains("GET /decide/c-1", "POST /decide");
        assertThat(JSON.readTree(get("/plans", ZH).body()).path("message").asText()).contains("不存在");
        assertThat(missing.body()).doesNotContain("Exception", "org.springframework");

        HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/report"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).as(html.body()).isEqualTo(406);
        assertThat(JSON.readTree(html.body()).path("error").asText()).isEqualTo("not-acceptable");
    }

    private static HttpResponse<String> post(String path, String body, String language)
            throws IOException, InterruptedException {
        return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json", language);
    }

    private static HttpResponse<String> post(String path, byte[] body, String contentType, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
