package io.siyu.rules.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code siyu explain PACK}: each customer's decision as readable text. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Examples:",
        "  echo '{\"id\":\"c001\",\"codes\":\"3DU3\",\"messages\":[\"多少钱\"]}' | siyu explain packs/gaozi",
        "  siyu explain --input customers.jsonl packs/gaozi"},
        description = {
        "Explains the decision for each customer, in words: the action and why, the script text, the intent "
                + "score with every reason, the proposals the policy vetoed and why, and the rules that fired.",
        "Takes the same input as 'siyu decide' (JSON lines); blocks are separated by a blank line. A line that "
                + "cannot be read or decided is explained as an error and the next lines go on; the exit code "
                + "is then 2."})
final class ExplainCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    private PackArguments pack;

    @Mixin
    private CustomerInput input;

    ExplainCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        return CustomerLines.run(pack, input, streams, new ExplainSink());
    }
}
