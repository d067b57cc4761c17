package io.siyu.rules.cli;

import picocli.CommandLine.Command;

import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code siyu demo}: the example packs at work; hands over to {@link Backends.Demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        footer = {"", "Example:", "  siyu demo"},
        description = "Shows the example packs at work (no pack needed): sample customers of the Gaozi skincare "
                + "pack and what the rules decide for each, with the reasons.")
final class DemoCommand implements Callable<Integer> {
    private final Streams streams;
    private final Backends.Demo demo;

    DemoCommand(Streams streams, Backends.Demo demo) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.demo = Objects.requireNonNull(demo, "demo");
    }

    @Override
    public Integer call() {
        return demo.run(streams);
    }
}
