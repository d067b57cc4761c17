package io.siyu.rules.funnel.contract;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.CohortGroup;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelCounts;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.Stage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.siyu.rules.funnel.contract.Journals.ACNE;
import static io.siyu.rules.funnel.contract.Journals.DAY_0;
import static io.siyu.rules.funnel.contract.Journals.at;
import static io.siyu.rules.funnel.contract.Journals.clockOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link FunnelStore} must do, shown through a real {@link Funnel} and through the store's own
 * operations. Each implementation's test extends this class and says how to get an empty store and how to
 * open the same data again ({@code FunnelStore.inMemory()}, H2, PostgreSQL ...): one suite, every store.
 */
public abstract class FunnelStoreContract {

    private final FunnelJson json = FunnelJson.create();

    /**
     * A new store with nothing in it (for a database: its funnel tables emptied).
     *
     * @return the store
     */
    protected abstract FunnelStore emptyStore();

    /**
     * The same data opened again, as a restarted application or a second instance would: a new store object
     * over the same storage. A store without storage of its own (memory) returns the same store.
     *
     * @param store a store made by {@link #emptyStore()}
     * @return another store over the same data
     */
    protected abstract FunnelStore reopen(FunnelStore store);

    private static FunnelConfig config() {
        return FunnelConfig.defaults();
    }

    private Funnel funnel(FunnelStore store, FunnelConfig config, Clock clock) {
        return Funnel.create(config, clock, store);
    }

