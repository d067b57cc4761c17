package io.siyu.rules.codebook;

import java.util.Objects;

/**
 * One answer as a codebook tag: which question, which option, and the option's compact code.
 * Immutable and thread-safe.
 *
 * @param questionId the codebook question, e.g. {@code concern}
 * @param optionId   the chosen option, e.g. {@code acne}
 * @param code       the option's code, e.g. {@code D}
 */
public record Tag(String questionId, String optionId, String code) {
    /**
     * A tag. Nothing is checked against a codebook; {@link Codebook#describe} does that.
     *
     * @param questionId the codebook question
     * @param optionId   the chosen option
     * @param code       the option's code
     * @throws NullPointerException when an argument is null
     */
    public Tag {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(optionId, "optionId");
        Objects.requireNonNull(code, "code");
    }
}
