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
 * <p>Positions count Unicode code points ({@code 王} and {@code 😀} are one each), not {@code char}s;
 * positions in messages are 1-based. Remark lengths ({@link #remarkMaxLength()}, {@link #maxCodesLength()})
 * count UTF-16 code units ({@link String#length()}: {@code 王} is one, {@code 😀} two), the most cautious
 * reading of WeCom's "20 characters" (see {@code docs/codebook.md}).
 *
 * <p>Immutable and thread-safe: load it once and share it. Problems with answers, codes and remarks are
 * reported as a {@link CodebookException} in the locale the codebook was loaded with.
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
        this.remarks = new Remarks(index, decoder, reporter, remarkMaxLength);
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads a codebook file, reporting problems in the JVM's default locale; the same as
     * {@link #load(Path, Locale) load(file, Locale.getDefault())}.
     *
     * @param file the codebook file ({@code codebook.json} format, UTF-8)
     * @return the codebook
     * @throws CodebookException listing every problem in the file; or, as its one problem, that the file
     *                           does not exist, cannot be read, is larger than 4 MiB or is not UTF-8
     * @throws NullPointerException when {@code file} is null
     */
    public static Codebook load(Path file) {
        return load(file, Locale.getDefault());
    }

    /**
     * Loads a codebook file (UTF-8 JSON; a byte-order mark is dropped), reporting problems in
     * {@code locale}. Diagnostics name the file as {@code file.toString()}.
     *
     * @param file   the codebook file
     * @param locale the language of every message about the file and, later, about answers, codes and
     *               remarks ({@link #locale()}): English, or Simplified Chinese for {@code zh_CN}
     * @return the codebook
     * @throws CodebookException listing every problem in the file, each with line, column and JSON path; or,
     *                           as its one problem, that the file does not exist, cannot be read (the
     *                           {@code IOException} is the cause), is larger than 4 MiB or is not UTF-8
     * @throws NullPointerException when an argument is null
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
     * @param json     the whole JSON document
     * @param locale   the language of the messages, as for {@link #load(Path, Locale)}
     * @return the codebook
     * @throws CodebookException listing every problem, each with line, column and JSON path
     * @throws NullPointerException when an argument is null
     */
    public static Codebook parse(String fileName, String json, Locale locale) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(locale, "locale");
        return CodebookParser.parse(fileName, json, locale);
    }

    // ---------------------------------------------------------------- what it is

    /**
     * The codebook's id.
     *
     * @return the {@code id} of the file, e.g. {@code gaozi-skincare}; not empty
     */
    public String id() {
        return id;
    }

    /**
     * The codebook's version.
     *
     * @return the {@code version} as written in the file, e.g. {@code 2024.3}
     */
    public String version() {
        return version;
    }

    /**
     * The file name that diagnostics name.
     *
     * @return {@code file.toString()} for a {@linkplain #load loaded} codebook, the given name for a
     *         {@linkplain #parse parsed} one
     */
    public String fileName() {
        return reporter.fileName();
    }

    /**
     * The language of the messages of this codebook's exceptions.
     *
     * @return the locale the codebook was loaded with
     */
    public Locale locale() {
        return reporter.messages().locale();
    }

    /**
     * The questions.
     *
     * @return every question in codebook order; never empty, unmodifiable
     */
    public List<Question> questions() {
        return index.questions();
    }

    /**
     * Looks a question up by id.
     *
     * @param questionId the question's id, e.g. {@code concern}
     * @return the question, or empty when the codebook has none with this id
     * @throws NullPointerException when {@code questionId} is null
     */
    public Optional<Question> question(String questionId) {
        Objects.requireNonNull(questionId, "questionId");
        int q = index.questionIndex(questionId);
        return q < 0 ? Optional.empty() : Optional.of(index.question(q));
    }

    /**
     * Every code of the codebook.
     *
     * @return the code of every option, in canonical order (the set iterates in that order); unmodifiable
     */
    public Set<String> allCodes() {
        return index.allCodes();
    }

    /**
     * The length of the longest codes string the codebook can produce: the longest code of each single
     * question plus every code of each multi question. Never more than {@link #remarkMaxLength()}: a
     * codebook whose codes would not fit in a remark does not load.
     *
     * @return the length in UTF-16 code units (a letter or digit of the Basic Multilingual Plane is one),
     *         at least 1
     */
    public int maxCodesLength() {
        return index.maxCodesLength();
    }

    /**
     * The most characters a remark may have: {@code remark.maxLength} of the file, 20 (the WeCom limit)
     * by default.
     *
     * @return the length in UTF-16 code units ({@code 王} is one, {@code 😀} two), 1 to 150
     */
    public int remarkMaxLength() {
        return remarkMaxLength;
    }

    /**
     * Whether {@link #readRemark} ignores case, reading {@code 3du1} as {@code 3DU1}. Decided when the
     * codebook loads: true unless two of its codes (retired codes included) are the same, or one the
     * beginning of the other, once case is ignored ({@code d} and {@code D}, or {@code d} and {@code D1}).
     * {@link #decode} always matches case exactly.
     *
     * @return whether remarks are read ignoring case
     */
    public boolean remarksIgnoreCase() {
        return index.foldsCase();
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
     * The tags of a customer's answers. Each key is a question id; each value an option id (any
     * {@link CharSequence}), or for a {@code multi} question a {@link Collection} of option ids (duplicates
     * collapse, order does not matter). A {@code null} value (in a map that allows one) or an empty
     * collection counts as no answer. Questions not in the map are unanswered.
     *
     * @param answers question id to answer; read, never kept or changed
     * @return the tags in canonical order; {@link TagSet#none()} when nothing is answered
     * @throws CodebookException listing every problem at once, each with the path {@code answers.<question>}
     *                           (or {@code answers.<question>[i]} for an item of a list): an unknown question,
     *                           an unknown option, several answers to a single question, a missing required
     *                           answer, a value or list item of the wrong type
     * @throws NullPointerException when {@code answers} is null
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
     * some tags in canonical order (what {@link TagSet#codes()} gives): nothing else (no white space or
     * separators), each code once, at most one code of a single question. Matching is exact: case and
     * full-width forms count (only {@link #readRemark} reads what staff type). Required questions need not be answered: decoding checks the string, not the survey. Use
     * {@link #readRemark} for text that holds other words too.
     *
     * @param codes the codes string; the empty string gives {@link TagSet#none()}
     * @return tags whose {@link TagSet#codes()} equals {@code codes}
     * @throws CodebookException listing every problem: an unknown character, a code out of canonical order,
     *                           repeated, a second answer to a single question, a code retired from the
     *                           codebook ({@link Question#retiredCodes()}), or a string that ends inside a
     *                           code. Each message names the 1-based character (code point) and
     *                           the codes that may be written there; each diagnostic's path is
     *                           {@code codes[i]}, {@code i} the 0-based code point index
     * @throws NullPointerException when {@code codes} is null
     */
    public TagSet decode(String codes) {
        Objects.requireNonNull(codes, "codes");
        return decoder.decode(codes);
    }

    /**
     * The labels of these tags, e.g. {@code [油性皮肤, 有痘痘困扰, 最想解决痘痘]}.
     *
     * @param tags tags of this codebook, in any order
     * @return one label per tag, in canonical order whatever the order of {@code tags}; empty for no tags;
     *         unmodifiable
     * @throws CodebookException naming every tag (path {@code tags[i]}) whose question, option and code are
     *                           not one of this codebook's (tags of another codebook, or a stale stored tag set)
     * @throws NullPointerException when {@code tags} is null
     */
    public List<String> describe(TagSet tags) {
        Objects.requireNonNull(tags, "tags");
        return describer.describe(tags);
    }

    // ---------------------------------------------------------------- remarks

    /**
     * Finds the codes in a staff remark such as {@code "王女士 23D"}, {@code "23D-王"} or {@code "23D"}, as
     * staff type them: each character is read by its Unicode NFKC form when that is one character
     * (full-width {@code ３ＤＵ１} reads as {@code 3DU1}, the ideographic space as a space), and case is
     * ignored when {@link #remarksIgnoreCase()} ({@code 3du1}). The remark is split into words at white space
     * and at the separators {@code - _ | / , ， 、 ; ；} (full-width forms included); exactly one word must
     * be a valid codes string (as {@link #decode} reads it). The remark's length is not checked against
     * {@link #remarkMaxLength()}.
     *
     * @param remark the whole remark
     * @return the tags of the one word that is a codes string; their {@link TagSet#codes()} are spelled as
     *         the codebook spells them
     * @throws CodebookException when more than one word is a codes string (one problem, path {@code remark[i]},
     *                           {@code i} the 0-based code point where the second starts; the message names
     *                           the 1-based characters where they all start), or when none is: then the
     *                           problems of the word that looks like codes, each with the path
     *                           {@code remark[i]} and the character number in the remark (an unknown code, a
     *                           code of the wrong place, two answers to a single-answer question, a code
     *                           retired from the codebook, ...); or, when no word looks like codes, one
     *                           problem saying that the codes are written against other text
     *                           ({@code remark[i]}) or that there are none (path {@code remark}). Messages
     *                           never quote the remark beyond the word that looks like codes: it holds a
     *                           customer's name
     * @throws NullPointerException when {@code remark} is null
     */
    public TagSet readRemark(String remark) {
        Objects.requireNonNull(remark, "remark");
        return remarks.read(remark);
    }

    /**
     * Writes a remark of a name and the codes of these tags, {@code "王女士 23D"}, that fits in
     * {@link #remarkMaxLength()} UTF-16 code units: the name is cut at its end (never the codes) to the room
     * left, {@code remarkMaxLength() - codes - 1} units, and left out when there is none. The cut falls
     * between two extended grapheme clusters (Unicode UAX #29): a family emoji, a flag or a letter with its
     * accents is kept whole or dropped whole. White space and separators at either end of the (cut) name are
     * dropped. The codes always fit: a codebook whose {@link #maxCodesLength()} exceeds the remark limit does
     * not load. {@link #readRemark} of the result gives {@code tags} back, unless {@code tags} is empty.
     *
     * @param name the name staff keep in the remark; may be empty
     * @param tags tags this codebook made; may be {@link TagSet#none()}
     * @return the name, a space and the codes; only the codes when the name is empty or there is no room,
     *         only the name when there are no tags, the empty string when both are empty
     * @throws CodebookException with one problem when the tags are not a valid tag set of this codebook
     *                           (path {@code tags}), or when a word of the (cut) name would itself read as
     *                           codes, as {@link #readRemark} reads them (path {@code name[i]}, {@code i} the
     *                           0-based code point where it starts)
     * @throws NullPointerException when an argument is null
     */
    public String writeRemark(String name, TagSet tags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        return remarks.write(name, tags);
    }

    /**
     * The id and version, for logs.
     *
     * @return e.g. {@code Codebook[gaozi-skincare 2024.3]}
     */
    @Override
    public String toString() {
        return "Codebook[" + id + " " + version + "]";
    }
}
