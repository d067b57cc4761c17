package io.siyu.rules.codebook;

import java.util.Objects;

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
