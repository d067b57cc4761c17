package io.siyu.rules.codebook;

/** How many options of a codebook question one customer may choose. Immutable and thread-safe. */
public enum QuestionType {
    /** Exactly one option (written {@code "single"} in {@code codebook.json}). */
    SINGLE,
    /** Any number of options (written {@code "multi"} in {@code codebook.json}). */
    MULTI
}
