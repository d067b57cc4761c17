package io.siyu.rules.spring;

import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.jdbc.JdbcFunnelStore;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel over the application's DataSource, with the pack's settings. */
class FunnelAutoConfigurationTest {

    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void aDataSourceGetsAFunnelOnItsTablesWithThePacksSettingsAndClock() {
        DataSource db = h2();
        Runners.starter().withBean(DataSource.class, () -> db).withPropertyValues("siyu.rules.pack=" + Packs.GAOZI)
                .run(context -> {
                    assertThat(context).hasSingleBean(JdbcFunnelStore.class).hasSingleBean(Funnel.class);
                    Funnel funnel = context.getBean(Funnel.class);
                    assertThat(funnel.config()).isEqualTo(context.getBean(LiveRulePack.class).current().funnelConfig());
                    assertThat(funnel.today()).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
                    Journey journey = funnel.record(new FunnelEvent.Added("a-1", "c1",
                            Instant.parse(Packs.MORNING).minusSeconds(60)));
                    assertThat(journey.stage()).isEqualTo(Stage.ONE_TO_ONE);
                    try (Connection c = db.getConnection();
                         ResultSet rows = c.createStatement().executeQuery("select count(*) from siyu_funnel_event")) {
                        rows.next();
                        assertThat(rows.getInt(1)).isOne();
                    }
                });
    }

    @Test
    void noDataSourceOrSwitchedOffNoFunnel() {
        Runners.starter().withPropertyValues("siyu.rules.pack=" + Packs.GAOZI)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FunnelStore.class)
                        .doesNotHaveBean(Funnel.class));
        Runners.starter().withBean(DataSource.class, FunnelAutoConfigurationTest::h2)
                .withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withPropertyValues("siyu.rules.funnel.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FunnelStore.class)
                        .doesNotHaveBean(Funnel.class));
    }

    @Test
    void theHostsStoreReplacesTheDatabaseOne() {
        FunnelStore own = FunnelStore.inMemory();
        Runners.starter().withBean(DataSource.class, FunnelAutoConfigurationTest::h2)
                .withBean(FunnelStore.class, () -> own)
                .withBean(PackSource.class, () -> PackSource.files(Packs.mini("1"))).run(context -> {
                    assertThat(context).doesNotHaveBean(JdbcFunnelStore.class);
                    context.getBean(Funnel.class).record(new FunnelEvent.Added("a-1", "c1",
                            Instant.parse(Packs.MORNING)));
                    assertThat(own.read("c1")).isPresent();
                });
    }

    @Test
    void inTheBackgroundTheFunnelDoesNotWaitForThePackAndHasItsSettings() {
        Packs.Gated gated = new Packs.Gated(PackSource.classpath(Packs.GAOZI));
        Runners.starter().withBean(DataSource.class, FunnelAutoConfigurationTest::h2)
                .withBean(PackSource.class, () -> gated).withPropertyValues("siyu.rules.startup=background")
                .run(context -> {
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    Funnel funnel = context.getBean(Funnel.class);
                    assertThat(live.isReady()).isFalse();
                    gated.release();
                    assertThat(live.awaitReady(Duration.ofSeconds(60))).isTrue();
                    assertThat(funnel.config()).isEqualTo(live.current().funnelConfig());
                });
        // A pack without funnel.json: the defaults in the pack's own timezone, as the pack has them.
        Packs.Gated mini = new Packs.Gated(PackSource.files(Packs.mini("1")));
        Runners.starter().withBean(FunnelStore.class, FunnelStore::inMemory).withBean(PackSource.class, () -> mini)
                .withPropertyValues("siyu.rules.startup=background").run(context -> {
                    Funnel funnel = context.getBean(Funnel.class);
                    mini.release();
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    assertThat(live.awaitReady(Duration.ofSeconds(30))).isTrue();
                    assertThat(funnel.config().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
                    assertThat(funnel.config()).isEqualTo(live.current().funnelConfig());
                });
    }
}
