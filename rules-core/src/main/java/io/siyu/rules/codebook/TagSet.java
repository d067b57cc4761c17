package io.siyu.rules.codebook;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The codebook tags of one customer, in canonical order (questions in codebook order, options in
 * option order), so that equal answers always give the same {@link #codes()} string.
 *
 * <p>Immutable and thread-safe, with value equality. Made by {@link Codebook#encode},
 * {@link Codebook#decode} and {@link Codebook#readRemark}; a {@code TagSet} does not know its codebook,
 * so it can be used as a fact inside rules: {@code Customer( tags.has("D") )}.
 */
public final class TagSet {
    private static final TagSet EMPTY = new TagSet(List.of(), "");

    private final List<Tag> tags;
    private final String codes;

    /** {@code tags} must already be immutable and {@code codes} their concatenated codes. */
    private TagSet(List<Tag> tags, String codes) {
        this.tags = tags;
        this.codes = codes;
    }

    /** The empty tag set: a customer with no answers. */
    public static TagSet none() {
        return EMPTY;
    }

    /**
     * A tag set of these tags, in the order given. Prefer {@link Codebook#encode} and
     * {@link Codebook#decode}, which put tags in canonical order; this factory is for tags that are
     * already in that order (tests, stored tag sets).
     */
    public static TagSet of(List<Tag> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.isEmpty()) {
            return EMPTY;
        }
        List<Tag> copy = List.copyOf(tags);
        StringBuilder joined = new StringBuilder();
        for (Tag tag : copy) {
            joined.append(tag.code());
        }
        return new TagSet(copy, joined.toString());
    }

    /**
     * A tag set of the first {@code count} tags of a fresh array that nobody else holds, already in
     * canonical order, with their concatenated codes. Used by {@link Codebook} on its hot paths: it
     * wraps the array instead of copying it, which is safe because the array never escapes.
     */
    static TagSet ofCanonical(Tag[] tags, int count, String codes) {
        if (count == 0) {
            return EMPTY;
        }
        return new TagSet(new TagList(tags, count), codes);
    }

    /** An immutable view of the first {@code size} elements of an array nobody else holds: one object. */
    private static final class TagList extends AbstractList<Tag> implements RandomAccess {
        private final Tag[] array;
        private final int size;

        TagList(Tag[] array, int size) {
            this.array = array;
            this.size = size;
        }

        @Override
        public Tag get(int index) {
            Objects.checkIndex(index, size);
            return array[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The codes concatenated in canonical order, e.g. {@code "23D"}; empty for no tags. */
    public String codes() {
        return codes;
    }

    /** Whether the customer has the tag with this code, e.g. {@code has("D")}. */
    public boolean has(String code) {
        // A customer has a handful of tags: a scan beats hashing and keeps the tag set small.
        for (Tag tag : tags) {
            if (tag.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the customer has every one of these codes. */
    public boolean hasAll(String... codes) {
        for (String code : codes) {
            if (!has(code)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the customer has at least one of these codes. */
    public boolean hasAny(String... codes) {
        for (String code : codes) {
            if (has(code)) {
                return true;
            }
        }
        return false;
    }

    /** The tags in canonical order. */
    public List<Tag> tags() {
        return tags;
    }

    /** Whether there are no tags. */
    public boolean isEmpty() {
        return tags.isEmpty();
    }

    /** The number of tags. */
    public int size() {
        return tags.size();
    }

    /** The option chosen for a single-answer question, or empty when it was not answered. */
    public Optional<String> option(String questionId) {
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                return Optional.of(tag.optionId());
            }
        }
        return Optional.empty();
    }

    /** The options chosen for a question, in option order; empty when it was not answered. */
    public List<String> options(String questionId) {
        List<String> out = new ArrayList<>();
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                out.add(tag.optionId());
            }
        }
        return List.copyOf(out);
    }

    /** The codes answered for a question, concatenated in option order; empty when not answered. */
    public String codesFor(String questionId) {
        StringBuilder out = new StringBuilder();
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                out.append(tag.code());
            }
        }
        return out.toString();
    }

    /** Whether a question was answered with this option. */
    public boolean answered(String questionId, String optionId) {
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId) && tag.optionId().equals(optionId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagSet other && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    /** The codes, e.g. {@code TagSet[23D]}. */
    @Override
    public String toString() {
        return "TagSet[" + codes + "]";
    }
}
