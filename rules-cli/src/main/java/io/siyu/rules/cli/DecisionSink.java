package io.siyu.rules.cli;

import io.siyu.rules.decision.Decision;

/**
 * How the outcome of each input line is written: the text of a decision or of an error. Written in input order
 * by one writer, but made by several threads at once, so implementations are stateless and thread-safe.
 */
interface DecisionSink {
    /** The text of a decided line, ending with a line break. */
    String decided(int line, Decision decision);

    /** The text of a line that produced no decision, ending with a line break. */
    String failed(LineError error);

    /** What is written between the texts of two lines ("" by default). */
    default String separator() {
        return "";
    }
}
