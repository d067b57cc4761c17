package io.siyu.rules.decision;

import java.util.Objects;

/**
 * Where a rule of a pack is written and which phase it belongs to.
 *
 * @param name  the rule name (unique within the pack)
 * @param file  the rule file, relative to the pack directory, e.g. {@code rules/intent.drl}
 * @param line  the 1-based line of the {@code rule} keyword
 * @param phase the phase ({@code ruleflow-group}) the rule runs in
 */
public record RuleInfo(String name, String file, int line, Phase phase) {
    public RuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(phase, "phase");
    }

    /** {@code file:line}, the way a person finds the rule. */
    public String location() {
        return file + ":" + line;
    }
}
