package io.siyu.rules.testkit;

import io.siyu.rules.cases.CaseResult;
import io.siyu.rules.cases.CaseRow;
import io.siyu.rules.cases.CaseRunner;
import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs case tables ({@link CaseTable}) against a pack as JUnit dynamic tests, one per row, recording every
 * decision in the rule coverage.
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> cases(RulePack pack) {
 *     return RuleCases.from(pack, Path.of("src/test/resources/cases.csv")).dynamicTests();
 * }
 * }</pre>
 * Each test is named {@code cases.csv:12 <case name>}; a failure names the file and line, every
 * expectation that was not met, and the decision's explanation.
 *
 * <p>The rows are read and run by rules-core's {@link CaseRunner} (what {@code siyu test} runs too), in the
 * pack's locale: every row is decided at a fixed moment, the row's {@code clock} column or
 * {@link #DEFAULT_TIME} (10:00 in Shanghai), by the pack with that clock, so a table gives the same result at
 * any time of day. This class adds the JUnit face and records decisions in {@code RuleCoverage.of(pack)}.
 * Immutable and thread-safe.
 */
public final class RuleCases {
    /** The moment rows without a {@code clock} are decided at: 10:00 in Shanghai, 23 November 2026. */
    public static final OffsetDateTime DEFAULT_TIME = CaseRunner.DEFAULT_TIME;

    private final CaseRunner runner;
    private final RuleCoverage coverage;
    private final List<CaseTable> tables;

    private RuleCases(CaseRunner runner, RuleCoverage coverage, List<CaseTable> tables) {
        this.runner = runner.observing(coverage::record);
        this.coverage = coverage;
        this.tables = List.copyOf(tables);
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
        CaseRunner runner = CaseRunner.of(Objects.requireNonNull(pack, "pack"));
        return new RuleCases(runner, RuleCoverage.of(pack), runner.load(csvFiles));
    }

    /**
     * The pack's own cases: every {@code tests/*.csv} of the pack directory, in name order (none when
     * the pack has no {@code tests} directory). This is what {@code siyu test PACK} runs.
     *
     * @throws CaseTableException listing every problem of every file
     */
    public static RuleCases ofPack(RulePack pack) {
        CaseRunner runner = CaseRunner.of(Objects.requireNonNull(pack, "pack"));
        return new RuleCases(runner, RuleCoverage.of(pack), runner.packTables());
    }

    /** The same cases, with rows that have no {@code clock} decided at {@code time} instead. */
    public RuleCases at(OffsetDateTime time) {
        return new RuleCases(runner.at(Objects.requireNonNull(time, "time")), coverage, tables);
    }

    /** The same cases, recording decisions in {@code coverage} instead of {@code RuleCoverage.of(pack)}. */
    public RuleCases recordingTo(RuleCoverage coverage) {
        return new RuleCases(runner, Objects.requireNonNull(coverage, "coverage"), tables);
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

    /** {@code file:///.../cases.csv?line=12}, JUnit's file source; none for a table that is not a file. */
    private static URI source(CaseTable table, CaseRow row) {
        return table.path().map(p -> URI.create(p.toAbsolutePath().toUri() + "?line=" + row.line())).orElse(null);
    }

    /** Runs every row, in order, for a report. */
    public List<CaseResult> run() {
        return runner.run(tables);
    }

    /** Runs one row. */
    public CaseResult run(CaseRow row) {
        return runner.run(Objects.requireNonNull(row, "row"));
    }

    /** The pack the cases run against. */
    public RulePack pack() {
        return runner.pack();
    }

    @Override
    public String toString() {
        return "RuleCases[" + pack().id() + ", " + tables.size() + " tables, " + rows().size() + " cases]";
    }
}
