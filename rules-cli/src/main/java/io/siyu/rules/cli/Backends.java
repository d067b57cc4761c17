package io.siyu.rules.cli;

import java.util.Objects;

/**
 * The features behind {@code siyu simulate}, {@code siyu test} and {@code siyu demo}, which other modules
 * provide (the funnel forecast, the testkit's CSV runner, the examples' demo). The commands parse and
 * check their options, then hand over to these. Immutable.
 *
 * <p><b>Wiring point:</b> {@link #standard()} is what {@code siyu} runs with; replace its
 * {@link #notAvailable} entries by the real implementations as they land.
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

    /** The features of this build. */
    static Backends standard() {
        return new Backends(
                (request, streams) -> notAvailable("simulate", streams),
                (request, streams) -> notAvailable("test", streams),
                streams -> notAvailable("demo", streams));
    }

    /** Says on standard error that a command is not in this build yet; returns {@link ExitCodes#NOT_AVAILABLE}. */
    static int notAvailable(String command, Streams streams) {
        streams.err().println("siyu " + command + ": not available yet");
        return ExitCodes.NOT_AVAILABLE;
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
     * @param pack the pack; {@code pack.load()} loads it, {@code pack.directory()} locates its test tables
     */
    record TestRequest(PackArguments pack) {
        TestRequest {
            Objects.requireNonNull(pack, "pack");
        }
    }
}
