package io.siyu.rules.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the pack builds in the background the service answers at once: the requests that need the pack get 503 with
 * a JSON body saying so, readiness is OUT_OF_SERVICE, the funnel's endpoints work. The build is held back by a pack
 * source that waits for the test, so that "not ready yet" is a state the test controls, not a race.
 */
class NotReadyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CountDownLatch GATE = new CountDownLatch(1);

    /** The Gaozi pack, listed only once the gate opens. */
    @Configuration(proxyBeanMethods = false)
    static class GatedPack {
        @Bean
        PackSource gatedGaozi() {
            PackSource gaozi = PackSource.classpath("packs/gaozi");
            return new PackSource() {
                @Override
                public String name() {
                    return gaozi.name();
                }

                @Override
                public List<String> list() throws IOException {
                    try {
                        GATE.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    return gaozi.list();
                }

                @Override
                public InputStream open(String file) throws IOException {
                    return gaozi.open(file);
                }
            };
        }
    }

    @Test
    void requestsThatNeedThePackGet503UntilItIsBuilt(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CrmApplication.class, GatedPack.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--crm.data-dir=" + data,
                        "--siyu.rules.clock.fixed=2026-11-30T02:00:00Z")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;

            HttpResponse<String> early = http.send(HttpRequest.newBuilder(URI.create(base + "/decide"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"c1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains("5");
            JsonNode body = JSON.readTree(early.body());
            assertThat(body.path("error").asText()).isEqualTo("not-ready");
            assertThat(body.path("message").asText())
                    .isEqualTo("The rule pack classpath:packs/gaozi is still being built; try again in a few seconds.");
            assertThat(get(http, base + "/plan?date=2026-11-26").statusCode()).isEqualTo(503);
            HttpResponse<String> chinese = http.send(HttpRequest.newBuilder(URI.create(base + "/plan"))
                    .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chinese.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(chinese.body()).path("message").asText())
                    .isEqualTo("规则包 classpath:packs/gaozi 还在构建中，请几秒后重试。");
            HttpResponse<String> readiness = get(http, base + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get(http, base + "/report").statusCode()).as("the funnel does not need the pack").isEqualTo(200);

            GATE.countDown();
            assertThat(context.getBean(LiveRulePack.class).awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(get(http, base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            HttpResponse<String> decided = http.send(HttpRequest.newBuilder(URI.create(base + "/decide"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"c1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(decided.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(decided.body()).path("id").asText()).isEqualTo("c1");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
