/**
 * Closing the loop: which script and which A/B variant converts, and whether the pack converts at all compared
 * with a holdout control group ({@link io.siyu.rules.report.ConversionReport}), from the sends and purchases a
 * funnel's store journals. The method (Wilson and Newcombe intervals, the two-proportion z-test) and the verdicts
 * are documented in {@code docs/reports.md}.
 *
 * <p><b>Conventions.</b> Arguments must not be null unless a method says otherwise; no method returns null. Rates
 * are fractions from 0 to 1, money in fen. Every type is immutable and thread-safe but the report's builder.
 */
package io.siyu.rules.report;
