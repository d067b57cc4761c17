package io.siyu.rules.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that fired during one decision, in order, and the one firing now. One per decision;
 * used by one thread only.
 */
final class RuleTrace {
    private final List<String> fired = new ArrayList<>();
    private Map<String, Integer> updates;
    private String current = "";

    void firing(String rule) {
        current = rule;
        fired.add(rule);
    }

    void done() {
        current = "";
    }

    /** Counts a fact update made by a rule's consequence ({@code modify}/{@code update}). */
    void updatedBy(String rule) {
        if (updates == null) {
            updates = new HashMap<>();
        }
        updates.merge(rule, 1, Integer::sum);
    }

    /**
     * The rule to blame when a phase fires without end: the one that updated facts most often (an
     * update re-activates every rule that matches the fact, so those rules fire as often as the culprit),
     * or, when no rule updated anything, the rule that fired most often since {@code from}.
     */
    String loopCulprit(int from) {
        Map<String, Integer> counts = updates;
        if (counts == null || counts.isEmpty()) {
            counts = new HashMap<>();
            for (String rule : fired.subList(from, fired.size())) {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        String culprit = "";
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(culprit) < 0)) {
                culprit = e.getKey();
                most = e.getValue();
            }
        }
        return culprit;
    }

    /** The rule whose consequence is running, or "" outside a consequence. */
    String current() {
        return current;
    }

    List<String> fired() {
        return fired;
    }
}
