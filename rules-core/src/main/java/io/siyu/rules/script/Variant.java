package io.siyu.rules.script;

import java.util.Objects;

/**
 * One version of a script in an A/B test. A customer is assigned a variant by a stable hash of the
 * script id and the customer id, with probability proportional to its weight.
 *
 * @param id     the variant's id, recorded in {@link RenderedScript#variantId()}, e.g. {@code a}
 * @param text   the template text of this variant, as written in {@code scripts.json}
 * @param weight the variant's share of customers, relative to the other variants' weights; positive
 */
public record Variant(String id, String text, int weight) {
    public Variant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be positive, got " + weight);
        }
    }
}
