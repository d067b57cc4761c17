package io.siyu.rules.cli;

import io.siyu.rules.decision.DecisionJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code siyu decide PACK}: one JSON decision per customer line. */
@Command(name = "decide", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Input, one customer per line (blank lines are skipped; the tags come from one of answers, codes, remark):",
        "  {\"id\":\"c001\",\"codes\":\"34DU1\",\"messages\":[\"这个多少钱？\"],\"signals\":{\"replied\":true},"
                + "\"attributes\":{\"nickname\":\"小美\"}}",
        "",
        "Examples:",
        "  siyu decide packs/gaozi < customers.jsonl > decisions.jsonl",
        "  siyu decide --input customers.jsonl --clock 2026-11-23T10:00:00+08:00 packs/gaozi",
        "",
        "The pack is compiled once and kept in the compiled-pack cache (see --cache-dir); a pack whose files "
                + "changed is compiled again. --no-cache compiles it on every run."},
        description = {
        "Decides the next step for each customer: reads customers as JSON lines (UTF-8) from standard input "
                + "or --input, and writes one JSON object per line to standard output with the action, the "
                + "script text to send, the intent level and score with reasons, the rules that fired and the "
                + "vetoed proposals.",
        "A line that cannot be read or decided gets {\"line\":N,\"error\":...,\"diagnostics\":[...]} instead, "
                + "and the next lines are still decided; the exit code is then 2."})
final class DecideCommand implements Callable<Integer> {
    private final Streams streams;

    @Mixin
    private PackArguments pack;

    @Mixin
    private CustomerInput input;

    @Mixin
    private PackCacheOptions cache;

    DecideCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public Integer call() {
        return CustomerLines.run(pack, cache.directory(), input, streams,
                new JsonLinesSink(DecisionJson.of(null, pack.locale()), pack.locale()));
    }
}
