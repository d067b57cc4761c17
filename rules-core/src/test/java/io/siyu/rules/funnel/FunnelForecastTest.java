package io.siyu.rules.funnel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FunnelForecastTest {

    private static final FunnelForecast.Assumptions GAOZI = FunnelForecast.Assumptions.gaozi();

    @Test
    void gaoziAssumptionsReproduceTheReportedRates() {
        FunnelReport report = FunnelForecast.run(FunnelConfig.defaults(),
                GAOZI.withDailyIntake(150).withIntakeDays(60), 42L);
        FunnelCounts total = report.total();

        assertThat(total.entered()).isEqualTo(150 * 60);
        assertThat(total.dayZeroRate()).isCloseTo(0.12, within(0.02));
        assertThat(total.cumulativeRate()).isCloseTo(0.45, within(0.02));
        assertThat(total.repurchase7DaysRate()).isCloseTo(0.35, within(0.02));
        assertThat(total.active()).as("every journey has finished its conversion days").isZero();
    }

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedAnother() {
        FunnelForecast.Assumptions small = GAOZI.withDailyIntake(40).withIntakeDays(10);
        FunnelReport first = FunnelForecast.run(FunnelConfig.defaults(), small, 7L);
        FunnelReport again = FunnelForecast.run(FunnelConfig.defaults(), small, 7L);
        FunnelReport other = FunnelForecast.run(FunnelConfig.defaults(), small, 8L);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
