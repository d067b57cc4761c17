/**
 * Table-driven rule tests that operations staff write: case tables ({@code tests/*.csv} of a pack), one
 * customer and its expected action, script and intent per row.
 *
 * <p>{@link io.siyu.rules.cases.CaseTable} reads a table (strict UTF-8, RFC 4180 quoting, every problem
 * reported at once as a {@link io.siyu.rules.cases.CaseTableException}) into
 * {@link io.siyu.rules.cases.CaseRow}s; {@link io.siyu.rules.cases.CaseRunner} decides each row with the pack
 * at the row's moment and gives a {@link io.siyu.rules.cases.CaseResult}. Problems and failures are worded in
 * English or Simplified Chinese. The command line's {@code siyu test} runs these directly; the testkit's
 * {@code RuleCases} adds JUnit dynamic tests and rule coverage on top. The format is documented in
 * {@code docs/testkit.md}.
 *
 * <p>Conventions of this package:
 * <ul>
 *   <li>Unless a method says otherwise, arguments must not be null (a null argument throws
 *       {@code NullPointerException}), and no method returns null; absent values are {@code Optional} or
 *       empty collections and strings.</li>
 *   <li>Every type is immutable and thread-safe ({@code CaseRunner} as far as its observer is); returned
 *       collections are unmodifiable.</li>
 *   <li>Lines and columns are 1-based; a column counts {@code char}s from the start of the line.</li>
 *   <li>A table that cannot be read throws the unchecked {@link io.siyu.rules.cases.CaseTableException},
 *       listing every problem of every table read together. A row that fails is a result, not an
 *       exception.</li>
 * </ul>
 */
package io.siyu.rules.cases;
