package io.siyu.rules.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code siyu simulate PACK}: the funnel forecast; hands over to {@link Backends.Simulator}. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Examples:",
        "  siyu simulate packs/gaozi --days 30 --daily 150",
        "  siyu simulate packs/gaozi --days 11 --daily 150 --seed 7 --json > forecast.json"},
        description = {
        "Forecasts the group funnel (one-to-one service on day 0, seeding days 1-5, conversion days 6-11): "
                + "simulates DAILY new customers a day for DAYS days through the pack's rules and funnel.json, "
                + "and reports how many entered, converted per stage and per tag, and the rates."})
final class SimulateCommand implements Callable<Integer> {
    /** The most days simulated: ten years. The funnel's stages last days; a longer forecast says nothing more. */
    static final int MAX_DAYS = 3650;
    /** The most new customers a day: more than any one account's groups take in. */
    static final int MAX_DAILY = 1_000_000;
    /**
     * The most customers of one run (days × daily): each is decided by the rules, so this is already minutes of
     * work; beyond it a run looks hung, printing nothing until it ends.
     */
    static final long MAX_CUSTOMERS = 50_000_000L;

    private final Streams streams;
    private final Backends.Simulator simulator;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PackArguments pack;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "How many days to simulate, 1 to 3650. Default: ${DEFAULT-VALUE}.")
    private int days;

    @Option(names = "--daily", paramLabel = "N", defaultValue = "150",
            description = "How many new customers arrive each day, 1 to 1,000,000 (and days × daily at most "
                    + "50,000,000). Default: ${DEFAULT-VALUE}.")
    private int daily;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed: the same seed gives the same forecast. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    private boolean json;

    SimulateCommand(Streams streams, Backends.Simulator simulator) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public Integer call() {
        if (days < 1 || daily < 1) {
            throw UsageProblem.of(spec, "simulate.at-least-one", days, daily);
        }
        if (days > MAX_DAYS) {
            throw UsageProblem.of(spec, "simulate.too-many-days", days, MAX_DAYS);
        }
        if (daily > MAX_DAILY) {
            throw UsageProblem.of(spec, "simulate.too-many-daily", daily, MAX_DAILY);
        }
        long customers = (long) days * daily;
        if (customers > MAX_CUSTOMERS) {
            throw UsageProblem.of(spec, "simulate.too-many-customers", days, daily, customers, MAX_CUSTOMERS);
        }
        return simulator.simulate(new Backends.SimulateRequest(pack, days, daily, seed, json), streams);
    }
}
