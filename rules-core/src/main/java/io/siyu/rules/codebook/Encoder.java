package io.siyu.rules.codebook;

import io.siyu.rules.codebook.Question.Option;
import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers to tags: {@link Codebook#encode}. Two paths with one contract. {@link #encodeChecked} is the
 * definition: it validates every answer and lists every problem. {@link #encodeFast} exists only for
 * speed, because encoding runs once per customer on the decision hot path: it makes one pass, allocates
 * nothing but the result (a third less CPU per encode when it came in; {@code BENCHMARKS.md}, "Codebook
 * encode/decode"), and gives up (returns null) at the first problem or at anything unusual, leaving the
 * checked path to report it. So the errors come from one place only, and {@code encodeFast(a)} is either
 * null or equal to {@code encodeChecked(a)}; {@code CodebookEncodePathsTest} holds the two to that.
 *
 * <p>Immutable and thread-safe.
 */
final class Encoder {
    /** The most options of a multi question the fast path takes: it sorts them in a {@code long} bit mask. */
    static final int FAST_MULTI_OPTIONS = Long.SIZE;

    private final CodeIndex index;
    private final Reporter reporter;

    Encoder(CodeIndex index, Reporter reporter) {
        this.index = index;
        this.reporter = reporter;
    }

    /**
     * The tags of these answers in canonical order.
     *
     * @throws CodebookException listing every problem with the answers
     */
    TagSet encode(Map<String, ?> answers) {
        TagSet quick = encodeFast(answers);
        return quick != null ? quick : encodeChecked(answers);
    }

    /**
     * The fast path: the tags of valid answers, or null for answers with a problem and for a multi
     * question of more than {@value #FAST_MULTI_OPTIONS} options answered with a list. Never throws. Its
     * branches mirror {@link #encodeChecked}'s, with "give up" where that one reports a problem.
     */
    TagSet encodeFast(Map<String, ?> answers) {
        Tag[] found = new Tag[index.maxTags()];
        int count = 0;
        int answeredKeys = 0;
        for (int q = 0; q < index.questionCount(); q++) {
            String questionId = index.questionId(q);
            Object answer = answers.get(questionId);
            if (isAnswered(answers, questionId, answer)) {
                answeredKeys++;
            }
            if (answer instanceof CharSequence optionId) {
                int ordinal = index.optionOrdinal(q, optionId.toString());
                if (ordinal < 0) {
                    return null;
                }
                found[count++] = index.tag(ordinal);
            } else if (answer instanceof Collection<?> optionIds && !optionIds.isEmpty()) {
                count = index.multi(q)
                        ? addMulti(q, optionIds, found, count)
                        : addSingle(q, optionIds, found, count);
                if (count < 0) {
                    return null;
                }
            } else if (answer == null || answer instanceof Collection<?>) {
                if (index.required(q)) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (answeredKeys != answers.size()) {
            return null; // a key that is no question
        }
        return tagSet(found, count);
    }

    /**
     * Adds the tags of a multi question's list answer after the first {@code count} of {@code found},
     * in option order and each once, without sorting or a set: a bit per option. Returns the new count,
     * or -1 to give up.
     */
    private int addMulti(int q, Collection<?> optionIds, Tag[] found, int count) {
        if (index.optionCount(q) > FAST_MULTI_OPTIONS) {
            // One long cannot hold them. Such questions are rare, so the checked path encodes them
            // rather than a second fast variant (CodebookEncodePathsTest generates them).
            return -1;
        }
        int base = index.firstOrdinal(q);
        long chosen = 0;
        for (Object optionId : optionIds) {
            if (!(optionId instanceof CharSequence text)) {
                return -1;
            }
            int ordinal = index.optionOrdinal(q, text.toString());
            if (ordinal < 0) {
                return -1;
            }
            chosen |= 1L << (ordinal - base);
        }
        while (chosen != 0) {
            found[count++] = index.tag(base + Long.numberOfTrailingZeros(chosen));
            chosen &= chosen - 1;
        }
        return count;
    }

    /** Adds the tag of a single question's list answer, whose items must all name one option; or -1. */
    private int addSingle(int q, Collection<?> optionIds, Tag[] found, int count) {
        int chosen = -1;
        for (Object optionId : optionIds) {
            if (!(optionId instanceof CharSequence text)) {
                return -1;
            }
            int ordinal = index.optionOrdinal(q, text.toString());
            if (ordinal < 0 || (chosen >= 0 && chosen != ordinal)) {
                return -1;
            }
            chosen = ordinal;
        }
        found[count] = index.tag(chosen);
        return count + 1;
    }

    /**
     * The checked path: the tags of valid answers, taking every answer the contract allows.
     *
     * @throws CodebookException listing every problem, in question order, then the unknown questions
     */
    TagSet encodeChecked(Map<String, ?> answers) {
        List<Diagnostic> problems = new ArrayList<>(0);
        boolean[] chosen = new boolean[index.tagCount()];
        int answeredKeys = 0;
        for (int q = 0; q < index.questionCount(); q++) {
            Question question = index.question(q);
            Object answer = answers.get(question.id());
            if (isAnswered(answers, question.id(), answer)) {
                answeredKeys++;
            }
            if (answer instanceof CharSequence optionId) {
                choose(q, optionId.toString(), -1, chosen, problems);
            } else if (answer instanceof Collection<?> optionIds && !optionIds.isEmpty()) {
                int item = 0;
                for (Object optionId : optionIds) {
                    if (optionId instanceof CharSequence text) {
                        choose(q, text.toString(), item, chosen, problems);
                    } else {
                        problems.add(reporter.problem(answerPath(question) + "[" + item + "]",
                                "codebook.answer-item-wrong-type", question.id(), typeName(optionId)));
                    }
                    item++;
                }
                if (question.type() == QuestionType.SINGLE) {
                    List<String> given = chosenOptions(q, chosen);
                    if (given.size() > 1) {
                        problems.add(reporter.problem(answerPath(question), "codebook.single-several",
                                question.id(), given.size(), String.join(", ", given)));
                    }
                }
            } else if (answer == null || answer instanceof Collection<?>) {
                if (question.required()) {
                    problems.add(reporter.problem(answerPath(question), "codebook.missing-answer", question.id(),
                            question.text()));
                }
            } else {
                problems.add(reporter.problem(answerPath(question), "codebook.answer-wrong-type", question.id(),
                        typeName(answer)));
            }
        }
        if (answeredKeys != answers.size()) {
            reportUnknownQuestions(answers, problems);
        }
        if (!problems.isEmpty()) {
            throw reporter.failure("codebook.summary.answers", problems);
        }
        Tag[] found = new Tag[index.tagCount()];
        int count = 0;
        for (int ordinal = 0; ordinal < chosen.length; ordinal++) {
            if (chosen[ordinal]) {
                found[count++] = index.tag(ordinal);
            }
        }
        return tagSet(found, count);
    }

    /** Whether the answers have a key for this question, even with a null value. */
    private static boolean isAnswered(Map<String, ?> answers, String questionId, Object answer) {
        return answer != null || answers.containsKey(questionId);
    }

    /** The first {@code count} tags of {@code found}, in canonical order, with their codes. */
    private TagSet tagSet(Tag[] found, int count) {
        if (count <= 1) {
            return count == 0 ? TagSet.none() : TagSet.ofCanonical(found, 1, found[0].code());
        }
        StringBuilder codes = new StringBuilder(index.maxCodesLength());
        for (int k = 0; k < count; k++) {
            codes.append(found[k].code());
        }
        return TagSet.ofCanonical(found, count, codes.toString());
    }

    /**
     * Marks an option as chosen; reports an option the question does not have. {@code item} is the
     * position in a list answer, or -1 for a single text answer.
     */
    private void choose(int q, String optionId, int item, boolean[] chosen, List<Diagnostic> problems) {
        int ordinal = index.optionOrdinal(q, optionId);
        if (ordinal < 0) {
            Question question = index.question(q);
            String path = item < 0 ? answerPath(question) : answerPath(question) + "[" + item + "]";
            problems.add(reporter.problem(path, "codebook.unknown-option", question.id(), optionId,
                    question.options().stream().map(Option::id).collect(Collectors.joining(", "))));
            return;
        }
        chosen[ordinal] = true;
    }

    /** The option ids chosen so far for question {@code q}, in option order. */
    private List<String> chosenOptions(int q, boolean[] chosen) {
        List<String> given = new ArrayList<>();
        for (int k = 0; k < index.optionCount(q); k++) {
            if (chosen[index.firstOrdinal(q) + k]) {
                given.add(index.question(q).options().get(k).id());
            }
        }
        return given;
    }

    /** Reports the answer keys that are no question of this codebook, sorted so the report is stable. */
    private void reportUnknownQuestions(Map<String, ?> answers, List<Diagnostic> problems) {
        Set<String> unknown = new TreeSet<>();
        for (Object key : answers.keySet()) {
            if (!(key instanceof String name) || index.questionIndex(name) < 0) {
                unknown.add(String.valueOf(key));
            }
        }
        String questionIds = index.questions().stream().map(Question::id).collect(Collectors.joining(", "));
        for (String key : unknown) {
            problems.add(reporter.problem("answers." + key, "codebook.unknown-question", key,
                    reporter.codebookId(), questionIds));
        }
    }

    private static String answerPath(Question question) {
        return "answers." + question.id();
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
