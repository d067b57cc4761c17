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
 * <p>Immutable and thread-safe, with value equality (the same tags in the same order). Made by
 * {@link Codebook#encode}, {@link Codebook#decode} and {@link Codebook#readRemark}; a {@code TagSet} does
 * not know its codebook, so it can be used as a fact inside rules: {@code Customer( tags.has("D") )}.
 *
 * <p>The queries are written for rule files, where a condition should be false rather than fail: they
 * accept a null code, question id or option id, which matches no tag.
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

    /**
     * The empty tag set: a customer with no answers.
     *
     * @return the empty tag set, whose {@link #codes()} is {@code ""}
     */
    public static TagSet none() {
        return EMPTY;
    }

    /**
     * A tag set of these tags, in the order given. Prefer {@link Codebook#encode} and
     * {@link Codebook#decode}, which put tags in canonical order; this factory is for tags that are
     * already in that order (tests, stored tag sets). It checks neither the order nor duplicates, and
     * knows no codebook: {@link Codebook#describe} checks a tag set against one.
     *
     * @param tags the tags; copied
     * @return a tag set of a copy of {@code tags}, with their codes concatenated in the order given;
     *         {@link #none()} for an empty list
     * @throws NullPointerException when {@code tags} or one of its elements is null
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

    /**
     * The codes of the tags, concatenated: what staff write in a remark.
     *
     * @return e.g. {@code "23D"}, in canonical order for a tag set a codebook made; {@code ""} for no tags
     */
    public String codes() {
        return codes;
    }

    /**
     * Whether the customer has the tag with this code, e.g. {@code has("D")}.
     *
     * @param code a whole code (case-sensitive); null is never present
     * @return whether a tag has exactly this code
     */
    public boolean has(String code) {
        // A customer has a handful of tags: a scan beats hashing and keeps the tag set small. Indexed (the list
        // is RandomAccess): an iterator here was about a twentieth of a decision's allocation.
        for (int i = 0, n = tags.size(); i < n; i++) {
            if (tags.get(i).code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the customer has every one of these codes.
     *
     * @param codes the codes; a null element is never present
     * @return true when every code is present, and for no codes
     * @throws NullPointerException when the array itself is null
     */
    public boolean hasAll(String... codes) {
        for (String code : codes) {
            if (!has(code)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the customer has at least one of these codes.
     *
     * @param codes the codes; a null element is never present
     * @return true when some code is present; false for no codes
     * @throws NullPointerException when the array itself is null
     */
    public boolean hasAny(String... codes) {
        for (String code : codes) {
            if (has(code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tags.
     *
     * @return the tags, in canonical order for a tag set a codebook made; unmodifiable
     */
    public List<Tag> tags() {
        return tags;
    }

    /**
     * Whether there are no tags.
     *
     * @return whether {@link #size()} is 0
     */
    public boolean isEmpty() {
        return tags.isEmpty();
    }

    /**
     * The number of tags.
     *
     * @return the number of tags, 0 or more
     */
    public int size() {
        return tags.size();
    }

    /**
     * The option chosen for a single-answer question.
     *
     * @param questionId the question's id; null matches no tag
     * @return the option id of the first tag of the question, or empty when it was not answered
     */
    public Optional<String> option(String questionId) {
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                return Optional.of(tag.optionId());
            }
        }
        return Optional.empty();
    }

    /**
     * The options chosen for a question.
     *
     * @param questionId the question's id; null matches no tag
     * @return the option ids in the tag set's order (option order for a tag set a codebook made); empty
     *         when the question was not answered; unmodifiable
     */
    public List<String> options(String questionId) {
        List<String> out = new ArrayList<>();
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                out.add(tag.optionId());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The codes answered for a question.
     *
     * @param questionId the question's id; null matches no tag
     * @return the codes concatenated in the tag set's order (option order for a tag set a codebook made);
     *         {@code ""} when the question was not answered
     */
    public String codesFor(String questionId) {
        StringBuilder out = new StringBuilder();
        for (Tag tag : tags) {
            if (tag.questionId().equals(questionId)) {
                out.append(tag.code());
            }
        }
        return out.toString();
    }

    /**
     * Whether a question was answered with this option.
     *
     * @param questionId the question's id; null matches no tag
     * @param optionId   the option's id; null matches no tag
     * @return whether a tag has both this question and this option
     */
    public boolean answered(String questionId, String optionId) {
        for (int i = 0, n = tags.size(); i < n; i++) {
            Tag tag = tags.get(i);
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

    /**
     * The codes, for logs.
     *
     * @return e.g. {@code TagSet[23D]}
     */
    @Override
    public String toString() {
        return "TagSet[" + codes + "]";
    }
}
