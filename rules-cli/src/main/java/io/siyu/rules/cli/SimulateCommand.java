package io.siyu.rules.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
    private final Streams streams;
    private final Backends.Simulator simulator;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PackArguments pack;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "How many days to simulate. Default: ${DEFAULT-VALUE}.")
    private int days;

    @Option(names = "--daily", paramLabel = "N", defaultValue = "150",
            description = "How many new customers arrive each day. Default: ${DEFAULT-VALUE}.")
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
            throw new ParameterException(spec.commandLine(),
                    "--days and --daily must be at least 1, got --days " + days + " --daily " + daily);
        }
        return simulator.simulate(new Backends.SimulateRequest(pack, days, daily, seed, json), streams);
    }
}
