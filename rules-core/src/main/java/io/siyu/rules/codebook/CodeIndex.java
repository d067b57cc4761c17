package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lookup model of a codebook, built once at load: every option gets a <em>canonical ordinal</em>
 * (questions in codebook order, options in option order, counting from 0), and everything else is
 * indexed by question index or by ordinal. The options of question {@code q} hold the consecutive
 * ordinals {@code firstOrdinal(q) .. firstOrdinal(q) + optionCount(q) - 1}, so ordinal order is the
 * canonical order of tags.
 *
 * <p>One structure per direction: ids to numbers through {@link IdTable}s (question id to index, and
 * per question option id to ordinal), numbers to everything else through arrays, and codes to ordinals
 * through the {@link CodeTrie}. Immutable and thread-safe.
 */
final class CodeIndex {
    private final List<Question> questions;
    /** Question id to question index. */
    private final IdTable questionIndex;
    /** By question index: option id to canonical ordinal. */
    private final IdTable[] optionOrdinals;
    private final int[] firstOrdinal;
    /*
     * By question index, the facts encode's fast path reads for every question, copied out of the
     * Question records: flat arrays spare it a List.get and a record load per question, 5-8% of its
     * CPU (BENCHMARKS.md, "Codebook: one file per job").
     */
    private final String[] questionIds;
    private final boolean[] multi;
    private final boolean[] required;
    /** By canonical ordinal: the tag, its question's index and its label. */
    private final Tag[] tags;
    private final int[] questionOf;
    private final String[] labels;
    private final CodeTrie trie;
    /** By retired index: the retired code and its question's index, in question order. */
    private final String[] retiredCodes;
    private final int[] retiredQuestion;
    /** Whether remarks are read with case folding: decided here, once, from the codes. */
    private final boolean foldsCase;
    /** The trie remarks are read with: {@link #trie} over the codes as read (case-folded when {@link #foldsCase}). */
    private final CodeTrie readingTrie;
    /** Every character of a code, as read. */
    private final Set<Integer> readingAlphabet;
    private final Set<String> allCodes;
    private final int maxTags;
    private final int maxCodesLength;

