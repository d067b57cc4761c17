package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a {@link DecisionListener} hears, what it cannot break, and a live pack that starts in the background. */
class DecisionListenerTest {
    private static final Path MINI = Path.of("src/test/resources/packs/mini");
    private static final Path LOOP = Path.of("src/test/resources/packs/broken-loop");
    private static final Path BROKEN = Path.of("src/test/resources/packs/broken-unknown-type");
    private static final PackOptions OPTIONS = PackOptions.builder().locale(Locale.ENGLISH)
            .clock(Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC)).build();

    /** Records every call, as text. */
    static final class Recorder implements DecisionListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> nanos = new CopyOnWriteArrayList<>();

        @Override
        public void decided(Decision decision, long nanos) {
            this.nanos.add(nanos);
            events.add("decided " + decision.customerId() + " " + decision.action()
                    + decision.failure().map(f -> " (" + f + ")").orElse(""));
        }

        @Override
        public void ready(RulePack pack) {
            events.add("ready " + pack.version());
        }

        @Override
        public void reloaded(RulePack previous, RulePack current) {
            events.add("reloaded " + previous.version() + "->" + current.version());
        }

        @Override
        public void rejected(RulePackException problems) {
            events.add("rejected " + problems.diagnostics().stream().map(Diagnostic::key).toList());
        }
    }

    /** Throws from every method. */
    static final class Broken implements DecisionListener {
        @Override
        public void decided(Decision decision, long nanos) {
            throw new IllegalStateException("listener bug, customer " + decision.customerId());
        }

        @Override
        public void ready(RulePack pack) {
            throw new IllegalStateException("listener bug");
        }
    }

    @Test
    void everyDecisionIsToldWithItsOutcomeAndItsTimeInEveryListenerInOrder() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        RulePack pack = RulePack.load(MINI, OPTIONS.toBuilder().listener(first).listener(second).build());

        Decision one = pack.decide(Customer.builder("c1").build());
        List<Decision> batch = pack.decideAll(List.of(Customer.builder("c2").build(), Customer.builder("c3").build()));
        pack.withClock(Clock.systemUTC()).decide(Customer.builder("c4").build());

        assertThat(first.events).containsExactly("decided c1 " + one.action(), "decided c2 " + batch.get(0).action(),
                "decided c3 " + batch.get(1).action(), "decided c4 STOP_GENTLY");
        assertThat(second.events).isEqualTo(first.events);
        assertThat(first.nanos).allSatisfy(n -> assertThat(n).isPositive().isLessThan(Duration.ofMinutes(1).toNanos()));
        assertThat(pack.options().listeners()).containsExactly(first, second);
    }

    @Test
    void aFailedDecisionIsToldAsFailedAndStillThrows() {
        Recorder recorder = new Recorder();
        RulePack pack = RulePack.load(LOOP, OPTIONS.toBuilder().listener(recorder).build());

        DecisionException e = catchThrowableOfType(DecisionException.class,
                () -> pack.decide(Customer.builder("loops").message("loop").build()));
        List<Decision> batch = pack.decideAll(List.of(Customer.builder("loops-too").message("loop").build()));

        assertThat(e).isNotNull();
        assertThat(batch.get(0).isFailed()).isTrue();
        assertThat(recorder.events).hasSize(2).allSatisfy(event -> assertThat(event).contains(" FAILED ("));
        assertThat(recorder.events.get(0)).startsWith("decided loops FAILED (rules/");
        assertThat(recorder.events.get(1)).isEqualTo("decided loops-too FAILED (" + batch.get(0).failure().get() + ")");
    }

    @Test
    void aListenerThatThrowsBreaksNothingAndIsCounted() {
        Recorder after = new Recorder();
        PackOptions options = OPTIONS.toBuilder().listener(new Broken()).listener(after).build();
        RulePack pack = RulePack.load(MINI, options);

        Decision d = pack.decide(Customer.builder("c1").build());
        List<Decision> batch = pack.decideAll(List.of(Customer.builder("c2").build()));

        assertThat(d.action()).isEqualTo("STOP_GENTLY");
        assertThat(batch).singleElement().satisfies(b -> assertThat(b.isFailed()).isFalse());
        assertThat(after.events).containsExactly("decided c1 STOP_GENTLY", "decided c2 STOP_GENTLY");
        assertThat(pack.listenerFailures()).isEqualTo(2);
        // The count belongs to the options: a pack with another clock shares it.
        pack.withClock(Clock.systemUTC()).decide(Customer.builder("c3").build());
        assertThat(pack.listenerFailures()).isEqualTo(3);

        try (LiveRulePack live = LiveRulePack.load(MINI, options)) {
            assertThat(live.current().listenerFailures()).isEqualTo(4);   // ready() threw too, and served anyway
            assertThat(live.isReady()).isTrue();
        }
        assertThat(RulePack.load(MINI, OPTIONS).listenerFailures()).isZero();
    }

    @Test
    @Timeout(120)
    void aLivePackBuiltInTheBackgroundIsNotReadyUntilItsFirstBuildAndThenServes() throws Exception {
        Recorder recorder = new Recorder();
        try (LiveRulePack live = LiveRulePack.loadAsync(PackSource.directory(MINI),
                OPTIONS.toBuilder().listener(recorder).build())) {
            assertThat(live.awaitReady(Duration.ofSeconds(90))).isTrue();
            assertThat(live.isReady()).isTrue();
            assertThat(live.lastRejected()).isEmpty();
            assertThat(live.decide(Customer.builder("c1").build()).action()).isEqualTo("STOP_GENTLY");
            assertThat(recorder.events).containsExactly("ready 1", "decided c1 STOP_GENTLY");
        }
    }

    @Test
    @Timeout(120)
    void aFirstBuildThatFailsKeepsItsDiagnosticsUntilAReloadSucceeds() throws Exception {
        Recorder recorder = new Recorder();
        Map<String, String> files = new HashMap<>(PackSourceTest.filesOf(BROKEN));
        MutableSource source = new MutableSource(files);
        try (LiveRulePack live = LiveRulePack.loadAsync(source, OPTIONS.toBuilder().listener(recorder).build())) {
            assertThat(live.awaitReady(Duration.ofSeconds(90))).isFalse();
            assertThat(live.isReady()).isFalse();
            assertThat(live.lastRejected()).get().satisfies(e -> assertThat(e.diagnostics())
                    .extracting(Diagnostic::key).containsExactly("drl.unknown-type"));
            assertThatIllegalStateException().isThrownBy(live::current).withMessage("The rule pack from"
                    + " (mutable) is not ready: its first build failed with 1 problem(s). Fix them and reload.");
            assertThatIllegalStateException().isThrownBy(() -> live.decide(Customer.builder("c1").build()));
            assertThatIllegalStateException().isThrownBy(() -> live.watch(Duration.ZERO))
                    .withMessageContaining("only a directory can be watched");

            source.files.clear();
            source.files.putAll(PackSourceTest.filesOf(MINI));
            assertThat(live.reload().version()).isEqualTo("1");

            assertThat(live.isReady()).isTrue();
            assertThat(live.awaitReady(Duration.ZERO)).isTrue();
            assertThat(live.lastRejected()).isEmpty();
            assertThat(recorder.events).containsExactly("rejected [drl.unknown-type]", "ready 1");
        }
    }

    @Test
    void aRejectedReloadIsKeptForAnyoneToReadAndClearedByTheNextGoodOne() throws Exception {
        MutableSource source = new MutableSource(new HashMap<>(PackSourceTest.filesOf(MINI)));
        try (LiveRulePack live = LiveRulePack.load(source, OPTIONS)) {
            source.files.put("rules/extra.drl", "rule \"x\" ruleflow-group \"propose\" when Nope() then end");
            assertThatThrownBy(live::reload).isInstanceOf(RulePackException.class);
            assertThat(live.lastRejected()).get().satisfies(e -> assertThat(e.diagnostics())
                    .allSatisfy(d -> assertThat(d.file()).isEqualTo("rules/extra.drl")));
            assertThat(live.current().version()).isEqualTo("1");

            source.files.remove("rules/extra.drl");
            source.files.put("pack.json", "{ \"id\": \"mini\", \"version\": \"2\" }");
            assertThat(live.reload().version()).isEqualTo("2");
            assertThat(live.lastRejected()).isEmpty();
        }
    }

    /** A source of one's own, whose files a test changes: reloaded on demand. */
    static final class MutableSource implements PackSource {
        final Map<String, String> files;

        MutableSource(Map<String, String> files) {
            this.files = files;
        }

        @Override
        public String name() {
            return "(mutable)";
        }

        @Override
        public List<String> list() throws java.io.IOException {
            return PackSource.files(Map.copyOf(files)).list();
        }

        @Override
        public java.io.InputStream open(String file) throws java.io.IOException {
            return PackSource.files(Map.copyOf(files)).open(file);
        }
    }
}
