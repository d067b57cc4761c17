package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code siyu funnel record/advance/report --db jdbc:mariadb://...} against the MariaDB server {@code .ci/run}
 * starts ({@code SIYU_TEST_MARIADB_URL}, {@code _USER}, {@code _PASSWORD}), with the driver siyu.jar ships; skipped
 * with the reason outside CI when none is configured, failed in CI ({@code CI=true}).
 */
class FunnelCommandMariaDbTest {
    private String url;

    @BeforeEach
    void emptyTheFunnelsTables() throws SQLException {
        url = System.getenv("SIYU_TEST_MARIADB_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI must test on MariaDB: SIYU_TEST_MARIADB_URL is not set (.ci/run starts a server "
                        + "and sets it)");
            }
            Assumptions.abort("no MariaDB: set SIYU_TEST_MARIADB_URL (and _USER, _PASSWORD) to run this test "
                    + "against one; .ci/run does");
        }
        // Another module's tests may have left rows (the tables and their schema version stay: siyu migrates).
        try (Connection c = DriverManager.getConnection(url, System.getenv("SIYU_TEST_MARIADB_USER"),
                System.getenv("SIYU_TEST_MARIADB_PASSWORD")); Statement s = c.createStatement()) {
            if (c.getMetaData().getTables(c.getCatalog(), null, "siyu_funnel_journey", null).next()) {
                for (String table : List.of("siyu_funnel_event", "siyu_funnel_seat", "siyu_funnel_group",
                        "siyu_funnel_journey", "siyu_funnel_cohort", "siyu_funnel_crossing")) {
                    s.executeUpdate("DELETE FROM " + table);
                }
                s.executeUpdate("UPDATE siyu_funnel_progress SET advanced_through = NULL, lease_owner = NULL,"
                        + " lease_day = NULL, lease_until_ms = NULL");
                s.executeUpdate("UPDATE siyu_funnel_counter SET counter_value = 0");
            }
        }
    }

    private Cli.Result siyu(String stdin, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = url;
        all[args.length + 2] = "--db-user";
        all[args.length + 3] = System.getenv("SIYU_TEST_MARIADB_USER");
        all[args.length + 4] = "--db-password";
        all[args.length + 5] = System.getenv("SIYU_TEST_MARIADB_PASSWORD");
        String[] clocked = new String[all.length + 2];
        System.arraycopy(all, 0, clocked, 0, all.length);
        clocked[all.length] = "--clock";
        clocked[all.length + 1] = "2026-11-26T10:00:00+08:00";
        return Cli.run(stdin, clocked);
    }

    @Test
    void recordsAdvancesAndReportsOnMariaDb() {
        Cli.Result recorded = siyu(FunnelCommandTest.EVENTS, "funnel", "record");
        assertThat(recorded.exitCode()).as(recorded.err()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        List<JsonNode> lines = DecideCommandTest.parse(recorded.out());
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 4, 5, 6, 7, 8);
        assertThat(lines.get(5).get("stage").asText()).isEqualTo("CONVERTED");
        assertThat(recorded.err()).isEmpty();

        Cli.Result again = siyu(FunnelCommandTest.EVENTS.lines().limit(2).reduce("", (a, b) -> a + b + "\n"),
                "funnel", "record");
        assertThat(DecideCommandTest.parse(again.out())).extracting(l -> l.get("outcome").asText())
                .containsOnly("DUPLICATE");

        Cli.Result advanced = siyu("", "funnel", "advance", "--date", "2026-11-25");
        assertThat(advanced.exitCode()).as(advanced.err()).isEqualTo(ExitCodes.OK);
        assertThat(advanced.outLines()).containsExactly("advanced through 2026-11-25",
                "1 journeys moved, 1 put into groups");

        Cli.Result report = siyu("", "funnel", "report", "--json");
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        JsonNode total = DecideCommandTest.parse(report.out()).get(0).get("total");
        assertThat(total.get("entered").asInt()).isEqualTo(2);
        assertThat(total.get("convertedDayZero").asInt()).isEqualTo(1);
        assertThat(total.get("revenueFen").asLong()).isEqualTo(29_900);
        assertThat(siyu("", "funnel", "report", "--locale", "zh_CN").out()).contains("合计");
    }
}
