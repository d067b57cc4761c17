package io.siyu.rules.pack;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LiveRulePackTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final PackOptions OPTIONS = PackOptions.builder().clock(CLOCK).locale(Locale.ENGLISH).build();
    private static final String LIGHT_TOUCH = "actions.propose(\"STOP_GENTLY\", 10, \"always possible\");";

    /** The action a customer with no tags and no messages gets from each version of the edited pack. */
    private static final Map<String, String> ACTION_BY_VERSION = Map.of("1", "STOP_GENTLY", "2", "SEND_WELFARE",
            "4", "INVITE_TO_GROUP");

    private static Path copyOfMini(Path dir) throws IOException {
        Path source = Path.of("src/test/resources/packs/mini");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return dir;
    }

    /** Writes a version of the pack: its version number and what the light-touch rule proposes. */
    private static void edit(Path dir, String version, String lightTouch) throws IOException {
        Path propose = dir.resolve("rules/propose.drl");
        String original = Files.readString(Path.of("src/test/resources/packs/mini/rules/propose.drl"),
                StandardCharsets.UTF_8);
        Files.writeString(propose, original.replace(LIGHT_TOUCH, lightTouch), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pack.json"), "{ \"id\": \"mini\", \"version\": \"" + version + "\" }",
                StandardCharsets.UTF_8);
    }

    /** Records what the listener hears. */
    private static final class Recorder implements DecisionListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void ready(RulePack pack) {
            events.add("ready " + pack.version());
        }

        @Override
        public void reloaded(RulePack previous, RulePack current) {
            events.add(previous.version() + "->" + current.version());
        }

        @Override
        public void rejected(RulePackException problems) {
            events.add("rejected " + problems.diagnostics().stream().map(Diagnostic::format).toList());
        }
    }

    @Test
    @Timeout(120)
    void editsLandWhileDecisionsRunOnSeveralThreadsAndNoneFailsBlocksOrMixesVersions(@TempDir Path tmp)
            throws Exception {
        Path dir = copyOfMini(tmp);
        Recorder recorder = new Recorder();
        Queue<Decision> decisions = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        Customer customer = Customer.builder("c1").build();
        try (LiveRulePack live = LiveRulePack.load(dir, OPTIONS.toBuilder().listener(recorder).build())) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread w = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            decisions.add(live.decide(customer));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                w.start();
                workers.add(w);
            }
            awaitDecisionOn("1", decisions);

            edit(dir, "2", "actions.propose(\"SEND_WELFARE\", 10, \"welfare first\");");
            assertThat(live.reload().version()).isEqualTo("2");
            awaitDecisionOn("2", decisions);

            edit(dir, "3", "actions.propose(\"SEND_WELFARE\", 10, \"welfare first\")");
            RulePackException rejected = catchThrowableOfType(RulePackException.class, live::reload);
            assertThat(rejected.diagnostics()).extracting(Diagnostic::format).containsExactly(
                    "rules/propose.drl:15:57: A \";\" is missing here, at the end of the statement.");
            assertThat(live.current().version()).isEqualTo("2");
            int seen = decisions.size();
            awaitCount(seen + 100, decisions);

            edit(dir, "4", "actions.propose(\"INVITE_TO_GROUP\", 10, \"join the group\");");
            assertThat(live.reload().version()).isEqualTo("4");
            awaitDecisionOn("4", decisions);

            stop.set(true);
            for (Thread w : workers) {
                w.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(w.isAlive()).as("a decision thread is blocked").isFalse();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.isFailed()).isFalse();
            // Each decision was made wholly by one serving version: its action is that version's.
            assertThat(ACTION_BY_VERSION).containsKey(d.packVersion());
            assertThat(d.action()).isEqualTo(ACTION_BY_VERSION.get(d.packVersion()));
        });
        assertThat(decisions).extracting(Decision::packVersion).doesNotContain("3");
        assertThat(recorder.events).hasSize(4);
        assertThat(recorder.events.get(0)).isEqualTo("ready 1");
        assertThat(recorder.events.get(1)).isEqualTo("1->2");
        assertThat(recorder.events.get(2)).startsWith("rejected [rules/propose.drl:15:57:");
        assertThat(recorder.events.get(3)).isEqualTo("2->4");
    }

    @Test
    @Timeout(60)
    void theWatcherReloadsAfterAnEditAndTellsTheListener(@TempDir Path tmp) throws Exception {
        Path dir = copyOfMini(tmp);
        CountDownLatch reloaded = new CountDownLatch(1);
        CountDownLatch rejected = new CountDownLatch(1);
        DecisionListener listener = new DecisionListener() {
            @Override
            public void reloaded(RulePack previous, RulePack current) {
                if (current.version().equals("2")) {
                    reloaded.countDown();
                }
            }

            @Override
            public void rejected(RulePackException problems) {
                rejected.countDown();
            }
        };
        try (LiveRulePack live = LiveRulePack.load(dir, OPTIONS.toBuilder().listener(listener).build())) {
            live.watch(Duration.ofMillis(100));
            edit(dir, "9", "actions.propose(\"SEND_WELFARE\", 10, \"x\") broken");
            assertThat(rejected.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(live.current().version()).isEqualTo("1");
            edit(dir, "2", "actions.propose(\"SEND_WELFARE\", 10, \"welfare first\");");
            assertThat(reloaded.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(live.decide(Customer.builder("c1").build()).action()).isEqualTo("SEND_WELFARE");
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("siyu-rule-pack-watcher");
    }

    @Test
    void aPackThatCannotLoadAtFirstIsRejectedWithItsDiagnostics() {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> LiveRulePack.load(
                Path.of("src/test/resources/packs/broken-unknown-type"), OPTIONS));
        assertThat(e.getMessage()).startsWith("The rule pack in src/test/resources/packs/broken-unknown-type cannot be"
                + " loaded: 1 problem(s).");
        assertThat(e.diagnostics()).extracting(Diagnostic::key).containsExactly("drl.unknown-type");
    }

    private static void awaitDecisionOn(String version, Queue<Decision> decisions) throws InterruptedException {
        while (decisions.stream().noneMatch(d -> d.packVersion().equals(version))) {
            Thread.sleep(5);
        }
    }

    private static void awaitCount(int count, Queue<Decision> decisions) throws InterruptedException {
        while (decisions.size() < count) {
            Thread.sleep(5);
        }
    }
}
