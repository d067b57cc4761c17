package io.siyu.rules.funnel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates, re-sent old events, events of a day arriving in any order and JSON round trips never change
 * what customers' events lead to.
 */
class JourneyReplayProperties {

    private final FunnelJson json = FunnelJson.create();

    /** One step of a history: an event of a customer, some minutes after the previous one. */
    private record Step(FunnelEvent.Kind kind, int customer, int minutesLater) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(FunnelEvent.Kind.class).injectDuplicates(0.3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2 * 24 * 60)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    private static List<FunnelEvent> events(List<Step> steps) {
        List<FunnelEvent> events = new ArrayList<>();
        Instant at = Fixtures.onDay(0, "09:00");
        for (int i = 0; i < steps.size(); i++) {
            at = at.plus(Duration.ofMinutes(steps.get(i).minutesLater()));
            events.add(Fixtures.event(steps.get(i).kind(), "e" + i, "c" + steps.get(i).customer(), at));
        }
        return events;
    }

    private static Funnel funnel() {
        return Funnel.inMemory(FunnelConfig.defaults().withGroupCapacity(2), Fixtures.clockAt("2027-06-01T12:00:00"));
    }

    /** Every journey of the funnel, by customer and in order. */
    private static List<Journey> journeys(Funnel funnel) {
        List<Journey> all = new ArrayList<>();
        funnel.store().forEachJourney(all::add);
        all.sort(Comparator.comparing(Journey::customerId).thenComparing(Journey::startDate,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    private static List<Journey> run(List<FunnelEvent> arrivals, LocalDate end) {
        Funnel funnel = funnel();
        arrivals.forEach(funnel::record);
        funnel.advance(end);
        return journeys(funnel);
    }

    @Property(tries = 150)
    void theArrivalOrderWithinADayAndDuplicatesChangeNothing(@ForAll("histories") List<Step> steps,
                                                             @ForAll long seed) {
        List<FunnelEvent> events = events(steps);
        Random random = new Random(seed);
        // The events of each day in a random order, some of them (or earlier ones) sent twice.
        TreeMap<LocalDate, List<FunnelEvent>> byDay = new TreeMap<>();
        for (FunnelEvent event : events) {
            byDay.computeIfAbsent(LocalDate.ofInstant(event.timestamp(), Fixtures.SHANGHAI), d -> new ArrayList<>())
                    .add(event);
        }
        List<FunnelEvent> unreliable = new ArrayList<>();
        for (List<FunnelEvent> day : byDay.values()) {
            java.util.Collections.shuffle(day, random);
            for (FunnelEvent event : day) {
                unreliable.add(event);
                if (random.nextInt(4) == 0) {
                    unreliable.add(unreliable.get(random.nextInt(unreliable.size())));
                }
            }
        }
        LocalDate end = byDay.lastKey().plusDays(20);

        assertThat(run(unreliable, end)).isEqualTo(run(events, end));
    }

    @Property(tries = 100)
    void aJourneyAndItsJournalSurviveJson(@ForAll("histories") List<Step> steps) {
        List<FunnelEvent> events = events(steps);
        LocalDate end = LocalDate.ofInstant(events.get(events.size() - 1).timestamp(), Fixtures.SHANGHAI);
        List<Journey> journeys = run(events, end);

        for (Journey journey : journeys) {
            assertThat(json.readJourney(json.write(journey))).isEqualTo(journey);
        }
        assertThat(run(json.readJournal(json.writeJournal(events)), end)).isEqualTo(journeys);
    }
}
