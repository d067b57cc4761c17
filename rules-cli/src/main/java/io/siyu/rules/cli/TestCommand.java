package io.siyu.rules.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code siyu test PACK}: the pack's table-driven tests; hands over to {@link Backends.PackTestRunner} (in this
 * build, rules-core's {@code io.siyu.rules.cases.CaseRunner}).
 */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Example:",
        "  siyu test packs/gaozi"},
        description = {
        "Runs the pack's rule tests: tables (CSV) of customers and the action, script and intent each must "
                + "get. Prints every failing row with what was expected and what the rules decided.",
        "Each row is decided at its clock column, or else at 2026-11-23T10:00:00+08:00, so that the tests give "
                + "the same result at any hour; --clock does not change that. --locale sets the language of "
                + "problems and failures."})
final class TestCommand implements Callable<Integer> {
    private final Streams streams;
    private final Backends.PackTestRunner runner;

    @Mixin
    private PackArguments pack;

    TestCommand(Streams streams, Backends.PackTestRunner runner) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public Integer call() {
        return runner.test(new Backends.TestRequest(pack), streams);
    }
}
