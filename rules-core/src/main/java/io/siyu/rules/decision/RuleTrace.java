package io.siyu.rules.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that fired during one decision, in order, and the one firing now. One per decision;
 * used by one thread only.
 */
final class RuleTrace {
    private final List<String> fired = new ArrayList<>();
    private String current = "";

    void firing(String rule) {
        current = rule;
        fired.add(rule);
    }

    void done() {
        current = "";
    }

    /** The rule whose consequence is running, or "" outside a consequence. */
    String current() {
        return current;
    }

    List<String> fired() {
        return fired;
    }
}