    CodeIndex(List<Question> questions) {
        this.questions = List.copyOf(questions);
        int n = this.questions.size();
        int total = this.questions.stream().mapToInt(q -> q.options().size()).sum();
        this.questionIndex = new IdTable(this.questions.stream().map(Question::id).toList(), 0);
        this.optionOrdinals = new IdTable[n];
        this.firstOrdinal = new int[n];
        this.questionIds = new String[n];
        this.multi = new boolean[n];
        this.required = new boolean[n];
        this.tags = new Tag[total];
        this.questionOf = new int[total];
        this.labels = new String[total];
        int ordinal = 0;
        int most = 0;
        for (int q = 0; q < n; q++) {
            Question question = this.questions.get(q);
            firstOrdinal[q] = ordinal;
            questionIds[q] = question.id();
            multi[q] = question.type() == QuestionType.MULTI;
            required[q] = question.required();
            optionOrdinals[q] = new IdTable(question.options().stream().map(Option::id).toList(), ordinal);
            for (Option option : question.options()) {
                tags[ordinal] = new Tag(question.id(), option.id(), option.code());
                questionOf[ordinal] = q;
                labels[ordinal] = option.label();
                ordinal++;
            }
            most += question.type() == QuestionType.MULTI ? question.options().size() : 1;
        }
        List<String> codes = Arrays.stream(tags).map(Tag::code).toList();
        List<String> retired = new ArrayList<>();
        List<Integer> retiredOf = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            for (String code : this.questions.get(q).retiredCodes()) {
                retired.add(code);
                retiredOf.add(q);
            }
        }
        this.retiredCodes = retired.toArray(String[]::new);
        this.retiredQuestion = retiredOf.stream().mapToInt(Integer::intValue).toArray();
        this.trie = new CodeTrie(codes, retired);
        List<String> every = new ArrayList<>(codes);
        every.addAll(retired);
        this.foldsCase = apartWhenFolded(every);
        List<String> readingCodes = codes.stream().map(c -> RemarkText.reading(c, foldsCase)).toList();
        List<String> readingRetired = retired.stream().map(c -> RemarkText.reading(c, foldsCase)).toList();
        this.readingTrie = foldsCase ? new CodeTrie(readingCodes, readingRetired) : trie;
        Set<Integer> alphabet = new HashSet<>();
        readingCodes.forEach(c -> c.codePoints().forEach(alphabet::add));
        readingRetired.forEach(c -> c.codePoints().forEach(alphabet::add));
        this.readingAlphabet = Set.copyOf(alphabet);
        this.allCodes = Collections.unmodifiableSet(new LinkedHashSet<>(codes));
        this.maxTags = most;
        this.maxCodesLength = maxCodesLength(this.questions);
    }

    /**
     * Whether these codes stay apart when case is ignored: no two of them are the same, or one the
     * beginning of another, once case-folded. Only then may remarks be read ignoring case ({@code 3du1}
     * as {@code 3DU1}); a codebook with {@code d} and {@code D}, or {@code d} and {@code D1}, reads case
     * as written.
     */
    static boolean apartWhenFolded(List<String> codes) {
        List<String> folded = codes.stream().map(c -> RemarkText.reading(c, true)).toList();
        for (int a = 0; a < folded.size(); a++) {
            for (int b = a + 1; b < folded.size(); b++) {
                if (folded.get(a).startsWith(folded.get(b)) || folded.get(b).startsWith(folded.get(a))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The length, in UTF-16 code units (the unit of remark lengths, see {@link RemarkText}), of the longest
     * codes string these questions can give: the longest code of each single question plus every code of
     * each multi question.
     */
    static int maxCodesLength(List<Question> questions) {
        int total = 0;
        for (Question question : questions) {
            int longest = 0;
            int sum = 0;
            for (Option option : question.options()) {
                int length = RemarkText.length(option.code());
                longest = Math.max(longest, length);
                sum += length;
            }
            total += question.type() == QuestionType.SINGLE ? longest : sum;
        }
        return total;
    }

    // ---------------------------------------------------------------- questions

    List<Question> questions() {
        return questions;
    }

    int questionCount() {
        return questionIds.length;
    }

    Question question(int q) {
        return questions.get(q);
    }

    /** {@code question(q).id()}. */
    String questionId(int q) {
        return questionIds[q];
    }

    /** Whether question {@code q} is a multi question. */
    boolean multi(int q) {
        return multi[q];
    }

    /** {@code question(q).required()}. */
    boolean required(int q) {
        return required[q];
    }

    /** The index of the question with this id, or -1 when there is none. */
    int questionIndex(String questionId) {
        return questionIndex.get(questionId);
    }

    /** The canonical ordinal of question {@code q}'s first option. */
    int firstOrdinal(int q) {
        return firstOrdinal[q];
    }

    /** The number of options of question {@code q}. */
    int optionCount(int q) {
        return (q + 1 < firstOrdinal.length ? firstOrdinal[q + 1] : tags.length) - firstOrdinal[q];
    }

    /** The canonical ordinal of an option of question {@code q}, or -1 when it has no such option. */
    int optionOrdinal(int q, String optionId) {
        return optionOrdinals[q].get(optionId);
    }

    // ---------------------------------------------------------------- ordinals

    /** The number of options of the whole codebook, which is one more than the last ordinal. */
    int tagCount() {
        return tags.length;
    }

    Tag tag(int ordinal) {
        return tags[ordinal];
    }

    String label(int ordinal) {
        return labels[ordinal];
    }

    /** The index of the question of this ordinal's option. */
    int questionOf(int ordinal) {
        return questionOf[ordinal];
    }

    /** The canonical ordinal of a tag, or -1 when this codebook has no such tag (or another code for it). */
    int ordinal(Tag tag) {
        int q = questionIndex(tag.questionId());
        int ordinal = q < 0 ? -1 : optionOrdinal(q, tag.optionId());
        return ordinal >= 0 && tags[ordinal].code().equals(tag.code()) ? ordinal : -1;
    }

    // ---------------------------------------------------------------- codes

    CodeTrie trie() {
        return trie;
    }

    /** The trie remarks are read with, over the codes as {@link RemarkText#reading read}. */
    CodeTrie readingTrie() {
        return readingTrie;
    }

    /** Whether remarks are read ignoring case; see {@link #apartWhenFolded}. */
    boolean foldsCase() {
        return foldsCase;
    }

    /** Whether a character, as read, is part of some code (current or retired). */
    boolean inReadingAlphabet(int codePoint) {
        return readingAlphabet.contains(codePoint);
    }

    /** A retired code, by its index in the trie. */
    String retiredCode(int retired) {
        return retiredCodes[retired];
    }

    /** The index of the question a retired code used to answer. */
    int retiredQuestion(int retired) {
        return retiredQuestion[retired];
    }

    /** Every code in canonical order; immutable. */
    Set<String> allCodes() {
        return allCodes;
    }

    /** The most tags one set of answers can give: one per single question, every option of a multi one. */
    int maxTags() {
        return maxTags;
    }

    /** {@link #maxCodesLength(List)} of this codebook's questions. */
    int maxCodesLength() {
        return maxCodesLength;
    }
}
