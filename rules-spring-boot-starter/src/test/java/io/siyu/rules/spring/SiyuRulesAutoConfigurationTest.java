package io.siyu.rules.spring;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.DecisionListener;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The pack, clock and source beans: made from the properties, replaced by the host's, checked when bound. */
class SiyuRulesAutoConfigurationTest {

    @Test
    void theGaoziPackOnTheClassPathDecidesForAHotCustomer() {
        Runners.starter().withPropertyValues("siyu.rules.pack=" + Packs.GAOZI).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LiveRulePack.class).hasSingleBean(Clock.class);
            LiveRulePack live = context.getBean(LiveRulePack.class);
            assertThat(live.isReady()).isTrue();
            RulePack pack = live.current();
            assertThat(pack.id()).isEqualTo("gaozi");
            assertThat(live.source().name()).isEqualTo("classpath:io/siyu/rules/examples/packs/gaozi");
            Decision d = pack.decide(pack.json().readCustomer(Packs.HOT_CUSTOMER));
            assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
            assertThat(d.scriptId()).contains("acne.offer");
            assertThat(d.intent().name()).isEqualTo("HOT");
        });
    }

    @Test
    void thePropertiesBindToThePackOptionsAndTheClock() {
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withPropertyValues("siyu.rules.locale=zh_CN", "siyu.rules.compile-mode=classic",
                        "siyu.rules.max-firings=77", "siyu.rules.clock.zone=Asia/Shanghai",
                        "siyu.rules.clock.fixed=2026-11-30T02:00:00Z", "siyu.rules.watch.debounce=2s")
                .run(context -> {
                    SiyuRulesProperties p = context.getBean(SiyuRulesProperties.class);
                    assertThat(p.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
                    assertThat(p.getWatch().getDebounce()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getStartup()).isEqualTo(SiyuRulesProperties.Startup.BLOCKING);
                    Clock clock = context.getBean(Clock.class);
                    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
                    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    PackOptions options = context.getBean(LiveRulePack.class).current().options();
                    assertThat(options.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
                    assertThat(options.maxFirings()).isEqualTo(77);
                    assertThat(options.compileMode()).isEqualTo(PackOptions.CompileMode.CLASSIC);
                    assertThat(options.clock()).isSameAs(clock);
                });
    }

    @Test
    void withoutAFixedInstantTheClockIsTheSystemClockInTheZone() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        SiyuRulesAutoConfiguration.class))
                .withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withPropertyValues("siyu.rules.clock.zone=Asia/Shanghai").run(context -> {
                    Clock clock = context.getBean(Clock.class);
                    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
                });
    }

    @Test
    void aFileLocationIsADirectoryOrAZip(@TempDir Path dir) throws Exception {
        Packs.write(dir.resolve("mini"), Packs.mini("3"));
        Path zip = dir.resolve("mini.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : Packs.mini("4").entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Runners.starter().withPropertyValues("siyu.rules.pack=file:" + dir.resolve("mini")).run(context -> {
            LiveRulePack live = context.getBean(LiveRulePack.class);
            assertThat(live.source().directory()).contains(dir.resolve("mini"));
            assertThat(live.current().version()).isEqualTo("3");
        });
        Runners.starter().withPropertyValues("siyu.rules.pack=" + zip).run(context -> {
            LiveRulePack live = context.getBean(LiveRulePack.class);
            assertThat(live.source().directory()).isEmpty();
            assertThat(live.current().version()).isEqualTo("4");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

        @Bean
        Clock hostClock() {
            return CLOCK;
        }

        @Bean
        PackSource hostSource() {
            return PackSource.files(Packs.mini("host"));
        }
    }

    @Test
    void theHostsClockAndSourceReplaceTheStartersAndThePackUsesThem() {
        Runners.starter().withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasSingleBean(Clock.class).hasSingleBean(PackSource.class);
            RulePack pack = context.getBean(LiveRulePack.class).current();
            assertThat(pack.version()).isEqualTo("host");
            assertThat(pack.options().clock()).isSameAs(HostBeans.CLOCK);
        });
    }

    @Test
    void theHostsOwnLiveRulePackReplacesTheStartersAndIsStillObserved() {
        LiveRulePack own = LiveRulePack.load(PackSource.files(Packs.mini("own")), PackOptions.defaults());
        Runners.starter().withBean(LiveRulePack.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LiveRulePack.class);
            assertThat(context.getBean(LiveRulePack.class)).isSameAs(own);
            // Its health and info are reported as for the starter's own.
            assertThat(HealthProbe.check(context.getBean("siyuRulesHealthIndicator")).details())
                    .containsEntry("version", "own");
        });
    }

    @Test
    void offWhenDisabled() {
        Runners.starter().withPropertyValues("siyu.rules.enabled=false", "siyu.rules.pack=" + Packs.GAOZI)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveRulePack.class)
                        .doesNotHaveBean(SiyuRulesProperties.class).doesNotHaveBean("siyuRulesHealthIndicator"));
    }

    /** Records the order in which listeners hear of decisions. */
    record Named(String name, List<String> heard) implements DecisionListener {
        @Override
        public void decided(Decision decision, long nanos) {
            heard.add(name + " " + decision.action());
        }
    }

    @Test
    void everyListenerBeanAndCustomizerIsAppliedInOrder() {
        Heard heard = new Heard(new CopyOnWriteArrayList<>());
        Runners.starter().withBean(PackSource.class, () -> PackSource.files(Packs.mini("1")))
                .withUserConfiguration(OrderedListeners.class)
                .withBean(Heard.class, () -> heard)
                .withBean(PackOptionsCustomizer.class, () -> options -> options.maxFirings(5))
                .run(context -> {
                    RulePack pack = context.getBean(LiveRulePack.class).current();
                    pack.decide(pack.json().readCustomer("{\"id\":\"c1\",\"messages\":[\"多少钱\"]}"));
                    assertThat(heard.events()).containsExactly("first OFFER_PRODUCT", "second OFFER_PRODUCT");
                    assertThat(pack.options().maxFirings()).isEqualTo(5);
                });
    }

    record Heard(List<String> events) {
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderedListeners {
        @Bean
        @Order(2)
        DecisionListener second(Heard heard) {
            return new Named("second", heard.events());
        }

        @Bean
        @Order(1)
        DecisionListener first(Heard heard) {
            return new Named("first", heard.events());
        }
    }

    @Test
    void aMissingLocationStopsTheStartNamingTheProperty() {
        Runners.starter().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("siyu.rules.pack").hasMessageContaining("classpath:packs/<name>");
        });
    }

    @Test
    void badPropertiesStopTheStartNamingEachProperty() {
        Runners.starter().withPropertyValues("siyu.rules.pack=http://example.com/pack", "siyu.rules.max-firings=0",
                "siyu.rules.watch.debounce=-1s").run(context -> {
                    assertThat(context).hasFailed();
                    String message = messages(context.getStartupFailure());
                    assertThat(message).contains("siyu.rules.pack=http://example.com/pack has an unknown prefix \"http:\"")
                            .contains("siyu.rules.max-firings must be at least 1")
                            .contains("siyu.rules.watch.debounce must be zero or more");
                });
        Runners.starter().withPropertyValues("siyu.rules.pack=" + Packs.GAOZI, "siyu.rules.watch.enabled=true",
                "siyu.rules.locale=zh_CN").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("只有目录里的规则包");
                });
        Runners.starter().withPropertyValues("siyu.rules.pack=" + Packs.GAOZI, "siyu.rules.startup=sometimes")
                .run(context -> assertThat(context).hasFailed());
    }

    static String messages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
            if (t instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException b) {
                b.getValidationErrors().forEach(e -> out.append(e.getDefaultMessage()).append('\n'));
            }
        }
        return out.toString();
    }

    @Test
    void aWatchedDirectoryIsReloadedAfterAnEditAndTheWatcherStopsWithTheApplication(@TempDir Path dir) {
        Packs.write(dir, Packs.mini("1"));
        Runners.starter().withPropertyValues("siyu.rules.pack=file:" + dir, "siyu.rules.watch.enabled=true",
                "siyu.rules.watch.debounce=50ms").run(context -> {
                    LiveRulePack live = context.getBean(LiveRulePack.class);
                    assertThat(watcherThreads()).isOne();
                    Packs.write(dir, Packs.mini("2"));
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (!live.current().version().equals("2") && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(live.current().version()).isEqualTo("2");
                });
        assertThat(watcherThreads()).isZero();
    }

    private static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("siyu-rule-pack-watcher")).count();
    }
}
