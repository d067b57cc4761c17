package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Staff remarks such as {@code "王女士 23D"}: finding the codes in one ({@link Codebook#readRemark}) and
 * writing one that fits the WeCom limit ({@link Codebook#writeRemark}), with the tokenizer both share.
 * A remark carries a customer's name, so no message ever quotes it: problems name positions only.
 *
 * <p>Immutable and thread-safe.
 */
final class Remarks {
    /** What splits a remark into words besides white space; see {@link Codebook#readRemark}. */
    private static final String SEPARATORS = "-_|/,，、;；";

    private final Decoder decoder;
    private final Reporter reporter;
    private final int maxLength;

    /** Remarks of at most {@code maxLength} code points whose codes {@code decoder} reads. */
    Remarks(Decoder decoder, Reporter reporter, int maxLength) {
        this.decoder = decoder;
        this.reporter = reporter;
        this.maxLength = maxLength;
    }

    /**
     * The tags of the one word of the remark that is a codes string.
     *
     * @throws CodebookException when no word, or more than one word, is a codes string
     */
    TagSet read(String remark) {
        TagSet match = null;
        List<Integer> matchPositions = new ArrayList<>();
        for (Word word : words(remark)) {
            TagSet tagSet = decoder.decodeOrNull(word.text());
            if (tagSet != null) {
                match = tagSet;
                matchPositions.add(word.position());
            }
        }
        if (matchPositions.size() == 1) {
            return match;
        }
        Diagnostic problem = matchPositions.isEmpty()
                ? reporter.problem("remark", "codebook.remark-no-codes", remark.codePointCount(0, remark.length()))
                : reporter.problem("remark[" + matchPositions.get(1) + "]", "codebook.remark-several-codes",
                        matchPositions.size(), matchPositions.stream().map(p -> String.valueOf(p + 1))
                                .collect(Collectors.joining(", ")));
        throw reporter.failure("codebook.summary.remark", List.of(problem));
    }

    /**
     * {@code name} shortened to fit, a space, and the codes of {@code tags}.
     *
     * @throws CodebookException when the tags are not this codebook's, or a word of the shortened name
     *                           reads as codes
     */
    String write(String name, TagSet tags) {
        String codes = tags.codes();
        if (!tags.equals(decoder.decodeOrNull(codes))) {
            throw reporter.failure("codebook.summary.remark",
                    List.of(reporter.problem("tags", "codebook.foreign-tags", codes, reporter.codebookId())));
        }
        // Load-time validation guarantees maxCodesLength() <= remarkMaxLength(): the codes always fit.
        int codesLength = codes.codePointCount(0, codes.length());
        String shortName = shorten(name, maxLength - codesLength - 1);
        for (Word word : words(shortName)) {
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
                || SEPARATORS.indexOf(codePoint) >= 0;
    }

    /** A word of a remark and the 0-based code point where it starts. */
    private record Word(String text, int position) {
    }

    /** The words of a text, split at white space and at {@link #SEPARATORS}. */
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
}
