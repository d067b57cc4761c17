package io.siyu.rules.cli;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.pack.RulePack;

import java.util.List;
import java.util.Objects;

/**
 * The features behind {@code siyu simulate}, {@code siyu test} and {@code siyu demo}, which other modules
 * provide (the funnel forecast and the case-table runner of rules-core, the examples' demo). The commands parse and
 * check their options, then hand over to these. Immutable.
 *
 * <p>{@link #standard()} is what {@code siyu} runs with; tests pass their own.
 *
 * @param simulator  runs {@code simulate}
 * @param testRunner runs {@code test}
 * @param demo       runs {@code demo}
 */
record Backends(Simulator simulator, PackTestRunner testRunner, Demo demo) {
    Backends {
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(testRunner, "testRunner");
        Objects.requireNonNull(demo, "demo");
    }

    /** The features of this build: the pack's funnel forecast, rules-core's case runner, the examples' demo. */
    static Backends standard() {
        return new Backends(Backends::forecast, Backends::runCases, streams -> {
            io.siyu.rules.examples.Demo.run(streams.out());
            return ExitCodes.OK;
        });
    }

    /** The forecast with the Gaozi rates, at the requested intake, over the pack's own cohorts. */
    private static int forecast(SimulateRequest request, Streams streams) {
        RulePack pack = request.pack().load();
        FunnelForecast.Assumptions assumptions = FunnelForecast.Assumptions.gaozi()
                .withDailyIntake(request.daily()).withIntakeDays(request.days());
        FunnelReport report = pack.forecast(assumptions, request.seed());
        streams.out().println(request.json() ? FunnelJson.create().write(report)
                : report.toTable(request.pack().locale(), false));
        return ExitCodes.OK;
    }

    /**
     * Every row of the pack's {@code tests/*.csv}, in the pack's locale: one PASS/FAIL block per row, then a
     * summary line. Rows without a {@code clock} are decided at {@link CaseRunner#DEFAULT_TIME}, whatever
     * {@code --clock} says, so that a pack's tests give the same result on every machine at every hour.
     */
    private static int runCases(TestRequest request, Streams streams) {
        RulePack pack = request.pack().load();
        CaseRunner runner = CaseRunner.of(pack);
        List<CaseResult> results;
        List<io.siyu.rules.cases.CaseTable> tables;
        try {
            tables = runner.packTables();
            results = runner.run(tables);
        } catch (CaseTableException e) {
            e.diagnostics().forEach(d -> streams.out().println(d.format(request.pack().locale())));
            streams.out().println(CliMessages.format(request.pack().locale(), "report.table-problems",
                    e.diagnostics().size()));
            return ExitCodes.PACK_ERRORS;
        }
        if (results.isEmpty()) {
            // Nothing was tested, which is not a pass: a CI step running siyu test on a pack whose tables are
            // misplaced (test/, *.xlsx) or empty must not go green. Exit 3, as when tests fail.
            streams.out().println(tables.isEmpty()
                    ? CliMessages.format(request.pack().locale(), "test.no-tables", request.pack().location().given(),
                    io.siyu.rules.cases.CaseTable.HEADER)
                    : CliMessages.format(request.pack().locale(), "test.no-rows", tables.stream()
                    .map(t -> "tests/" + t.fileName()).collect(java.util.stream.Collectors.joining(", "))));
            streams.out().println("0 passed, 0 failed");
            return ExitCodes.TESTS_FAILED;
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        results.forEach(r -> streams.out().println(r.format()));
        streams.out().println((results.size() - failed) + " passed, " + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.TESTS_FAILED;
    }

    /** The funnel forecast behind {@code siyu simulate}. */
    @FunctionalInterface
    interface Simulator {
        /**
         * Forecasts the funnel and prints the report ({@code request.json()}: as JSON) to {@code streams.out()}.
         *
         * @return the exit code (see {@link ExitCodes})
         * @throws PackLoadFailure (from {@code request.pack().load()}) when the pack has errors: siyu prints them, exit 1
         */
        int simulate(SimulateRequest request, Streams streams);
    }

    /** The table-driven (CSV) rule tests behind {@code siyu test}. */
    @FunctionalInterface
    interface PackTestRunner {
        /**
         * Runs the pack's tests and prints each failure and a summary to {@code streams.out()}.
         *
         * @return {@link ExitCodes#OK} when all pass; a failing test should return a non-zero code
         * @throws PackLoadFailure (from {@code request.pack().load()}) when the pack has errors: siyu prints them, exit 1
         */
        int test(TestRequest request, Streams streams);
    }

    /** The runnable demo of the example packs behind {@code siyu demo}. */
    @FunctionalInterface
    interface Demo {
        /**
         * Runs the demo, printing to {@code streams.out()}.
         *
         * @return the exit code (see {@link ExitCodes})
         */
        int run(Streams streams);
    }

    /**
     * What {@code siyu simulate} was asked for.
     *
     * @param pack  the pack; {@code pack.load()} loads it
     * @param days  how many days to simulate (at least 1)
     * @param daily how many new customers arrive each day (at least 1)
     * @param seed  the random seed: the same seed gives the same forecast
     * @param json  whether to print the report as JSON instead of a table
     */
    record SimulateRequest(PackArguments pack, int days, int daily, long seed, boolean json) {
        SimulateRequest {
            Objects.requireNonNull(pack, "pack");
        }
    }

    /**
     * What {@code siyu test} was asked for.
     *
     * @param pack the pack; {@code pack.load()} loads it, and the loaded pack's source holds its test tables
     */
    record TestRequest(PackArguments pack) {
        TestRequest {
            Objects.requireNonNull(pack, "pack");
        }
    }
}
