package io.siyu.rules.jdbc;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision log in a table: written off the deciding thread, without personal data, read back by customer and day. */
class JdbcDecisionLogTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> PACK = Map.of(
            "pack.json", "{\"id\": \"logged\", \"version\": \"7\", \"holdout\": {\"percent\": 50, \"salt\": \"log\"}}",
            "scripts.json", "{\"id\": \"s\", \"version\": \"1\", \"personas\": {\"w\": {\"name\": \"小丸子\"}},"
                    + " \"variables\": {\"nickname\": {\"default\": \"亲\"}},"
                    + " \"scripts\": [{\"id\": \"hello\", \"persona\": \"w\", \"channel\": \"one_to_one\","
                    + " \"variants\": [{\"id\": \"a\", \"weight\": 1, \"text\": \"{nickname}，你好\"},"
                    + " {\"id\": \"b\", \"weight\": 1, \"text\": \"{nickname}，早上好\"}]}]}",
            "rules/propose.drl", "rule \"greet\"\n    ruleflow-group \"propose\"\nwhen\n    Customer( )\nthen\n"
                    + "    actions.propose(\"GREET\", \"hello\", 10, \"always\");\nend\n");

    private static RulePack pack(Instant now, JdbcDecisionLog log) {
        return RulePack.load(PackSource.files(PACK), PackOptions.builder().listener(log)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build());
    }

    private static Customer customer(String id) {
        return Customer.builder(id).attribute("nickname", "王小美").build();
    }

    private static void decisionsAreLoggedAndReadBack(DataSource database) throws SQLException {
        JdbcDecisionLog log = JdbcDecisionLog.builder(database).batchSize(3).build();
        RulePack nov23 = pack(Instant.parse("2026-11-23T02:00:00Z"), log);
        List<Decision> first = nov23.decideAll(List.of(customer("c1"), customer("c2"), customer("c3"),
                customer("c4"), customer("c5")));
        Decision later = nov23.withClock(Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC))
                .decide(customer("c1"));
        log.close();
        assertThat(log.written()).isEqualTo(6);
        assertThat(log.dropped()).isZero();
        assertThat(first).anyMatch(Decision::isHeldOut).anyMatch(d -> d.text().contains("王小美"));

        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT customer_id, action, script_id, variant, arm, pack_version, "
                     + "decision FROM siyu_funnel_decision ORDER BY decided_ms, customer_id")) {
            int n = 0;
            while (rows.next()) {
                n++;
                assertThat(rows.getString("decision")).doesNotContain("王小美").contains("\"text\":\"\"");
                assertThat(rows.getString("pack_version")).isEqualTo("7");
                if (rows.getString("arm").equals("HOLDOUT")) {
                    assertThat(rows.getString("action")).isEqualTo("HOLDOUT");
                    assertThat(rows.getString("script_id")).isNull();
                } else {
                    assertThat(rows.getString("script_id")).isEqualTo("hello");
                    assertThat(rows.getString("variant")).isIn("a", "b");
                }
            }
            assertThat(n).isEqualTo(6);
        }

        List<Decision> c1 = JdbcDecisionLog.read(database, "c1", Optional.empty(), SHANGHAI);
        assertThat(c1).extracting(Decision::id).containsExactly(first.get(0).id(), later.id());
        assertThat(c1.get(0).action()).isEqualTo(first.get(0).action());
        assertThat(c1.get(0).arm()).isEqualTo(first.get(0).arm());
        assertThat(c1.get(0).counterfactual()).isEqualTo(first.get(0).counterfactual());
        assertThat(JdbcDecisionLog.read(database, "c1", Optional.of(LocalDate.of(2026, 11, 24)), SHANGHAI))
                .extracting(Decision::id).containsExactly(later.id());
        assertThat(log.written()).isEqualTo(6);
    }

    @Test
    void onH2() throws SQLException {
        decisionsAreLoggedAndReadBack(Databases.h2(""));
    }

    @Test
    void onPostgreSql() throws SQLException {
        DataSource database = Databases.postgres();
        JdbcFunnelStore.create(database);
        Databases.empty(database);
        decisionsAreLoggedAndReadBack(database);
    }

    @Test
    void onMariaDb() throws SQLException {
        DataSource database = Databases.mariadb();
        JdbcFunnelStore.create(database);
        Databases.empty(database);
        decisionsAreLoggedAndReadBack(database);
    }

    @Test
    void aDatabaseThatRefusesTheRowsLosesThemCountedAndDecidingGoesOn() throws SQLException {
        DataSource database = Databases.h2("");
        JdbcDecisionLog log = JdbcDecisionLog.builder(database).build();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE siyu_funnel_decision");
        }
        RulePack pack = pack(Instant.parse("2026-11-23T02:00:00Z"), log);
        Decision d = pack.decide(customer("c1"));
        log.close();
        assertThat(d.customerId()).isEqualTo("c1");
        assertThat(log.dropped()).isEqualTo(1);
        assertThat(log.written()).isZero();
        assertThat(pack.listenerFailures()).isZero();
    }

    @Test
    void aSampleKeepsTheSameCustomersAsTheFileLog() {
        DataSource database = Databases.h2("");
        JdbcDecisionLog log = JdbcDecisionLog.builder(database).sampleRate(0.3).build();
        RulePack pack = pack(Instant.parse("2026-11-23T02:00:00Z"), log);
        int expected = 0;
        for (int i = 0; i < 100; i++) {
            pack.decide(customer("c" + i));
            expected += io.siyu.rules.pack.DecisionLog.isSampled("c" + i, 0.3) ? 1 : 0;
        }
        log.close();
        assertThat(log.written()).isEqualTo(expected).isBetween(15L, 45L);
    }
}