    private static List<Journey> journeys(FunnelStore store) {
        List<Journey> all = new ArrayList<>();
        store.forEachJourney(all::add);
        all.sort(Comparator.comparing(Journey::customerId).thenComparing(Journey::startDate,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    // ------------------------------------------------------------------ the four journals of the issue

    @Test
    void aRetriedOrderIsOnePurchase() {
        Funnel funnel = funnel(emptyStore(), config(), clockOn(0, "12:00"));
        List<Funnel.Recorded> recorded = funnel.recordAll(json.readJournal(Journals.RETRIED_ORDER));

        assertThat(recorded).extracting(Funnel.Recorded::outcome).last().isEqualTo(Funnel.Outcome.DUPLICATE);
        Journey journey = funnel.journey("c-9001").orElseThrow();
        assertThat(journey).extracting(Journey::stage, Journey::purchases, Journey::revenueFen, Journey::convertedIn)
                .containsExactly(Stage.CONVERTED, 1, 29_900L, Stage.ONE_TO_ONE);
        FunnelCounts total = funnel.report().total();
        assertThat(total.revenueFen()).isEqualTo(29_900);
        assertThat(total.buyers()).isEqualTo(1);
        assertThat(total.repurchase7DaysRate()).isZero();
        assertThat(total.convertedDayZero()).isEqualTo(1);
    }

    @Test
    void anEventOutOfOrderIsAppliedInTimeOrder() {
        Funnel funnel = funnel(emptyStore(), config(), clockOn(1, "12:00"));
        List<Funnel.Recorded> recorded = funnel.recordAll(json.readJournal(Journals.OUT_OF_ORDER));

        assertThat(recorded.get(3).outcome()).isEqualTo(Funnel.Outcome.REPLAYED);
        funnel.advance(DAY_0.plusDays(1));
        Journey journey = funnel.journey("c-2").orElseThrow();
        assertThat(journey).extracting(Journey::stage, Journey::convertedIn, Journey::groupId, Journey::lastEventId)
                .containsExactly(Stage.CONVERTED, Stage.ONE_TO_ONE, "", "msg-2");
        assertThat(funnel.report().total()).extracting(FunnelCounts::convertedDayZero, FunnelCounts::grouped)
                .containsExactly(1, 0);
    }

    @Test
    void aPurchaseAfterTheWindowIsRecordedAndReported() {
        FunnelConfig leaving = config().withExit(false, true, true);
        Funnel funnel = funnel(emptyStore(), leaving, clockOn(14, "20:00"));
        funnel.recordAll(json.readJournal(Journals.PURCHASE_AFTER_THE_WINDOW));

        Journey journey = funnel.journey("c-3").orElseThrow();
        assertThat(journey).extracting(Journey::stage, Journey::leftIn, Journey::purchases, Journey::convertedIn)
                .containsExactly(Stage.LEFT, Stage.CONVERSION, 1, Stage.LEFT);
        FunnelCounts total = funnel.report().total();
        assertThat(total).extracting(FunnelCounts::convertedAfterLeaving, FunnelCounts::converted,
                FunnelCounts::buyers, FunnelCounts::revenueFen).containsExactly(1, 0, 1, 29_900L);
    }

    @Test
    void aCustomerWhoComesBackStartsANewJourneyAndTheOldOneIsKept() {
        Funnel funnel = funnel(emptyStore(), config(), clockOn(40, "12:00"));
        funnel.recordAll(json.readJournal(Journals.COMING_BACK));

        List<Journey> journeys = funnel.journeys("c-4");
        assertThat(journeys).extracting(Journey::stage, Journey::startDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Stage.LEFT, DAY_0),
                org.assertj.core.groups.Tuple.tuple(Stage.CONVERTED, DAY_0.plusDays(32)));
        assertThat(journeys.get(1).revenueFen()).isEqualTo(19_900);
        FunnelReport report = funnel.report();
        assertThat(report.total()).extracting(FunnelCounts::entered, FunnelCounts::left, FunnelCounts::buyers,
                FunnelCounts::revenueFen).containsExactly(2, 1, 1, 19_900L);
    }

    @Test
    void withoutReentryTheComebackIsRecordedAndItsOrderStillCounted() {
        FunnelConfig never = config().withReentryAfterDays(FunnelConfig.NO_REENTRY);
        Funnel funnel = funnel(emptyStore(), never, clockOn(40, "12:00"));
        List<Funnel.Recorded> recorded = funnel.recordAll(json.readJournal(Journals.COMING_BACK));

        assertThat(recorded.get(3).outcome()).isEqualTo(Funnel.Outcome.IGNORED);
        assertThat(funnel.journeys("c-4")).singleElement()
                .extracting(Journey::stage, Journey::convertedIn, Journey::revenueFen)
                .containsExactly(Stage.LEFT, Stage.LEFT, 19_900L);
        assertThat(funnel.report().total().convertedAfterLeaving()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ durability

    @Test
    void aFunnelReopenedHalfWayThroughAJournalEndsAsOneUninterruptedRun() {
        List<FunnelEvent> journal = Journals.generated(300, 42);
        Clock clock = clockOn(40, "12:00");
        Funnel reference = Funnel.inMemory(config(), clock);
        reference.recordAll(journal);
        reference.advance(DAY_0.plusDays(35));

        FunnelStore store = emptyStore();
        Funnel first = funnel(store, config(), clock);
        int half = journal.size() / 2;
        for (FunnelEvent event : journal.subList(0, half)) {
            first.record(event);
        }
        // Everything dropped; a new store object and a new funnel over the same data.
        FunnelStore reopened = reopen(store);
        Funnel second = funnel(reopened, config(), clock);
        second.recordAll(journal.subList(half, journal.size()));
        second.recordAll(journal.subList(0, 40));
        second.advance(DAY_0.plusDays(35));

        assertThat(second.report()).isEqualTo(reference.report());
        assertThat(journeys(reopened)).isEqualTo(journeys(reference.store()));
        assertThat(second.report().total().entered()).isEqualTo(300);
    }

    @Test
    void anEventIsADuplicateForEverAcrossRestarts() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(20, "12:00"));
        funnel.record(new FunnelEvent.Added("a", "c1", at(0, "10:00")));
        FunnelEvent order = new FunnelEvent.Purchased("order-1", "c1", at(0, "11:00"), 100);
        funnel.record(order);
        funnel.advance(DAY_0.plusDays(15));

        Funnel restarted = funnel(reopen(store), config(), clockOn(20, "12:00"));
        assertThat(restarted.recordAll(List.of(order))).extracting(Funnel.Recorded::outcome)
                .containsExactly(Funnel.Outcome.DUPLICATE);
        assertThat(restarted.journey("c1").orElseThrow().purchases()).isEqualTo(1);
        assertThat(reopen(store).journal("c1")).extracting(FunnelEvent::eventId)
                .containsExactlyInAnyOrder("a", "order-1");
    }

    @Test
    void anEventIdRecordedBeforeIsADuplicateEvenWithALaterTime() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(0, "23:00"));
        funnel.recordAll(List.of(new FunnelEvent.Added("a", "c1", at(0, "10:00")),
                new FunnelEvent.Purchased("order-1", "c1", at(0, "10:05"), 100)));

        // The shop resends order-1 stamped with the time of the resend, later than anything recorded for c1.
        List<Funnel.Recorded> again = funnel(reopen(store), config(), clockOn(0, "23:00")).recordAll(List.of(
                new FunnelEvent.MessageReceived("m", "c1", at(0, "10:06")),
                new FunnelEvent.Purchased("order-1", "c1", at(0, "10:30"), 100),
                new FunnelEvent.Added("b", "c2", at(0, "10:31"))));

        assertThat(again).extracting(Funnel.Recorded::outcome).containsExactly(Funnel.Outcome.APPLIED,
                Funnel.Outcome.DUPLICATE, Funnel.Outcome.APPLIED);
        assertThat(funnel.journey("c1").orElseThrow().purchases()).isEqualTo(1);
        assertThat(funnel.journey("c1").orElseThrow().revenueFen()).isEqualTo(100);
        assertThat(reopen(store).journal("c1")).extracting(FunnelEvent::eventId)
                .containsExactlyInAnyOrder("a", "order-1", "m");
        assertThat(funnel.journey("c2")).isPresent();
    }

