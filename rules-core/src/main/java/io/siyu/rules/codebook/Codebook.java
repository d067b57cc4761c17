package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.diagnostic.Diagnostic.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A versioned codebook (密码本): the questions of a survey, their options, and the compact code of
 * every option (Gaozi style: {@code 3} = "has acne trouble", {@code D} = "most wants to solve acne").
 * Turns answers into a {@link TagSet} ({@link #encode}), reads code strings such as {@code "23D"} back
 * ({@link #decode}), finds the codes in a staff remark ({@link #readRemark}), writes a remark that fits
 * the WeCom limit ({@link #writeRemark}) and gives the labels ({@link #describe}).
 *
 * <p>Codes are letters and digits, unique and prefix-free, so codes written together read back one way
 * only. The <em>canonical order</em> of tags is questions in codebook order, options in option order;
 * every {@code TagSet} a codebook returns is in that order. The file format is described in
 * {@code docs/codebook.md}.
 *
 * <p>Immutable and thread-safe. Problems with answers, codes and remarks are reported in the locale the
 * codebook was loaded with.
 */
public final class Codebook {
    /** What splits a remark into words besides white space; see {@link #readRemark}. */
    private static final String REMARK_SEPARATORS = "-_|/,，、;；";

    private final String fileName;
    private final Messages messages;
    private final String id;
    private final String version;
    private final List<Question> questions;
    private final int remarkMaxLength;
    private final int maxCodesLength;
    private final Map<String, Integer> questionIndex;
    /** Per question, option id to canonical ordinal. */
    private final List<Map<String, Integer>> optionOrdinals;
    /** By canonical ordinal: the tag, its question's index and its label. */
    private final Tag[] tags;
    private final int[] questionOfOrdinal;
    private final String[] labels;
    private final Set<String> allCodes;
    private final CodeTrie trie;
    /** For {@link #encode}'s fast path, by question index: the id, whether multi, whether required. */
    private final String[] questionIds;
    private final boolean[] multi;
    private final boolean[] required;
    /** Per question, an open-addressing table of option ids (power-of-two size) and their ordinals. */
    private final String[][] optionKeys;
    private final int[][] optionSlots;
    /** Per question, the canonical ordinal of its first option and its number of options. */
    private final int[] firstOrdinal;
    private final int[] optionCount;
    /** The most tags one set of answers can give: one per single question, every option of a multi one. */
    private final int maxTags;

    Codebook(String fileName, Locale locale, String id, String version, List<Question> questions,
             int remarkMaxLength) {
        this.fileName = fileName;
        this.messages = Messages.of(CodebookParser.BUNDLE, locale);
        this.id = id;
        this.version = version;
        this.questions = List.copyOf(questions);
        this.remarkMaxLength = remarkMaxLength;
        this.maxCodesLength = maxCodesLength(this.questions);
        Map<String, Integer> index = new HashMap<>();
        List<Map<String, Integer>> ordinals = new ArrayList<>();
        List<Tag> tagList = new ArrayList<>();
        List<Integer> questionOf = new ArrayList<>();
        List<String> labelList = new ArrayList<>();
        for (int q = 0; q < this.questions.size(); q++) {
            Question question = this.questions.get(q);
            index.put(question.id(), q);
            Map<String, Integer> byOption = new HashMap<>();
            for (Option option : question.options()) {
                byOption.put(option.id(), tagList.size());
                tagList.add(new Tag(question.id(), option.id(), option.code()));
                questionOf.add(q);
                labelList.add(option.label());
            }
            ordinals.add(Map.copyOf(byOption));
        }
        this.questionIndex = Map.copyOf(index);
        this.optionOrdinals = List.copyOf(ordinals);
        this.tags = tagList.toArray(Tag[]::new);
        this.questionOfOrdinal = questionOf.stream().mapToInt(Integer::intValue).toArray();
        this.labels = labelList.toArray(String[]::new);
        Set<String> codes = new LinkedHashSet<>();
        tagList.forEach(tag -> codes.add(tag.code()));
        this.allCodes = Collections.unmodifiableSet(codes);
        this.trie = new CodeTrie(tagList.stream().map(Tag::code).toList());
        int n = this.questions.size();
        this.questionIds = new String[n];
        this.multi = new boolean[n];
        this.required = new boolean[n];
        this.optionKeys = new String[n][];
        this.optionSlots = new int[n][];
        this.firstOrdinal = new int[n];
        this.optionCount = new int[n];
        int most = 0;
        int base = 0;
        for (int q = 0; q < n; q++) {
            Question question = this.questions.get(q);
            questionIds[q] = question.id();
            multi[q] = question.type() == QuestionType.MULTI;
            required[q] = question.required();
            List<Option> options = question.options();
            int size = Integer.highestOneBit(Math.max(1, options.size() * 2 - 1)) << 1;
            String[] keys = new String[size];
            int[] slots = new int[size];
            for (int k = 0; k < options.size(); k++) {
                String optionId = options.get(k).id();
                int slot = spread(optionId.hashCode()) & (size - 1);
                while (keys[slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                keys[slot] = optionId;
                slots[slot] = base + k;
            }
            optionKeys[q] = keys;
            optionSlots[q] = slots;
            firstOrdinal[q] = base;
            optionCount[q] = options.size();
            most += multi[q] ? options.size() : 1;
            base += options.size();
        }
        this.maxTags = most;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** The canonical ordinal of an option of question {@code q}, or -1 when it has no such option. */
    private int optionOrdinal(int q, String optionId) {
        String[] keys = optionKeys[q];
        int mask = keys.length - 1;
        int slot = spread(optionId.hashCode()) & mask;
        String key;
        while ((key = keys[slot]) != null) {
            if (key.equals(optionId)) {
                return optionSlots[q][slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads a codebook file, reporting problems in the default locale.
     *
     * @throws CodebookException listing every problem in the file, or that it cannot be read
     */
    public static Codebook load(Path file) {
        return load(file, Locale.getDefault());
    }

    /**
     * Loads a codebook file (UTF-8 JSON), reporting problems in {@code locale}. Diagnostics name the file
     * as {@code file.toString()}.
     *
     * @throws CodebookException listing every problem in the file, or that it cannot be read
     */
    public static Codebook load(Path file, Locale locale) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(locale, "locale");
        String name = file.toString();
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Messages texts = Messages.of(CodebookParser.BUNDLE, locale);
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            Diagnostic unreadable = new Diagnostic(name, 0, 0, Severity.ERROR, "codebook.unreadable", "",
                    texts.format("codebook.unreadable", reason));
            CodebookException failure = new CodebookException(texts.format("codebook.summary.file", name, 1),
                    List.of(unreadable));
            failure.initCause(e);
            throw failure;
        }
        return parse(name, json, locale);
    }

    /**
     * Reads a codebook from its JSON text. Used by the rule-pack loader, which reads {@code codebook.json}
     * itself and names it relative to the pack.
     *
     * @param fileName the name to report in diagnostics, e.g. {@code codebook.json}
     * @throws CodebookException listing every problem, each with line, column and JSON path
     */
    public static Codebook parse(String fileName, String json, Locale locale) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(locale, "locale");
        return CodebookParser.parse(fileName, json, locale);
    }

    // ---------------------------------------------------------------- what it is

    /** The codebook's id, e.g. {@code gaozi-skincare}. */
    public String id() {
        return id;
    }

    /** The codebook's version as written in the file, e.g. {@code 2024.3}. */
    public String version() {
        return version;
    }

    /** The file name diagnostics name. */
    public String fileName() {
        return fileName;
    }

    /** The locale of the messages of this codebook's exceptions. */
    public Locale locale() {
        return messages.locale();
    }

    /** The questions in codebook order; immutable. */
    public List<Question> questions() {
        return questions;
    }

    /** The question with this id, or empty. */
    public Optional<Question> question(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        Integer q = questionIndex.get(questionId);
        return q == null ? Optional.empty() : Optional.of(questions.get(q));
    }

    /** Every code of the codebook, in canonical order; immutable. */
    public Set<String> allCodes() {
        return allCodes;
    }

    /**
     * The length, in code points, of the longest codes string the codebook can produce: the longest code
     * of each single question plus every code of each multi question.
     */
    public int maxCodesLength() {
        return maxCodesLength;
    }

    /** The most characters (code points) a remark may have: {@code remark.maxLength}, 20 by default. */
    public int remarkMaxLength() {
        return remarkMaxLength;
    }

    static int maxCodesLength(List<Question> questions) {
        int total = 0;
        for (Question question : questions) {
            int longest = 0;
            int sum = 0;
            for (Option option : question.options()) {
                int length = option.code().codePointCount(0, option.code().length());
                longest = Math.max(longest, length);
                sum += length;
            }
            total += question.type() == QuestionType.SINGLE ? longest : sum;
        }
        return total;
    }

    // ---------------------------------------------------------------- encode

    /**
     * The tags of a customer's answers. Each key is a question id; each value an option id, or for a
     * {@code multi} question a {@link Collection} of option ids (duplicates collapse). A {@code null} value
     * or an empty collection counts as no answer.
     *
     * @return the tags in canonical order
     * @throws CodebookException listing every problem: an unknown question, an unknown option, several
     *                           answers to a single question, a missing required answer, a value of the wrong type
     */
    public TagSet encode(Map<String, ?> answers) {
        Objects.requireNonNull(answers, "answers");
        TagSet quick = encodeOrNull(answers);
        return quick != null ? quick : encodeChecked(answers);
    }

    /**
     * The fast path of {@link #encode}: one pass over the questions, no intermediate collections. Returns
     * null at the first problem, or for anything unusual (a multi question with more than 64 options), and
     * {@link #encodeChecked} then lists every problem (or encodes the unusual case).
     */
    private TagSet encodeOrNull(Map<String, ?> answers) {
        Tag[] found = new Tag[maxTags];
        int count = 0;
        int answeredKeys = 0;
        for (int q = 0; q < questionIds.length; q++) {
            String questionId = questionIds[q];
            Object answer = answers.get(questionId);
            if (answer instanceof CharSequence text) {
                answeredKeys++;
                int ordinal = optionOrdinal(q, text.toString());
                if (ordinal < 0) {
                    return null;
                }
                found[count++] = tags[ordinal];
            } else if (answer instanceof Collection<?> optionIds) {
                answeredKeys++;
                if (optionIds.isEmpty()) {
                    if (required[q]) {
                        return null;
                    }
                    continue;
                }
                if (multi[q]) {
                    if (optionCount[q] > 64) {
                        return null;
                    }
                    int base = firstOrdinal[q];
                    long mask = 0;
                    for (Object optionId : optionIds) {
                        if (!(optionId instanceof CharSequence text)) {
                            return null;
                        }
                        int ordinal = optionOrdinal(q, text.toString());
                        if (ordinal < 0) {
                            return null;
                        }
                        mask |= 1L << (ordinal - base);
                    }
                    while (mask != 0) {
                        found[count++] = tags[base + Long.numberOfTrailingZeros(mask)];
                        mask &= mask - 1;
                    }
                } else {
                    int chosen = -1;
                    for (Object optionId : optionIds) {
                        if (!(optionId instanceof CharSequence text)) {
                            return null;
                        }
                        int ordinal = optionOrdinal(q, text.toString());
                        if (ordinal < 0 || (chosen >= 0 && chosen != ordinal)) {
                            return null;
                        }
                        chosen = ordinal;
                    }
                    found[count++] = tags[chosen];
                }
            } else if (answer == null) {
                if (answers.containsKey(questionId)) {
                    answeredKeys++;
                }
                if (required[q]) {
                    return null;
                }
            } else {
                return null;
            }
        }
        if (answeredKeys != answers.size()) {
            return null;
        }
        if (count == 0) {
            return TagSet.none();
        }
        if (count == 1) {
            return TagSet.ofCanonical(found, 1, found[0].code());
        }
        StringBuilder codes = new StringBuilder(maxCodesLength);
        for (int k = 0; k < count; k++) {
            codes.append(found[k].code());
        }
        return TagSet.ofCanonical(found, count, codes.toString());
    }

    /** {@link #encode} with every problem listed. */
    private TagSet encodeChecked(Map<String, ?> answers) {
        List<Diagnostic> problems = new ArrayList<>(0);
        boolean[] chosen = new boolean[tags.length];
        int answeredKeys = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            Object answer = answers.get(question.id());
            if (answer != null || answers.containsKey(question.id())) {
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
                        problems.add(problem(answerPath(question) + "[" + item + "]",
                                "codebook.answer-item-wrong-type", question.id(), typeName(optionId)));
                    }
                    item++;
                }
                if (question.type() == QuestionType.SINGLE) {
                    List<String> given = chosenOptions(q, chosen);
                    if (given.size() > 1) {
                        problems.add(problem(answerPath(question), "codebook.single-several", question.id(),
                                given.size(), String.join(", ", given)));
                    }
                }
            } else if (answer == null || answer instanceof Collection<?>) {
                if (question.required()) {
                    problems.add(problem(answerPath(question), "codebook.missing-answer", question.id(),
                            question.text()));
                }
            } else {
                problems.add(problem(answerPath(question), "codebook.answer-wrong-type", question.id(),
                        typeName(answer)));
            }
        }
        if (answeredKeys != answers.size()) {
            reportUnknownQuestions(answers, problems);
        }
        if (!problems.isEmpty()) {
            throw failure("codebook.summary.answers", problems);
        }
        Tag[] result = new Tag[tags.length];
        int count = 0;
        StringBuilder codes = new StringBuilder(maxCodesLength);
        for (int ordinal = 0; ordinal < chosen.length; ordinal++) {
            if (chosen[ordinal]) {
                result[count++] = tags[ordinal];
                codes.append(tags[ordinal].code());
            }
        }
        return TagSet.ofCanonical(result, count, codes.toString());
    }

    /** Reports the answer keys that are no question of this codebook, sorted so the report is stable. */
    private void reportUnknownQuestions(Map<String, ?> answers, List<Diagnostic> problems) {
        Set<String> unknown = new TreeSet<>();
        for (Object key : answers.keySet()) {
            if (!(key instanceof String name) || !questionIndex.containsKey(name)) {
                unknown.add(String.valueOf(key));
            }
        }
        for (String key : unknown) {
            problems.add(problem("answers." + key, "codebook.unknown-question", key, id, questionIds()));
        }
    }

    private static String answerPath(Question question) {
        return "answers." + question.id();
    }

    /** The option ids chosen so far for question {@code q}, in option order. */
    private List<String> chosenOptions(int q, boolean[] chosen) {
        List<String> given = new ArrayList<>();
        for (Map.Entry<String, Integer> option : optionOrdinals.get(q).entrySet()) {
            if (chosen[option.getValue()]) {
                given.add(option.getKey());
            }
        }
        given.sort((a, b) -> optionOrdinals.get(q).get(a) - optionOrdinals.get(q).get(b));
        return given;
    }

    /**
     * Marks an option as chosen; reports an option the question does not have. {@code item} is the
     * position in a list answer, or -1 for a single text answer.
     */
    private void choose(int q, String optionId, int item, boolean[] chosen, List<Diagnostic> problems) {
        Integer ordinal = optionOrdinals.get(q).get(optionId);
        if (ordinal == null) {
            Question question = questions.get(q);
            String path = item < 0 ? answerPath(question) : answerPath(question) + "[" + item + "]";
            problems.add(problem(path, "codebook.unknown-option", question.id(), optionId,
                    question.options().stream().map(Option::id).collect(Collectors.joining(", "))));
            return;
        }
        chosen[ordinal] = true;
    }

    private String questionIds() {
        return questions.stream().map(Question::id).collect(Collectors.joining(", "));
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- decode

    /**
     * Reads a codes string such as {@code "23D"} back into tags. The string must be exactly the codes of
     * some tags in canonical order (what {@link TagSet#codes()} gives): nothing else, each code once, at
     * most one code of a single question. The empty string gives the empty tag set.
     *
     * @return tags whose {@link TagSet#codes()} equals {@code codes}
     * @throws CodebookException naming the 1-based character of every problem and the codes that may be
     *                           written there
     */
    public TagSet decode(String codes) {
        Objects.requireNonNull(codes, "codes");
        TagSet quick = decodeOrNull(codes);
        if (quick != null) {
            return quick;
        }
        List<Diagnostic> problems = new ArrayList<>();
        decode(codes, problems);
        throw failure("codebook.summary.codes", problems);
    }

    /** The tags of a codes string, or null when it is not a valid one; never throws. */
    private TagSet decodeOrNull(String codes) {
        return decode(codes, null);
    }

    /**
     * Walks the string once. With {@code problems == null} it stops at the first problem and returns
     * null (the fast path for valid strings and for remark words); otherwise it records every problem,
     * skipping one character after an unknown one to find where codes resume.
     */
    private TagSet decode(String codes, List<Diagnostic> problems) {
        if (codes.isEmpty()) {
            return TagSet.none();
        }
        // Accepted codes are strictly increasing ordinals, so there are at most tags.length of them.
        Tag[] found = new Tag[Math.min(tags.length, codes.length())];
        int foundCount = 0;
        int[] foundAt = problems == null ? null : new int[found.length];
        int last = -1;
        boolean lost = false; // after an unknown character, report again only once a code has matched
        int i = 0;
        int position = 0; // code points before index i
        while (i < codes.length()) {
            CodeTrie.Node node = trie.root();
            int j = i;
            int steps = 0;
            while (node.ordinal() < 0 && j < codes.length()) {
                int cp = codes.codePointAt(j);
                CodeTrie.Node next = node.next(cp);
                if (next == null) {
                    break;
                }
                node = next;
                j += Character.charCount(cp);
                steps++;
            }
            if (node.ordinal() < 0) {
                if (problems == null) {
                    return null;
                }
                String partial = codes.substring(i, j);
                List<String> allowed = expected(last, partial);
                if (j == codes.length() && !allowed.isEmpty()) {
                    problems.add(problem("codes[" + position + "]", "codebook.decode-incomplete", position + 1,
                            partial, quoted(allowed)));
                    break;
                }
                if (!lost) {
                    int badPosition = position + steps;
                    int badCharacter = j < codes.length() ? codes.codePointAt(j) : 0;
                    if (allowed.isEmpty()) {
                        // The characters read so far begin no code allowed here: blame the first of them.
                        allowed = expected(last, "");
                        badPosition = position;
                        badCharacter = codes.codePointAt(i);
                    }
                    String character = showCharacter(badCharacter);
                    problems.add(allowed.isEmpty()
                            ? problem("codes[" + badPosition + "]", "codebook.decode-nothing-more", badPosition + 1,
                                    character, tags[last].code())
                            : problem("codes[" + badPosition + "]", "codebook.decode-unknown", badPosition + 1,
                                    character, quoted(allowed)));
                }
                lost = true;
                i += Character.charCount(codes.codePointAt(i));
                position++;
                continue;
            }
            lost = false;
            int ordinal = node.ordinal();
            if (accepts(last, ordinal)) {
                if (foundAt != null) {
                    foundAt[foundCount] = position;
                }
                found[foundCount++] = tags[ordinal];
                last = ordinal;
            } else if (problems == null) {
                return null;
            } else {
                problems.add(outOfPlace(ordinal, position, Arrays.asList(found).subList(0, foundCount), foundAt));
            }
            i = j;
            position += steps;
        }
        if (problems != null && !problems.isEmpty()) {
            return null;
        }
        return TagSet.ofCanonical(found, foundCount, codes);
    }

    /** Whether a code may follow the code of ordinal {@code last} (-1 at the start). */
    private boolean accepts(int last, int ordinal) {
        return ordinal > last && !(last >= 0 && questionOfOrdinal[last] == questionOfOrdinal[ordinal]
                && questions.get(questionOfOrdinal[ordinal]).type() == QuestionType.SINGLE);
    }

    /** The codes that may be written after {@code last} and begin with {@code partial}. */
    private List<String> expected(int last, String partial) {
        List<String> allowed = new ArrayList<>();
        for (int ordinal = last + 1; ordinal < tags.length; ordinal++) {
            if (accepts(last, ordinal) && tags[ordinal].code().startsWith(partial)) {
                allowed.add(tags[ordinal].code());
            }
        }
        return allowed;
    }

    /** Explains why a known code cannot stand where it was written. */
    private Diagnostic outOfPlace(int ordinal, int position, List<Tag> found, int[] foundAt) {
        String path = "codes[" + position + "]";
        String code = tags[ordinal].code();
        Question question = questions.get(questionOfOrdinal[ordinal]);
        for (int k = 0; k < found.size(); k++) {
            if (found.get(k).equals(tags[ordinal])) {
                return problem(path, "codebook.decode-repeated", position + 1, code, foundAt[k] + 1);
            }
        }
        if (question.type() == QuestionType.SINGLE) {
            for (int k = 0; k < found.size(); k++) {
                if (found.get(k).questionId().equals(question.id())) {
                    return problem(path, "codebook.decode-single-twice", position + 1, code, found.get(k).code(),
                            foundAt[k] + 1, question.id());
                }
            }
        }
        Tag previous = found.get(found.size() - 1);
        return problem(path, "codebook.decode-order", position + 1, code, previous.code(),
                foundAt[found.size() - 1] + 1);
    }

    private static String quoted(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
    }

    /** A character as a person can see it, even a space or an invisible one: {@code "D" (U+0044)}. */
    static String showCharacter(int codePoint) {
        return "\"" + new String(Character.toChars(codePoint)) + "\" (U+"
                + String.format(Locale.ROOT, "%04X", codePoint) + ")";
    }

    // ---------------------------------------------------------------- describe

    /**
     * The labels of these tags, in canonical order, e.g. {@code [油性皮肤, 有痘痘困扰, 最想解决痘痘]}.
     *
     * @throws CodebookException when a tag is not one of this codebook's (another codebook, or a stale
     *                           stored tag set)
     */
    public List<String> describe(TagSet tags) {
        Objects.requireNonNull(tags, "tags");
        List<Diagnostic> problems = new ArrayList<>();
        int[] ordinals = new int[tags.size()];
        List<Tag> list = tags.tags();
        for (int k = 0; k < list.size(); k++) {
            ordinals[k] = ordinal(list.get(k));
            if (ordinals[k] < 0) {
                Tag tag = list.get(k);
                problems.add(problem("tags[" + k + "]", "codebook.foreign-tag", tag.questionId(), tag.optionId(),
                        tag.code(), id));
            }
        }
        if (!problems.isEmpty()) {
            throw failure("codebook.summary.tags", problems);
        }
        Arrays.sort(ordinals);
        List<String> out = new ArrayList<>(ordinals.length);
        for (int ordinal : ordinals) {
            out.add(labels[ordinal]);
        }
        return List.copyOf(out);
    }

    /** The canonical ordinal of a tag, or -1 when this codebook has no such tag. */
    private int ordinal(Tag tag) {
        Integer q = questionIndex.get(tag.questionId());
        Integer ordinal = q == null ? null : optionOrdinals.get(q).get(tag.optionId());
        return ordinal != null && tags[ordinal].code().equals(tag.code()) ? ordinal : -1;
    }

    // ---------------------------------------------------------------- remarks

    /**
     * Finds the codes in a staff remark such as {@code "王女士 23D"}, {@code "23D-王"} or {@code "23D"}.
     * The remark is split into words at white space and at the separators {@code - _ | / , ， 、 ; ；};
     * exactly one word must be a valid codes string (as {@link #decode} reads it).
     *
     * @throws CodebookException when no word, or more than one word, is a codes string; the message names
     *                           the 1-based characters where such words start, never the remark itself
     */
    public TagSet readRemark(String remark) {
        Objects.requireNonNull(remark, "remark");
        TagSet match = null;
        List<Integer> matchPositions = new ArrayList<>();
        for (Word word : words(remark)) {
            TagSet tagSet = decodeOrNull(word.text());
            if (tagSet != null) {
                match = tagSet;
                matchPositions.add(word.position());
            }
        }
        if (matchPositions.size() == 1) {
            return match;
        }
        Diagnostic problem = matchPositions.isEmpty()
                ? problem("remark", "codebook.remark-no-codes", remark.codePointCount(0, remark.length()))
                : problem("remark[" + matchPositions.get(1) + "]", "codebook.remark-several-codes",
                        matchPositions.size(), matchPositions.stream().map(p -> String.valueOf(p + 1))
                                .collect(Collectors.joining(", ")));
        throw failure("codebook.summary.remark", List.of(problem));
    }

    /**
     * Writes a remark of a name and the codes of these tags, {@code "王女士 23D"}, that fits in
     * {@link #remarkMaxLength()} code points: the name is shortened (never the codes) and left out when
     * there is no room. Separators around a shortened name are dropped. The codes always fit: a codebook
     * whose {@link #maxCodesLength()} exceeds the remark limit does not load.
     *
     * @param name the name staff keep in the remark; may be empty
     * @throws CodebookException when the tags are not this codebook's, or when a word of the (shortened)
     *                           name would itself read as codes
     */
    public String writeRemark(String name, TagSet tags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        String codes = tags.codes();
        if (!tags.equals(decodeOrNull(codes))) {
            throw failure("codebook.summary.remark",
                    List.of(problem("tags", "codebook.foreign-tags", codes, id)));
        }
        // Load-time validation guarantees maxCodesLength() <= remarkMaxLength(): the codes always fit.
        int codesLength = codes.codePointCount(0, codes.length());
        String shortName = shorten(name, remarkMaxLength - codesLength - 1);
        for (Word word : words(shortName)) {
            if (decodeOrNull(word.text()) != null) {
                throw failure("codebook.summary.remark",
                        List.of(problem("name[" + word.position() + "]", "codebook.remark-name-reads-as-codes",
                                word.position() + 1)));
            }
        }
        if (shortName.isEmpty()) {
            return codes;
        }
        return codes.isEmpty() ? shortName : shortName + " " + codes;
    }

    /** The name cut to at most {@code room} code points, without separators at either end. */
    private static String shorten(String name, int room) {
        String trimmed = trimSeparators(name);
        if (room <= 0) {
            return "";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > room) {
            trimmed = trimSeparators(trimmed.substring(0, trimmed.offsetByCodePoints(0, room)));
        }
        return trimmed;
    }

    private static String trimSeparators(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSeparator(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSeparator(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSeparator(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || REMARK_SEPARATORS.indexOf(codePoint) >= 0;
    }

    /** A word of a remark and the 0-based code point where it starts. */
    private record Word(String text, int position) {
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int start = -1;
        int startPosition = 0;
        int position = 0;
        for (int i = 0; i < text.length(); position++) {
            int cp = text.codePointAt(i);
            if (isSeparator(cp)) {
                if (start >= 0) {
                    words.add(new Word(text.substring(start, i), startPosition));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
                startPosition = position;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(new Word(text.substring(start), startPosition));
        }
        return words;
    }

    // ---------------------------------------------------------------- reporting

    private Diagnostic problem(String path, String key, Object... args) {
        return new Diagnostic(fileName, 0, 0, Severity.ERROR, key, path, messages.format(key, args));
    }

    private CodebookException failure(String summaryKey, List<Diagnostic> problems) {
        return new CodebookException(messages.format(summaryKey, id, problems.size()), problems);
    }

    /** The id and version, e.g. {@code Codebook[gaozi-skincare 2024.3]}. */
    @Override
    public String toString() {
        return "Codebook[" + id + " " + version + "]";
    }
}
