package io.siyu.rules.codebook;

import java.util.Objects;

/**
 * One answer as a codebook tag: which question, which option, and the option's compact code.
 *
 * @param questionId the codebook question, e.g. {@code concern}
 * @param optionId   the chosen option, e.g. {@code acne}
 * @param code       the option's code, e.g. {@code D}
 */
public record Tag(String questionId, String optionId, String code) {
    public Tag {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(optionId, "optionId");
        Objects.requireNonNull(code, "code");
    }
}
