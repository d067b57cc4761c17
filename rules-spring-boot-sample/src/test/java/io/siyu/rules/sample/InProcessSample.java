package io.siyu.rules.sample;

import io.siyu.rules.pack.LiveRulePack;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample service started in this JVM on a free loopback port over a data directory, its clock fixed, once its
 * Gaozi pack serves. For the tests that send it requests a CRM got wrong (SampleJarIT starts the shipped jar).
 */
final class InProcessSample implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    /** {@code http://127.0.0.1:PORT}. */
    final String base;

    private InProcessSample(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts it and waits until the pack serves.
     *
     * @param data     the data directory (the H2 file)
     * @param settings more {@code --name=value} settings
     */
    static InProcessSample start(Path data, String... settings) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--crm.data-dir=" + data, "--siyu.rules.clock.fixed=2026-11-30T02:00:00Z"));
        args.addAll(List.of(settings));
        InProcessSample sample = new InProcessSample(
                new SpringApplicationBuilder(CrmApplication.class).run(args.toArray(String[]::new)));
        assertThat(sample.context.getBean(LiveRulePack.class).awaitReady(Duration.ofSeconds(60))).isTrue();
        return sample;
    }

    @Override
    public void close() {
        context.close();
    }
}
