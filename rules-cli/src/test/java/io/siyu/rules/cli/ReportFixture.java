package io.siyu.rules.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.jdbc.JdbcFunnelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A pack with a 20% holdout (the test skincare pack, copied) and an H2 database holding a simulated experiment: 40
 * days of 100 customers a day, held-out customers buying at 60% of the others' chances, and the treatment sent
 * {@code acne.motive} in variants {@code a} (as usual) and {@code b} (1.5 times the chances).
 */
final class ReportFixture {
    static final Holdout HOLDOUT = new Holdout(2_000, "test-q4");

    private ReportFixture() {
    }

    /** The pack directory under {@code tmp}. */
    static Path pack(Path tmp) {
        Path dir = tmp.resolve("skincare-holdout");
        if (Files.exists(dir)) {
            return dir;
        }
        try (Stream<Path> files = Files.walk(Cli.SKINCARE)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve(Cli.SKINCARE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
            String manifest = Files.readString(dir.resolve("pack.json"), StandardCharsets.UTF_8).strip();
            Files.writeString(dir.resolve("pack.json"), manifest.substring(0, manifest.length() - 1)
                    + ", \"holdout\": {\"percent\": 20, \"salt\": \"test-q4\"}}\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The JDBC URL of a database under {@code tmp} holding the simulated experiment. */
    static String database(Path tmp) {
        String url = "jdbc:h2:file:" + tmp.resolve("report-db").toAbsolutePath();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            FunnelForecast.Assumptions assumptions = new FunnelForecast.Assumptions(100, 40, LocalDate.of(2026, 9, 1),
                    List.of(TagSet.of(List.of(new Tag("concern", "acne", "D"))),
                            TagSet.of(List.of(new Tag("concern", "closed", "E")))),
                    0.10, 0.0, 0.01, 0.003, 0.05, 0.003, 0.0, 0.3, 0.1, 29_900, 19_900);
            FunnelForecast.run(FunnelConfig.defaults(), assumptions,
                    new FunnelForecast.Experiment(HOLDOUT, 0.6, "acne.motive", Map.of("a", 1.0, "b", 1.5)), 3,
                    JdbcFunnelStore.create(dataSource));
        }
        return url;
    }
}
