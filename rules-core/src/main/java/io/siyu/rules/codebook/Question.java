package io.siyu.rules.codebook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a codebook with its options, in the order the codebook gives them (the canonical
 * order of tags).
 *
 * @param id       the question's id, unique in the codebook, e.g. {@code concern}; the key of answers
 * @param text     the question as customers read it, e.g. {@code 您最想解决的问题是？}
 * @param type     whether one or several options may be chosen
 * @param required whether {@link Codebook#encode} demands an answer
 * @param options  the options, never empty; the list is immutable
 */
public record Question(String id, String text, QuestionType type, boolean required, List<Option> options) {
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " has no options");
        }
    }

    /** The option with this id, or empty when the question has none. */
    public Optional<Option> option(String optionId) {
        Objects.requireNonNull(optionId, "optionId");
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /**
     * One answer a codebook question offers.
     *
     * @param id    the option's id, unique within its question, e.g. {@code acne}; used in answers
     * @param code  the compact code written into remarks, e.g. {@code D}; unique and prefix-free in the codebook
     * @param label the label staff read, e.g. {@code 最想解决痘痘}
     */
    public record Option(String id, String code, String label) {
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }
}