    @Test
    void anEventIdSentAgainWithOtherContentIsAConflictAndTheFirstRecordingStands() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(0, "23:00"));
        funnel.recordAll(List.of(new FunnelEvent.Added("a", "c1", at(0, "10:00")),
                new FunnelEvent.Purchased("order-1", "c1", at(0, "10:05"), 29_900)));

        // After a restart: the shop sends order-1 again with another amount (an id reused, or an order edited
        // after it was sent), then a survey twice in one batch with other tags the second time, then the same
        // survey again (a true duplicate).
        Funnel restarted = funnel(reopen(store), config(), clockOn(0, "23:00"));
        List<Funnel.Recorded> again = restarted.recordAll(List.of(
                new FunnelEvent.Purchased("order-1", "c1", at(0, "10:05"), 19_900),
                new FunnelEvent.Surveyed("s", "c1", at(0, "10:06"), ACNE),
                new FunnelEvent.Surveyed("s", "c1", at(0, "10:06"), TagSet.none()),
                new FunnelEvent.Surveyed("s", "c1", at(0, "10:06"), ACNE),
                new FunnelEvent.MessageReceived("order-1", "c1", at(0, "10:07")),
                new FunnelEvent.Surveyed("s2", "c1", at(0, "10:08"), TWO_ANSWERS),
                new FunnelEvent.Surveyed("s2", "c1", at(0, "10:08"), TagSet.of(List.of(TWO_ANSWERS.tags().get(1),
                        TWO_ANSWERS.tags().get(0))))));

        // The survey after the purchase changes no stage (IGNORED) but is journaled, so its id is taken.
        assertThat(again).extracting(Funnel.Recorded::outcome).containsExactly(Funnel.Outcome.CONFLICT,
                Funnel.Outcome.IGNORED, Funnel.Outcome.CONFLICT, Funnel.Outcome.DUPLICATE, Funnel.Outcome.CONFLICT,
                Funnel.Outcome.IGNORED, Funnel.Outcome.DUPLICATE);
        assertThat(again.get(0).problem(Locale.ENGLISH)).get(STRING)
                .contains("order-1", "c1", "other content", "the first recording stands", "new id");
        assertThat(again.get(0).problem(Locale.SIMPLIFIED_CHINESE)).get(STRING)
                .contains("order-1", "以第一次记录为准");
        assertThat(again.get(1).problem(Locale.ENGLISH)).isEmpty();
        assertThat(again.get(3).problem(Locale.ENGLISH)).isEmpty();
        Journey journey = restarted.journey("c1").orElseThrow();
        assertThat(journey.purchases()).isEqualTo(1);
        assertThat(journey.revenueFen()).isEqualTo(29_900);
        assertThat(restarted.report().total().revenueFen()).isEqualTo(29_900);
        assertThat(reopen(store).journal("c1")).containsExactlyInAnyOrder(
                new FunnelEvent.Added("a", "c1", at(0, "10:00")),
                new FunnelEvent.Purchased("order-1", "c1", at(0, "10:05"), 29_900),
                new FunnelEvent.Surveyed("s", "c1", at(0, "10:06"), ACNE),
                new FunnelEvent.Surveyed("s2", "c1", at(0, "10:08"), TWO_ANSWERS));
    }

    /** Two answers: the same survey whichever order a sender lists them in. */
    private static final TagSet TWO_ANSWERS = TagSet.of(List.of(new Tag("concern", "acne", "D"),
            new Tag("skin", "oily", "3")));

    // ------------------------------------------------------------------ several instances

    @Test
    void twoFunnelsWithTwoThreadsEachSeatEveryCustomerOnceAndCrossEachDayOnce() throws Exception {
        FunnelStore store = emptyStore();
        Clock clock = clockOn(12, "12:00");
        List<Funnel> funnels = List.of(funnel(store, config(), clock), funnel(reopen(store), config(), clock));
        int customers = 600;
        int threads = 4;
        CyclicBarrier ready = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Funnel funnel = funnels.get(t / 2);
                done.add(pool.submit(() -> {
                    for (int n = thread; n < customers; n += threads) {
                        String c = String.format("c%04d", n);
                        funnel.record(new FunnelEvent.Added(c + "-a", c, at(0, "10:00").plusSeconds(n)));
                        funnel.record(new FunnelEvent.Surveyed(c + "-s", c, at(0, "10:30").plusSeconds(n), ACNE));
                    }
                    ready.await(1, TimeUnit.MINUTES);
                    for (int day : new int[] {1, 3, 6, 12}) {
                        funnel.advance(DAY_0.plusDays(day));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Journey> journeys = journeys(reopen(store));
        assertThat(journeys).hasSize(customers).allSatisfy(journey -> {
            assertThat(journey.isGrouped()).as(journey.customerId()).isTrue();
            assertThat(journey.stage()).isEqualTo(Stage.NURTURE);
        });
        Map<String, Integer> sizes = new HashMap<>();
        journeys.forEach(journey -> sizes.merge(journey.groupId(), 1, Integer::sum));
        assertThat(sizes).containsOnly(Map.entry("D-2026-11-23-1", 200), Map.entry("D-2026-11-23-2", 200),
                Map.entry("D-2026-11-23-3", 200));
        List<FunnelStore.Crossing> crossings = store.crossings();
        assertThat(crossings).extracting(FunnelStore.Crossing::day).doesNotHaveDuplicates()
                .contains(DAY_0.plusDays(1), DAY_0.plusDays(3), DAY_0.plusDays(6), DAY_0.plusDays(12));
        assertThat(crossings).filteredOn(c -> c.day().equals(DAY_0.plusDays(1))).singleElement()
                .extracting(FunnelStore.Crossing::moved, FunnelStore.Crossing::seated).containsExactly(600, 600);
        assertThat(crossings.stream().mapToInt(FunnelStore.Crossing::moved).sum())
                .as("each journey moved once per stage: seeded, conversion, nurture").isEqualTo(3 * customers);
        assertThat(store.advancedThrough()).contains(DAY_0.plusDays(12));
    }

    @Test
    void anAdvanceWhoseHolderDiedIsResumedOnceItsLeaseExpires() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(2, "12:00"));
        funnel.record(new FunnelEvent.Surveyed("s", "c1", at(0, "10:00"), ACNE));
        assertThat(reopen(store).claimAdvance("a-process-that-died", DAY_0.plusDays(1), Duration.ofSeconds(2)))
                .isTrue();
        assertThat(store.claimAdvance("someone-else", DAY_0.plusDays(1), Duration.ofSeconds(5)))
                .as("held").isFalse();

        funnel.advance(DAY_0.plusDays(1));

        assertThat(funnel.journey("c1").orElseThrow().groupId()).isEqualTo("D-2026-11-23-1");
        assertThat(store.crossings()).extracting(FunnelStore.Crossing::day).containsOnlyOnce(DAY_0.plusDays(1));
        assertThat(store.claimAdvance("someone-else", DAY_0.plusDays(2), Duration.ofSeconds(5)))
                .as("released when finished").isTrue();
        store.releaseAdvance("someone-else");
    }

    // ------------------------------------------------------------------ the store's own operations

    @Test
    void aWriteWithAStaleVersionConflictsAndChangesNothing() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(0, "12:00"));
        funnel.record(new FunnelEvent.Added("a", "c1", at(0, "10:00")));
        FunnelStore.CustomerRecord record = store.read("c1").orElseThrow();
        FunnelEvent message = new FunnelEvent.MessageReceived("m", "c1", at(0, "10:05"));

        List<FunnelStore.WriteResult> results = reopen(store).write(List.of(new FunnelStore.Write("c1",
                record.version() - 1, record.journeys(), 0, Optional.empty(), record.journalMillis(),
                List.of(message))));

        assertThat(results).containsExactly(FunnelStore.WriteResult.CONFLICT);
        assertThat(store.read("c1")).contains(record);
        assertThat(store.recorded(List.of(FunnelStore.EventKey.of(message)))).isEmpty();
        assertThat(store.write(List.of(new FunnelStore.Write("new", 1, List.of(Journey.start("new")), 0,
                Optional.empty(), at(0, "10:00").toEpochMilli(), List.of())))).as("no record to update")
                .containsExactly(FunnelStore.WriteResult.CONFLICT);
        assertThatThrownBy(() -> store.write(List.of(
                new FunnelStore.Write("x", 0, List.of(Journey.start("x")), 0, Optional.empty(), 0, List.of()),
                new FunnelStore.Write("x", 0, List.of(Journey.start("x")), 0, Optional.empty(), 0, List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteOfAnEventRecordedMeanwhileOrOfACustomerCreatedMeanwhileConflictsAloneAndChangesNothing() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(0, "12:00"));
        funnel.record(new FunnelEvent.Added("a", "c1", at(0, "10:00")));
        funnel.record(new FunnelEvent.Added("a", "c2", at(0, "10:00")));
        FunnelStore.CustomerRecord c1 = store.read("c1").orElseThrow();
        FunnelStore.CustomerRecord c2 = store.read("c2").orElseThrow();
        FunnelEvent again = new FunnelEvent.MessageReceived("a", "c1", at(0, "10:05"));
        FunnelEvent message = new FunnelEvent.MessageReceived("m", "c2", at(0, "10:05"));
        FunnelEvent added = new FunnelEvent.Added("x", "c3", at(0, "10:05"));
        FunnelStore.Write known = new FunnelStore.Write("c2", 0, List.of(Journey.start("c2")), 0, Optional.empty(),
                at(0, "10:05").toEpochMilli(), List.of(new FunnelEvent.Added("y", "c2", at(0, "10:05"))));

        List<FunnelStore.WriteResult> results = reopen(store).write(List.of(
                new FunnelStore.Write("c1", c1.version(), c1.journeys(), 0, Optional.empty(),
                        at(0, "10:05").toEpochMilli(), List.of(again)),
                known,
                new FunnelStore.Write("c3", 0, List.of(Journey.start("c3")), 0, Optional.empty(),
                        at(0, "10:05").toEpochMilli(), List.of(added))));

        assertThat(results).as("an event id recorded before; a customer who exists; a new one").containsExactly(
                FunnelStore.WriteResult.CONFLICT, FunnelStore.WriteResult.CONFLICT, FunnelStore.WriteResult.APPLIED);
        assertThat(store.read("c1")).contains(c1);
        assertThat(store.read("c2")).contains(c2);
        assertThat(store.journal("c1")).extracting(FunnelEvent::timestamp).containsExactly(at(0, "10:00"));
        assertThat(store.recorded(List.of(FunnelStore.EventKey.of(message), new FunnelStore.EventKey("c2", "y"),
                FunnelStore.EventKey.of(added)))).containsExactly(FunnelStore.EventKey.of(added));
        assertThat(store.read("c3")).hasValueSatisfying(record -> assertThat(record.version()).isEqualTo(1));
    }

    @Test
    void ofConcurrentWritesOfOneVersionExactlyOneIsAppliedPerCustomer() throws Exception {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(0, "23:00"));
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            customers.add("c" + c);
            funnel.record(new FunnelEvent.Added("a", "c" + c, at(0, "10:00")));
        }
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 1; round <= 10; round++) {
                Map<String, FunnelStore.CustomerRecord> before = store.readAll(customers);
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<List<FunnelStore.WriteResult>>> results = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    FunnelStore writer = reopen(store);
                    String id = "r" + round + "-w" + w;
                    List<FunnelStore.Write> writes = new ArrayList<>();
                    for (String customer : customers) {
                        FunnelStore.CustomerRecord record = before.get(customer);
                        FunnelEvent message = new FunnelEvent.MessageReceived(id, customer, at(0, "11:00").plusSeconds(round));
                        writes.add(new FunnelStore.Write(customer, record.version(), record.journeys(), 0,
                                Optional.empty(), message.timestamp().toEpochMilli(), List.of(message)));
                    }
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return writer.write(writes);
                    }));
                }
                Map<String, Integer> applied = new HashMap<>();
                Map<String, String> winners = new HashMap<>();
                for (int w = 0; w < writers; w++) {
                    List<FunnelStore.WriteResult> outcome = results.get(w).get(30, TimeUnit.SECONDS);
                    for (int c = 0; c < customers.size(); c++) {
                        if (outcome.get(c) == FunnelStore.WriteResult.APPLIED) {
                            applied.merge(customers.get(c), 1, Integer::sum);
                            winners.put(customers.get(c), "r" + round + "-w" + w);
                        }
                    }
                }
                String thisRound = "r" + round + "-";
                for (String customer : customers) {
                    assertThat(applied.get(customer)).as("writers applied for %s in %s", customer, thisRound)
                            .isEqualTo(1);
                    assertThat(store.read(customer).orElseThrow().version())
                            .isEqualTo(before.get(customer).version() + 1);
                    assertThat(store.journal(customer)).extracting(FunnelEvent::eventId)
                            .filteredOn(id -> id.startsWith(thisRound))
                            .containsExactly(winners.get(customer));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyCustomersWithABoundaryDueAreReadInPagesInOrder() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(3, "12:00"));
        for (int day = 0; day <= 2; day++) {
            for (int n = 0; n < 5; n++) {
                String c = "d" + day + "-" + n;
                funnel.record(new FunnelEvent.Surveyed(c, c, at(day, "10:00"), ACNE));
            }
        }
        funnel.record(new FunnelEvent.Purchased("p", "d0-0", at(0, "11:00"), 100));

        // Day 0's customers were seated on day 1 (seeding until day 5: next boundary day 6), but for the buyer;
        // day 1's on day 2 (next boundary day 7); day 2's are on their day 0 (next boundary day 3).
        assertThat(store.due(DAY_0.plusDays(2), Optional.empty(), 100)).isEmpty();
        List<FunnelStore.Due> first = store.due(DAY_0.plusDays(6), Optional.empty(), 4);
        List<FunnelStore.Due> rest = store.due(DAY_0.plusDays(6), Optional.of(first.get(3)), 100);
        List<String> ids = new ArrayList<>();
        first.forEach(d -> ids.add(d.record().customerId()));
        rest.forEach(d -> ids.add(d.record().customerId()));

        assertThat(ids).as("by (next boundary, customer id); the buyer and day 1's customers left out")
                .containsExactly("d2-0", "d2-1", "d2-2", "d2-3", "d2-4", "d0-1", "d0-2", "d0-3", "d0-4");
        assertThat(first).extracting(FunnelStore.Due::nextBoundary).containsOnly(DAY_0.plusDays(3));
        assertThat(rest.get(1).nextBoundary()).isEqualTo(DAY_0.plusDays(6));
        assertThat(store.due(DAY_0.plusDays(5), Optional.empty(), 100)).hasSize(5);
        assertThat(store.due(DAY_0.plusDays(7), Optional.empty(), 100)).hasSize(14);
        assertThat(store.read("d0-0").orElseThrow().current())
                .as("a late day-0 order is a day-0 conversion; the seat taken is kept")
                .extracting(Journey::stage, Journey::convertedIn, Journey::groupId)
                .containsExactly(Stage.CONVERTED, Stage.ONE_TO_ONE, "D-2026-11-23-1");
    }

    @Test
    void seatsAreIdempotentAndGroupsNeverOverfill() {
        FunnelStore store = emptyStore();
        List<FunnelStore.Seat> wanted = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            wanted.add(new FunnelStore.Seat("c" + n, 0, "D-2026-11-23", ACNE, DAY_0));
        }
        wanted.add(new FunnelStore.Seat("f0", 0, "F-2026-11-23", Journals.DRYNESS, DAY_0));

        List<String> groups = store.seat(wanted, 2);
        assertThat(groups).containsExactly("D-2026-11-23-1", "D-2026-11-23-1", "D-2026-11-23-2", "D-2026-11-23-2",
                "D-2026-11-23-3", "F-2026-11-23-1");
        assertThat(reopen(store).seat(List.of(wanted.get(4), wanted.get(0),
                new FunnelStore.Seat("c0", 1, "D-2026-11-23", ACNE, DAY_0)), 2))
                .as("a seat once taken is kept; a second journey is another seat")
                .containsExactly("D-2026-11-23-3", "D-2026-11-23-1", "D-2026-11-23-3");
        assertThat(store.groups(DAY_0, DAY_0)).extracting(FunnelStore.Group::groupId, FunnelStore.Group::seats)
                .as("in the order opened").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-1", 2),
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-2", 2),
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-3", 2),
                        org.assertj.core.groups.Tuple.tuple("F-2026-11-23-1", 1));
        assertThat(store.groups(DAY_0.plusDays(1), DAY_0.plusDays(9))).isEmpty();
        assertThat(store.groups(DAY_0, DAY_0).get(3).cohort()).isEqualTo(Journals.DRYNESS);
    }

    @Test
    void activeGroupsCountTheMembersWhoHaveNotLeft() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config().withGroupCapacity(2), clockOn(3, "12:00"));
        for (String c : List.of("a", "b", "c")) {
            funnel.record(new FunnelEvent.Surveyed(c, c, at(0, "10:00"), ACNE));
        }
        funnel.advance(DAY_0.plusDays(1));
        funnel.record(new FunnelEvent.LeftGroup("l", "b", at(2, "10:00")));

        assertThat(funnel.activeGroups(DAY_0.plusDays(2)))
                .extracting(CohortGroup::groupId, CohortGroup::members, CohortGroup::day)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D-2026-11-23-1", 1, 2),
                        org.assertj.core.groups.Tuple.tuple("D-2026-11-23-2", 1, 2));
        assertThat(funnel.planFor(DAY_0.plusDays(3), day -> List.of()).missingContent()).hasSize(2);
    }

    @Test
    void aReportCountsEveryJourneyAndTheJournalKeepsEveryEvent() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(40, "12:00"));
        funnel.recordAll(json.readJournal(Journals.COMING_BACK));
        funnel.record(new FunnelEvent.MessageReceived("early", "never-added", at(1, "09:00")));

        assertThat(journeys(store)).hasSize(3);
        assertThat(store.journal("c-4")).hasSize(5);
        assertThat(store.journal("never-added")).extracting(FunnelEvent::eventId).containsExactly("early");
        assertThat(store.recorded(List.of(new FunnelStore.EventKey("c-4", "order-4"),
                new FunnelStore.EventKey("c-4", "order-5")))).containsExactly(new FunnelStore.EventKey("c-4", "order-4"));
        assertThat(store.startedOn(DAY_0.plusDays(32))).extracting(Journey::customerId).containsExactly("c-4");
        assertThat(funnel.report().total().entered()).isEqualTo(2);
        LocalDate through = store.advancedThrough().orElseThrow();
        assertThat(through).isEqualTo(DAY_0.plusDays(33));
    }

    @Test
    void aSendIsKeptWholeInTheJournalAndEveryJournalIsReadOncePerCustomer() {
        FunnelStore store = emptyStore();
        Funnel funnel = funnel(store, config(), clockOn(3, "12:00"));
        FunnelEvent.Sent sent = new FunnelEvent.Sent("send-1", "c-5", at(0, "10:05"), "d-0123456789abcdef01234567",
                "acne.offer", "B");
        FunnelEvent.Sent plain = new FunnelEvent.Sent("send-2", "c-5", at(0, "11:00"), "d-2", "acne.light", "");
        List<Funnel.Recorded> recorded = funnel.recordAll(List.of(
                new FunnelEvent.Added("a-5", "c-5", at(0, "10:00")), sent, plain,
                new FunnelEvent.Purchased("p-5", "c-5", at(1, "09:00"), 29_900),
                new FunnelEvent.Added("a-6", "c-6", at(0, "10:00"))));
        assertThat(recorded).extracting(Funnel.Recorded::outcome).containsOnly(Funnel.Outcome.APPLIED);
        assertThat(funnel.journey("c-5").orElseThrow().stage()).isEqualTo(Stage.CONVERTED);

        FunnelStore again = reopen(store);
        assertThat(again.journal("c-5")).contains(sent, plain);
        List<List<FunnelEvent>> journals = new ArrayList<>();
        again.forEachJournal(journals::add);
        assertThat(journals).hasSize(2).allSatisfy(j -> assertThat(j).extracting(FunnelEvent::customerId)
                .containsOnly(j.get(0).customerId()));
        assertThat(journals.stream().mapToInt(List::size).sum()).isEqualTo(5);
        assertThat(json.readEvent(json.write(sent))).isEqualTo(sent);
        assertThat(json.write(sent)).contains("\"type\":\"Sent\"", "\"decisionId\":\"d-0123456789abcdef01234567\"",
                "\"variant\":\"B\"");
    }
}
