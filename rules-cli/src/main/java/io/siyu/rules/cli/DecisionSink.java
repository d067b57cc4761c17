package io.siyu.rules.cli;

import io.siyu.rules.decision.Decision;

/** Where the outcome of each input line goes, in input order: a decision or an error. */
interface DecisionSink {
    /** The line was decided. */
    void decided(int line, Decision decision);

    /** The line produced no decision. */
    void failed(LineError error);
}
