package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tags to the labels staff read: {@link Codebook#describe}. A tag set does not know its codebook, so
 * every tag is checked against this one first (same question, option and code). Immutable and
 * thread-safe.
 */
final class Describer {
    private final CodeIndex index;
    private final Reporter reporter;

    Describer(CodeIndex index, Reporter reporter) {
        this.index = index;
        this.reporter = reporter;
    }

    /**
     * The labels of these tags in canonical order, whatever order the tag set has.
     *
     * @throws CodebookException naming every tag that is not this codebook's
     */
    List<String> describe(TagSet tags) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Tag> list = tags.tags();
        int[] ordinals = new int[list.size()];
        for (int k = 0; k < list.size(); k++) {
            Tag tag = list.get(k);
            ordinals[k] = index.ordinal(tag);
            if (ordinals[k] < 0) {
                problems.add(reporter.problem("tags[" + k + "]", "codebook.foreign-tag", tag.questionId(),
                        tag.optionId(), tag.code(), reporter.codebookId()));
            }
        }
        if (!problems.isEmpty()) {
            throw reporter.failure("codebook.summary.tags", problems);
        }
        Arrays.sort(ordinals);
        List<String> out = new ArrayList<>(ordinals.length);
        for (int ordinal : ordinals) {
            out.add(index.label(ordinal));
        }
        return List.copyOf(out);
    }
}
