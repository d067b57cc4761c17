package io.siyu.rules.internal.compile;

import java.util.Objects;

/**
 * The text of one rule file of a pack.
 *
 * @param file the path relative to the pack directory, with {@code /} separators, e.g. {@code rules/intent.drl}
 * @param text the file's content
 */
public record RuleSource(String file, String text) {
    public RuleSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }
}
