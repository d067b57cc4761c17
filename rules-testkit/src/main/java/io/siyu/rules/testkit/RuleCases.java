package io.siyu.rules.testkit;

import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs case tables ({@link CaseTable}) against a pack: as one JUnit dynamic test per row, or as plain
 * results for a command line.
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> cases(RulePack pack) {
 *     return RuleCases.from(pack, Path.of("src/test/resources/cases.csv")).dynamicTests();
 * }
 * }</pre>
 * Each test is named {@code cases.csv:12 <case name>}; a failure names the file and line, every
 * expectation that was not met, and the decision's explanation.
 *
 * <p>Every row is decided at a fixed moment: the row's {@code clock} column, or {@link #DEFAULT_TIME}
 * (10:00 in Shanghai), so a table gives the same result at any time of day. When the pack was loaded
 * with a different clock, the pack is loaded again from its directory with that moment (once per
 * moment). Decisions are recorded in {@code RuleCoverage.of(pack)}. Thread-safe.
 */
public final class RuleCases {
    /** The moment rows without a {@code clock} are decided at: 10:00 in Shanghai, 23 November 2026. */
    public static final OffsetDateTime DEFAULT_TIME = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

    private final RulePack pack;
    private final RuleCoverage coverage;
    private final List<CaseTable> tables;
    private final OffsetDateTime defaultTime;
    private final Map<Instant, RulePack> packsAt = new ConcurrentHashMap<>();

    private RuleCases(RulePack pack, RuleCoverage coverage, List<CaseTable> tables, OffsetDateTime defaultTime) {
        this.pack = pack;
        this.coverage = coverage;
        this.tables = List.copyOf(tables);
        this.defaultTime = defaultTime;
    }

    /**
     * The cases of these CSV files against {@code pack}.
     *
     * @throws CaseTableException listing every problem of every file
     */
    public static RuleCases from(RulePack pack, Path... csvFiles) {
        return from(pack, List.of(csvFiles));
    }

    /**
     * The cases of these CSV files against {@code pack}.
     *
     * @throws CaseTableException listing every problem of every file
     */
    public static RuleCases from(RulePack pack, List<Path> csvFiles) {
        Objects.requireNonNull(pack, "pack");
        List<CaseTable> tables = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path csv : csvFiles) {
            try {
                tables.add(CaseTable.load(csv));
            } catch (CaseTableException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseTableException(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the case tables of pack " + pack.id(), problems);
        }
        return new RuleCases(pack, RuleCoverage.of(pack), tables, DEFAULT_TIME);
    }

    /**
     * The pack's own cases: every {@code tests/*.csv} of the pack directory, in name order (none when
     * the pack has no {@code tests} directory). This is what {@code siyu test PACK} runs.
     *
     * @throws CaseTableException listing every problem of every file
     */
    public static RuleCases ofPack(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        Path dir = pack.directory().resolve("tests");
        if (!Files.isDirectory(dir)) {
            return from(pack, List.of());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return from(pack, files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same cases, with rows that have no {@code clock} decided at {@code time} instead. */
    public RuleCases at(OffsetDateTime time) {
        return new RuleCases(pack, coverage, tables, Objects.requireNonNull(time, "time"));
    }

    /** The same cases, recording decisions in {@code coverage} instead of {@code RuleCoverage.of(pack)}. */
    public RuleCases recordingTo(RuleCoverage coverage) {
        return new RuleCases(pack, Objects.requireNonNull(coverage, "coverage"), tables, defaultTime);
    }

    /** The tables, in the order given. */
    public List<CaseTable> tables() {
        return tables;
    }

    /** Every row of every table, in order. */
    public List<CaseRow> rows() {
        return tables.stream().flatMap(t -> t.rows().stream()).toList();
    }

    /**
     * One dynamic test per row, named {@code cases.csv:12 <case name>} and linked to the row's file and
     * line (IDEs jump there). A failing row throws an {@link AssertionError} with its {@link CaseResult#message()}.
     */
    public Stream<DynamicTest> dynamicTests() {
        return tables.stream().flatMap(table -> table.rows().stream().map(row ->
                DynamicTest.dynamicTest(row.displayName(), source(table, row), () -> {
                    CaseResult result = run(row);
                    if (!result.passed()) {
                        throw new AssertionFailedError(result.message());
                    }
                })));
    }

    private static URI source(CaseTable table, CaseRow row) {
        return URI.create(table.path().toAbsolutePath().toUri() + "?line=" + row.line());
    }

    /** Runs every row, in order, for a command line or a report. */
    public List<CaseResult> run() {
        return rows().stream().map(this::run).toList();
    }

    /** Runs one row. */
    public CaseResult run(CaseRow row) {
        Objects.requireNonNull(row, "row");
        Decision decision;
        try {
            TestCustomer customer = TestCustomers.of(packAt(row.clock().orElse(defaultTime)), coverage)
                    .customer(row.name()).codes(row.codes()).signal(row.signals());
            row.messages().forEach(customer::message);
            row.attributes().forEach(customer::attribute);
            decision = customer.decide();
        } catch (CodebookException e) {
            return result(row, row.displayName() + ": column codes: \"" + row.codes() + "\" cannot be read: "
                    + e.getMessage());
        }
        List<String> mismatches = new ArrayList<>();
        Expectations.action(row.action(), decision).ifPresent(mismatches::add);
        row.script().flatMap(s -> Expectations.script(s, decision)).ifPresent(mismatches::add);
        row.intent().flatMap(i -> Expectations.intent(i, decision)).ifPresent(mismatches::add);
        if (mismatches.isEmpty()) {
            return new CaseResult(row.file(), row.line(), row.name(), true, "");
        }
        mismatches.add(0, row.displayName() + ":");
        return result(row, Explained.message(mismatches, decision));
    }

    private static CaseResult result(CaseRow row, String failure) {
        return new CaseResult(row.file(), row.line(), row.name(), false, failure);
    }

    /** The pack deciding at {@code time}: this pack when its clock is there already, else a reload. */
    private RulePack packAt(OffsetDateTime time) {
        Instant instant = time.toInstant();
        if (pack.options().clock().instant().equals(instant)) {
            return pack;
        }
        return packsAt.computeIfAbsent(instant, i -> RulePack.load(pack.directory(),
                pack.options().toBuilder().clock(Clock.fixed(i, time.getOffset())).build()));
    }

    /** The pack the cases run against. */
    public RulePack pack() {
        return pack;
    }

    @Override
    public String toString() {
        return "RuleCases[" + pack.id() + ", " + tables.size() + " tables, " + rows().size() + " cases]";
    }
}
