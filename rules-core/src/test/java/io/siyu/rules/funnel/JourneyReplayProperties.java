package io.siyu.rules.funnel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates, re-sent old events and JSON round trips never change what a customer's events lead to. */
class JourneyReplayProperties {

    private final FunnelMachine machine = FunnelMachine.of(FunnelConfig.defaults());
    private final FunnelJson json = FunnelJson.create();

    /** One step of a history: an event, and what the unreliable transport does after sending it. */
    private record Step(FunnelEvent.Kind kind, int minutesLater, int resend) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(FunnelEvent.Kind.class).injectDuplicates(0.3),
                Arbitraries.integers().between(1, 3 * 24 * 60),
                Arbitraries.integers().between(0, 5)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    private static List<FunnelEvent> events(List<Step> steps) {
        List<FunnelEvent> events = new ArrayList<>();
        Instant at = Fixtures.onDay(0, "09:00");
        for (int i = 0; i < steps.size(); i++) {
            at = at.plus(Duration.ofMinutes(steps.get(i).minutesLater()));
            events.add(Fixtures.event(steps.get(i).kind(), "e" + i, "c1", at));
        }
        return events;
    }

    /** Applies events in order, skipping the rejected ones (they leave the journey as it was). */
    private Journey run(List<FunnelEvent> events) {
        Journey journey = Journey.start("c1");
        for (FunnelEvent event : events) {
            try {
                journey = machine.apply(journey, event);
            } catch (RejectedEventException rejected) {
                assertThat(rejected.customerId()).isEqualTo("c1");
            }
        }
        return journey;
    }

    @Property(tries = 200)
    void duplicatesAndReSentOldEventsChangeNothing(@ForAll("histories") List<Step> steps) {
        List<FunnelEvent> events = events(steps);
        List<FunnelEvent> unreliable = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            unreliable.add(events.get(i));
            int resend = steps.get(i).resend();
            if (resend == 1) {
                unreliable.add(events.get(i));
            } else if (resend == 2) {
                unreliable.add(events.get(i / 2));
            }
        }
        assertThat(run(unreliable)).isEqualTo(run(events));
    }

    @Property(tries = 200)
    void aJourneyAndItsJournalSurviveJson(@ForAll("histories") List<Step> steps) {
        List<FunnelEvent> events = events(steps);
        Journey journey = run(events);

        assertThat(json.readJourney(json.write(journey))).isEqualTo(journey);
        assertThat(run(json.readJournal(json.writeJournal(events)))).isEqualTo(journey);
        assertThat(run(events)).as("replaying the same journal twice").isEqualTo(run(events));
    }
}
