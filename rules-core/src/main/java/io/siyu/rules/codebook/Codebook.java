package io.siyu.rules.codebook;

import io.siyu.rules.internal.files.PackFiles;
import io.siyu.rules.internal.i18n.Messages;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    // The facade: null checks and delegation. Each job lives in its own package-private class, all
    // sharing one CodeIndex (the lookup model) and one Reporter (diagnostics in the codebook's locale).
    private final String id;
    private final String version;
    private final int remarkMaxLength;
    private final CodeIndex index;
    private final Reporter reporter;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Describer describer;
    private final Remarks remarks;

    Codebook(String fileName, Locale locale, String id, String version, List<Question> questions,
             int remarkMaxLength) {
        this.id = id;
        this.version = version;
        this.remarkMaxLength = remarkMaxLength;
        this.index = new CodeIndex(questions);
        this.reporter = new Reporter(fileName, id, locale);
        this.encoder = new Encoder(index, reporter);
        this.decoder = new Decoder(index, reporter);
        this.describer = new Describer(index, reporter);
        this.remarks = new Remarks(decoder, reporter, remarkMaxLength);
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
        String json = PackFiles.readOrThrow(file, name, PackFiles.Kind.CODEBOOK, locale, problems ->
                new CodebookException(Messages.of(CodebookParser.BUNDLE, locale).format("codebook.summary.file", name,
                        problems.size()), problems));
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
        return reporter.fileName();
    }

    /** The locale of the messages of this codebook's exceptions. */
    public Locale locale() {
        return reporter.messages().locale();
    }

    /** The questions in codebook order; immutable. */
    public List<Question> questions() {
        return index.questions();
    }

    /** The question with this id, or empty. */
    public Optional<Question> question(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        int q = index.questionIndex(questionId);
        return q < 0 ? Optional.empty() : Optional.of(index.question(q));
    }

    /** Every code of the codebook, in canonical order; immutable. */
    public Set<String> allCodes() {
        return index.allCodes();
    }

    /**
     * The length, in code points, of the longest codes string the codebook can produce: the longest code
     * of each single question plus every code of each multi question.
     */
    public int maxCodesLength() {
        return index.maxCodesLength();
    }

    /** The most characters (code points) a remark may have: {@code remark.maxLength}, 20 by default. */
    public int remarkMaxLength() {
        return remarkMaxLength;
    }

    /** {@link #maxCodesLength()} of these questions; {@link CodebookParser} checks it against the limit. */
    static int maxCodesLength(List<Question> questions) {
        return CodeIndex.maxCodesLength(questions);
    }

    /** A character as a person can see it, e.g. {@code "D" (U+0044)}; {@link CodebookParser} uses it. */
    static String showCharacter(int codePoint) {
        return Reporter.showCharacter(codePoint);
    }

    // ---------------------------------------------------------------- encode, decode, describe

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
        return encoder.encode(answers);
    }

    /** The encoder, whose fast and checked paths tests compare. */
    Encoder encoder() {
        return encoder;
    }

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
        return decoder.decode(codes);
    }

    /**
     * The labels of these tags, in canonical order, e.g. {@code [油性皮肤, 有痘痘困扰, 最想解决痘痘]}.
     *
     * @throws CodebookException when a tag is not one of this codebook's (another codebook, or a stale
     *                           stored tag set)
     */
    public List<String> describe(TagSet tags) {
        Objects.requireNonNull(tags, "tags");
        return describer.describe(tags);
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
        return remarks.read(remark);
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
        return remarks.write(name, tags);
    }

    /** The id and version, e.g. {@code Codebook[gaozi-skincare 2024.3]}. */
    @Override
    public String toString() {
        return "Codebook[" + id + " " + version + "]";
    }
}
