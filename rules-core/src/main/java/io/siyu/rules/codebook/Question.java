package io.siyu.rules.codebook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a codebook with its options, in the order the codebook gives them (the canonical
 * order of tags). Immutable and thread-safe.
 *
 * @param id       the question's id, unique in the codebook, e.g. {@code concern}; the key of answers
 * @param text     the question as customers read it, e.g. {@code 您最想解决的问题是？}
 * @param type     whether one or several options may be chosen
 * @param required whether {@link Codebook#encode} demands an answer
 * @param options  the options in option order, never empty; the list is unmodifiable
 * @param retiredCodes codes this question's options had before they were removed from the codebook
 *                 ({@code retiredCodes} in the file), so that an old remark that still holds one is explained
 *                 rather than refused as unknown; reserved: no current code may equal or begin one. Possibly
 *                 empty, unmodifiable
 */
public record Question(String id, String text, QuestionType type, boolean required, List<Option> options,
                       List<String> retiredCodes) {
    /**
     * A question. Only the codebook file is checked for unique ids and prefix-free codes; this
     * constructor checks that there are options.
     *
     * @param id           the question's id
     * @param text         the question as customers read it
     * @param type         whether one or several options may be chosen
     * @param required     whether {@link Codebook#encode} demands an answer
     * @param options      the options; copied
     * @param retiredCodes the codes removed from this question; copied
     * @throws NullPointerException     when an argument, an option or a retired code is null
     * @throws IllegalArgumentException when {@code options} is empty
     */
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        retiredCodes = List.copyOf(retiredCodes);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " has no options");
        }
    }

    /**
     * A question without retired codes.
     *
     * @param id       the question's id
     * @param text     the question as customers read it
     * @param type     whether one or several options may be chosen
     * @param required whether {@link Codebook#encode} demands an answer
     * @param options  the options; copied
     * @throws NullPointerException     when an argument or an option is null
     * @throws IllegalArgumentException when {@code options} is empty
     */
    public Question(String id, String text, QuestionType type, boolean required, List<Option> options) {
        this(id, text, type, required, options, List.of());
    }

    /**
     * Looks an option of this question up by id.
     *
     * @param optionId the option's id, e.g. {@code acne}
     * @return the option, or empty when the question has none with this id
     * @throws NullPointerException when {@code optionId} is null
     */
    public Optional<Option> option(String optionId) {
        Objects.requireNonNull(optionId, "optionId");
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /**
     * One answer a codebook question offers. Immutable and thread-safe.
     *
     * @param id    the option's id, unique within its question, e.g. {@code acne}; used in answers
     * @param code  the compact code written into remarks, e.g. {@code D}; unique and prefix-free in the codebook
     * @param label the label staff read, e.g. {@code 最想解决痘痘}
     */
    public record Option(String id, String code, String label) {
        /**
         * An option. Only the codebook file is checked for unique ids and valid, prefix-free codes.
         *
         * @param id    the option's id
         * @param code  the compact code
         * @param label the label staff read
         * @throws NullPointerException when an argument is null
         */
        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }
}
