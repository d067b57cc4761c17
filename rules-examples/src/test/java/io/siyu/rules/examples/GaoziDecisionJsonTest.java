package io.siyu.rules.examples;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions the Gaozi pack makes for its bundled sample customers, at any hour of a day (quiet hours give
 * other actions and vetoes), survive JSON: written, read back, equal.
 */
class GaoziDecisionJsonTest {
    private static final RulePack GAOZI = RulePack.load(ExamplePacks.source("gaozi"), PackOptions.defaults());
    private static final List<Customer> SAMPLES = Demo.sampleCustomers(GAOZI);
    private static final DecisionJson JSON = GAOZI.json();

    @Property(tries = 24)
    void everySampleDecisionRoundTrips(@ForAll("moments") ZonedDateTime moment) {
        RulePack pack = GAOZI.withClock(Clock.fixed(moment.toInstant(), moment.getZone()));
        List<Decision> decisions = pack.decideAll(SAMPLES);
        assertThat(decisions).hasSize(SAMPLES.size());
        for (Decision d : decisions) {
            assertThat(JSON.readDecision(JSON.write(d))).isEqualTo(d);
        }
    }

    @Provide
    Arbitrary<ZonedDateTime> moments() {
        ZonedDateTime start = ZonedDateTime.parse(Demo.DEMO_TIME).withHour(0);
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(start::plusMinutes);
    }
}
