package io.siyu.rules.jdbc;

import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.contract.Journals;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids are opaque: customers and events whose ids differ only in case, accents or trailing spaces are different
 * customers and events on every database (MariaDB's default collation would merge them), and Chinese ids are kept.
 */
class JdbcIdentifiersTest {
    private static final Clock LATE = Journals.clockOn(60, "12:00");
    /** Pairwise different ids that a case- and accent-insensitive or space-padding collation takes for one. */
    private static final List<String> CUSTOMERS = List.of("A1", "a1", "á1", "a1 ", "客户-王", "客户-汪");

    private static void idsAreComparedByteForByte(DataSource database) {
        FunnelStore store = JdbcFunnelStore.create(database);
        Funnel funnel = Funnel.create(FunnelConfig.defaults(), LATE, store);
        for (String customer : CUSTOMERS) {
            assertThat(outcome(funnel, new FunnelEvent.Added("add", customer, Journals.at(0, "10:00"))))
                    .as("adding %s", customer).isEqualTo(Funnel.Outcome.APPLIED);
            assertThat(outcome(funnel, new FunnelEvent.Purchased("Order-1", customer, Journals.at(1, "10:00"), 100)))
                    .isEqualTo(Funnel.Outcome.APPLIED);
            assertThat(outcome(funnel, new FunnelEvent.Purchased("order-1", customer, Journals.at(1, "11:00"), 200)))
                    .as("order-1 of %s beside Order-1", customer).isEqualTo(Funnel.Outcome.APPLIED);
        }
        List<String> stored = new ArrayList<>();
        store.forEachJourney(journey -> stored.add(journey.customerId()));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(CUSTOMERS);
        for (String customer : CUSTOMERS) {
            assertThat(store.read(customer)).as(customer).get()
                    .satisfies(record -> assertThat(record.customerId()).isEqualTo(customer));
            assertThat(funnel.journey(customer)).get().extracting(Journey::revenueFen).isEqualTo(300L);
            assertThat(store.journal(customer)).extracting(FunnelEvent::eventId)
                    .containsExactlyInAnyOrder("add", "Order-1", "order-1");
        }
    }

    private static Funnel.Outcome outcome(Funnel funnel, FunnelEvent event) {
        return funnel.recordAll(List.of(event)).get(0).outcome();
    }

    @Test
    void onH2() {
        idsAreComparedByteForByte(Databases.h2(""));
    }

    @Test
    void onH2InMySqlMode() {
        idsAreComparedByteForByte(Databases.h2(";MODE=MySQL;DATABASE_TO_LOWER=TRUE"));
    }

    @Test
    void onPostgreSql() {
        DataSource database = Databases.postgres();
        JdbcFunnelStore.create(database);
        Databases.empty(database);
        idsAreComparedByteForByte(database);
    }

    @Test
    void onMariaDb() {
        DataSource database = Databases.mariadb();
        JdbcFunnelStore.create(database);
        Databases.empty(database);
        idsAreComparedByteForByte(database);
    }
}
