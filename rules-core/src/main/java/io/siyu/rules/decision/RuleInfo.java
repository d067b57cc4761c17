package io.siyu.rules.decision;

import java.util.Objects;

/**
 * Where a rule of a pack is written and which phase it belongs to. Immutable and thread-safe.
 *
 * @param name  the rule name (unique within the pack)
 * @param file  the rule file, relative to the pack directory, e.g. {@code rules/intent.drl}
 * @param line  the 1-based line of the {@code rule} keyword
 * @param phase the phase ({@code ruleflow-group}) the rule runs in
 */
public record RuleInfo(String name, String file, int line, Phase phase) {
    /**
     * A rule's place.
     *
     * @param name  the rule name
     * @param file  the rule file, relative to the pack directory
     * @param line  the 1-based line; not checked
     * @param phase the phase
     * @throws NullPointerException when {@code name}, {@code file} or {@code phase} is null
     */
    public RuleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(phase, "phase");
    }

    /**
     * Where the rule is, the way a person finds it.
     *
     * @return {@code file:line}, e.g. {@code rules/intent.drl:12}
     */
    public String location() {
        return file + ":" + line;
    }
}
