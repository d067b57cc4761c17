package io.siyu.rules.spring;

import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Health, readiness, info and the reload endpoint, in the states a live pack goes through. */
class ActuatorTest {

    @Test
    void healthIsUpWithThePackThatServes() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("7"))).run(context -> {
            HealthProbe.Result health = HealthProbe.check(context.getBean("siyuRulesHealthIndicator"));
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("pack", "mini").containsEntry("version", "7")
                    .containsEntry("rules", 2).containsEntry("source", "(in-memory files)")
                    .doesNotContainKey("lastRejected");
        });
    }

    @Test
    void inTheBackgroundHealthAndReadinessAreNotReadyUntilTheFirstBuildIsDone() {
        Packs.Gated gated = new Packs.Gated(PackSource.files(Packs.mini("8")));
        Runners.starter().withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class))
                .withBean(PackSource.class, () -> gated).withPropertyValues("siyu.rules.startup=background")
                .run(context -> {
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    assertThat(live.isReady()).isFalse();
                    Object indicator = context.getBean("siyuRulesHealthIndicator");
                    HealthProbe.Result building = HealthProbe.check(indicator);
                    assertThat(building.status()).isEqualTo("OUT_OF_SERVICE");
                    assertThat(building.details()).containsEntry("source", "gated:(in-memory files)")
                            .containsEntry("state", "The rule pack is being built; it serves as soon as the build is done.");
                    // What Spring Boot does once the application has started: declares it ready for traffic.
                    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
                    ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
                    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

                    gated.release();
                    assertThat(live.awaitReady(Duration.ofSeconds(30))).isTrue();
                    assertThat(HealthProbe.check(indicator).status()).isEqualTo("UP");
                    assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
                });
    }

    @Test
    void aBackgroundBuildThatIsRejectedIsDownWithEveryProblem() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.broken()))
                .withPropertyValues("siyu.rules.startup=background").run(context -> {
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    assertThat(live.awaitReady(Duration.ofSeconds(30))).isFalse();
                    HealthProbe.Result health = HealthProbe.check(context.getBean("siyuRulesHealthIndicator"));
                    assertThat(health.status()).isEqualTo("DOWN");
                    assertThat(problems(health.details().get("problems")))
                            .anySatisfy(p -> assertThat(p).startsWith("rules/rules.drl:4:"));
                });
    }

    @Test
    void aRejectedReloadKeepsHealthUpWithItsProblemsUntilAReloadSucceeds(@TempDir Path dir) {
        Packs.write(dir, Packs.mini("1"));
        Runners.starter().withPropertyValues("siyu.rules.pack=file:" + dir).run(context -> {
            LiveRulePack live = context.getBean(LiveRulePack.class);
            Object indicator = context.getBean("siyuRulesHealthIndicator");
            Packs.write(dir, Packs.broken());
            assertThatThrownBy(live::reload).isInstanceOf(RulePackException.class);
            HealthProbe.Result health = HealthProbe.check(indicator);
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.details()).containsEntry("version", "1");
            assertThat(problems(health.details().get("lastRejected")))
                    .anySatisfy(p -> assertThat(p).startsWith("rules/rules.drl:4:"));

            Packs.write(dir, Packs.mini("3"));
            live.reload();
            assertThat(HealthProbe.check(indicator).details()).containsEntry("version", "3")
                    .doesNotContainKey("lastRejected");
        });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withPropertyValues("management.health.siyurules.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(LiveRulePack.class)
                        .doesNotHaveBean("siyuRulesHealthIndicator"));
    }

    @Test
    void infoNamesThePackItsVersionRulesAndScripts() {
        Runners.starter().withPropertyValues("siyu.rules.pack=" + Packs.GAOZI).run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean("siyuRulesInfoContributor", InfoContributor.class).contribute(builder);
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) builder.build().getDetails().get("siyuRules");
            LiveRulePack live = context.getBean(LiveRulePack.class);
            assertThat(entry).containsEntry("pack", "gaozi").containsEntry("version", live.current().version())
                    .containsEntry("rules", live.current().rules().size())
                    .containsEntry("scripts", live.current().scripts().ids().size())
                    .containsEntry("source", Packs.GAOZI).containsEntry("ready", true);
            assertThat((Integer) entry.get("rules")).isGreaterThan(10);
            assertThat((Integer) entry.get("scripts")).isGreaterThan(10);
        });
    }

    @Test
    void theReloadEndpointIsOffByDefault() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withPropertyValues("management.endpoints.web.exposure.include=*")
                .run(context -> assertThat(context).doesNotHaveBean(SiyuRulesEndpoint.class));
    }

    @Test
    void theReloadEndpointReloadsAndReportsARejectedBuild(@TempDir Path dir) {
        Packs.write(dir, Packs.mini("1"));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SiyuRulesAutoConfiguration.class,
                        SiyuRulesActuatorAutoConfiguration.class))
                .withPropertyValues("siyu.rules.pack=file:" + dir, "management.endpoint.siyurules.access=UNRESTRICTED",
                        "management.endpoints.web.exposure.include=health,siyurules")
                .run(context -> {
                    SiyuRulesEndpoint endpoint = context.getBean(SiyuRulesEndpoint.class);
                    Packs.write(dir, Packs.mini("2"));
                    assertThat(endpoint.reload()).containsEntry("outcome", "reloaded").containsEntry("version", "2");
                    Packs.write(dir, Packs.broken());
                    Map<String, Object> rejected = endpoint.reload();
                    assertThat(rejected).containsEntry("outcome", "rejected");
                    assertThat(problems(rejected.get("problems"))).anySatisfy(p -> assertThat(p).startsWith("rules/rules.drl:4:"));
                    assertThat(endpoint.pack()).containsEntry("version", "2").containsKey("lastRejected");
                    assertThat(context.getBean(LiveRulePack.class).current().version()).isEqualTo("2");
                });
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
