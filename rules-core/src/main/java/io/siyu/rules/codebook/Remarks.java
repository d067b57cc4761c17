package io.siyu.rules.codebook;

import io.siyu.rules.codebook.RemarkText.Word;
import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Staff remarks such as {@code "王女士 23D"}: finding the codes in one ({@link Codebook#readRemark}) and
 * writing one that fits the WeCom limit ({@link Codebook#writeRemark}), with the text rules both share
 * ({@link RemarkText}). A remark carries a customer's name, so no message ever quotes it beyond the word
 * that holds the codes: other problems name positions only.
 *
 * <p>Immutable and thread-safe.
 */
final class Remarks {
    private final CodeIndex index;
    /** Reads remark words as read ({@link RemarkText#reading}). */
    private final Decoder decoder;
    /** {@link Codebook#decode}'s decoder, which checks that tags are this codebook's. */
    private final Decoder strict;
    private final Reporter reporter;
    private final int maxLength;

    /** Remarks of at most {@code maxLength} UTF-16 units whose codes are read with {@code index}. */
    Remarks(CodeIndex index, Decoder strict, Reporter reporter, int maxLength) {
        this.index = index;
        this.decoder = Decoder.forRemarks(index, reporter);
        this.strict = strict;
        this.reporter = reporter;
        this.maxLength = maxLength;
    }

    /**
     * The tags of the one word of the remark that is a codes string, as read.
     *
     * @throws CodebookException when no word, or more than one word, is a codes string
     */
    TagSet read(String remark) {
        String reading = RemarkText.reading(remark, index.foldsCase());
        List<Word> words = RemarkText.words(reading);
        TagSet match = null;
        List<Integer> matchPositions = new ArrayList<>();
        for (Word word : words) {
            TagSet tagSet = decoder.decodeOrNull(word.text());
            if (tagSet != null) {
                match = tagSet;
                matchPositions.add(word.position());
            }
        }
        if (matchPositions.size() == 1) {
            return match;
        }
        List<Diagnostic> problems = matchPositions.isEmpty()
                ? whyNoCodes(remark, words)
                : List.of(reporter.problem("remark[" + matchPositions.get(1) + "]", "codebook.remark-several-codes",
                        matchPositions.size(), matchPositions.stream().map(p -> String.valueOf(p + 1))
                                .collect(Collectors.joining(", "))));
        throw reporter.failure("codebook.summary.remark", problems);
    }

    /**
     * Why no word of the remark reads as codes, as specifically as can be said without quoting the name:
     * the problems of the word that looks most like codes (only characters of codes and ASCII letters and
     * digits, and at least one code recognised); else codes written against other text; else that there
     * are no codes.
     */
    private List<Diagnostic> whyNoCodes(String remark, List<Word> words) {
        Decoder.Trace best = null;
        Word bestWord = null;
        int candidates = 0;
        for (Word word : words) {
            if (!codeLike(word.text())) {
                continue;
            }
            Decoder.Trace trace = new Decoder.Trace(written(remark, word.position(), word.text()), word.position(),
                    "remark");
            decoder.explain(word.text(), trace);
            if (trace.codesSeen() == 0) {
                continue;
            }
            candidates++;
            // The word with the fewest problems (then the most codes) is the likeliest codes: "3DQ" rather than
            // a phone number "13800138000", whose digits are codes too but fail again and again.
            if (best == null || trace.problems().size() < best.problems().size()
                    || trace.problems().size() == best.problems().size() && trace.codesSeen() > best.codesSeen()) {
                best = trace;
                bestWord = word;
            }
        }
        if (best != null) {
            if (candidates == 1) {
                return best.problems();
            }
            // Several words could be the codes: say which one the problems are about.
            List<Diagnostic> out = new ArrayList<>();
            int length = bestWord.text().codePointCount(0, bestWord.text().length());
            out.add(reporter.problem("remark[" + bestWord.position() + "]", "codebook.remark-codes-word",
                    bestWord.position() + 1, bestWord.position() + length, candidates));
            out.addAll(best.problems());
            return out;
        }
        for (Word word : words) {
            Diagnostic glued = glued(word);
            if (glued != null) {
                return List.of(glued);
            }
        }
        return List.of(reporter.problem("remark", "codebook.remark-no-codes",
                remark.codePointCount(0, remark.length())));
    }

    /** Whether every character of a word (as read) may be part of codes, or is an ASCII letter or digit. */
    private boolean codeLike(String word) {
        return word.codePoints().allMatch(cp -> index.inReadingAlphabet(cp)
                || cp < 128 && Character.isLetterOrDigit(cp));
    }

    /**
     * Codes written against other text, {@code 王女士23D} or {@code 23D王女士}: the longest run of code
     * characters at the end (or the start) of the word reads as codes. Null when it does not. A run of one
     * character does not count: {@code D姐} is more likely a nickname than a code stuck to a name.
     */
    private Diagnostic glued(Word word) {
        String text = word.text();
        int length = text.codePointCount(0, text.length());
        int tail = 0;
        for (int i = text.length(); i > 0 && index.inReadingAlphabet(text.codePointBefore(i)); ) {
            i -= Character.charCount(text.codePointBefore(i));
            tail++;
        }
        if (tail > 1 && tail < length && decoder.decodeOrNull(text.substring(text.offsetByCodePoints(0, length - tail)))
                != null) {
            int start = word.position() + length - tail;
            return reporter.problem("remark[" + start + "]", "codebook.remark-codes-glued", start + 1, start + tail);
        }
        int head = 0;
        for (int i = 0; i < text.length() && index.inReadingAlphabet(text.codePointAt(i)); ) {
            i += Character.charCount(text.codePointAt(i));
            head++;
        }
        if (head > 1 && head < length && decoder.decodeOrNull(text.substring(0, text.offsetByCodePoints(0, head)))
                != null) {
            int start = word.position();
            return reporter.problem("remark[" + start + "]", "codebook.remark-codes-glued", start + 1, start + head);
        }
        return null;
    }

    /** The word at a code point position of the remark as staff wrote it (the read word has as many code points). */
    private static String written(String remark, int position, String readWord) {
        int start = remark.offsetByCodePoints(0, position);
        return remark.substring(start, remark.offsetByCodePoints(start, readWord.codePointCount(0, readWord.length())));
    }

    /**
     * {@code name} shortened to fit, a space, and the codes of {@code tags}.
     *
     * @throws CodebookException when the tags are not this codebook's, or a word of the shortened name
     *                           reads as codes
     */
    String write(String name, TagSet tags) {
        String codes = tags.codes();
        if (!tags.equals(strict.decodeOrNull(codes))) {
            throw reporter.failure("codebook.summary.remark",
                    List.of(reporter.problem("tags", "codebook.foreign-tags", codes, reporter.codebookId())));
        }
        // Load-time validation guarantees maxCodesLength() <= remarkMaxLength(): the codes always fit.
        String shortName = RemarkText.fit(name, maxLength - RemarkText.length(codes) - 1);
        for (Word word : RemarkText.words(RemarkText.reading(shortName, index.foldsCase()))) {
            if (decoder.decodeOrNull(word.text()) != null) {
                throw reporter.failure("codebook.summary.remark",
                        List.of(reporter.problem("name[" + word.position() + "]",
                                "codebook.remark-name-reads-as-codes", word.position() + 1)));
            }
        }
        if (shortName.isEmpty()) {
            return codes;
        }
        return codes.isEmpty() ? shortName : shortName + " " + codes;
    }
}
