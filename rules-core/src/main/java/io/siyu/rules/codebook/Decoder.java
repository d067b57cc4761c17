package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Codes strings to tags: {@link Codebook#decode}, the codes word of a remark, and for a string that is not
 * valid, an explanation of every problem (which character, and which codes may be written there). One walk
 * does both: without a {@link Trace} it is the fast path that stops at the first problem, which is all
 * that remark reading and valid strings need; with one, it explains.
 *
 * <p>A strict decoder walks the codes as written; a remark decoder walks a word {@linkplain RemarkText#reading
 * as read} (NFKC, perhaps case-folded) over the matching trie, and its tag sets carry the codes as the
 * codebook spells them. Immutable and thread-safe.
 */
final class Decoder {
    private final CodeIndex index;
    private final Reporter reporter;
    private final CodeTrie trie;
    /** Whether a string this decoder accepts is already spelled exactly as the codes (the strict decoder). */
    private final boolean spelledAsCodes;

    /** The strict decoder: {@link Codebook#decode}. */
    Decoder(CodeIndex index, Reporter reporter) {
        this(index, reporter, index.trie(), true);
    }

    private Decoder(CodeIndex index, Reporter reporter, CodeTrie trie, boolean spelledAsCodes) {
        this.index = index;
        this.reporter = reporter;
        this.trie = trie;
        this.spelledAsCodes = spelledAsCodes;
    }

    /** The decoder of remark words as read: over {@link CodeIndex#readingTrie()}. */
    static Decoder forRemarks(CodeIndex index, Reporter reporter) {
        return new Decoder(index, reporter, index.readingTrie(), !index.foldsCase());
    }

    /**
     * Where the string being explained came from, for messages: the text as the person wrote it (the same
     * number of code points), the code point where it starts in a larger text, and the name of that text
     * in paths ({@code codes}, {@code remark}). Collects the problems and counts the codes seen.
     */
    static final class Trace {
        private final String written;
        private final int offset;
        private final String pathName;
        private final List<Diagnostic> problems = new ArrayList<>();
        private int codesSeen;

        Trace(String written, int offset, String pathName) {
            this.written = written;
            this.offset = offset;
            this.pathName = pathName;
        }

        /** The problems found, in string order. */
        List<Diagnostic> problems() {
            return problems;
        }

        /** How many codes (current or retired, in place or not) the walk recognised. */
        int codesSeen() {
            return codesSeen;
        }

        private String path(int position) {
            return pathName + "[" + (offset + position) + "]";
        }

        /** The 1-based character number of a 0-based position in the string. */
        private int number(int position) {
            return offset + position + 1;
        }

        /** The character at a 0-based code point position, as written and as a person can see it. */
        private String show(int position) {
            return Reporter.showCharacter(written.codePointAt(written.offsetByCodePoints(0, position)));
        }

        /** {@code length} code points from a 0-based position, as written. */
        private String text(int position, int length) {
            int start = written.offsetByCodePoints(0, position);
            return written.substring(start, written.offsetByCodePoints(start, length));
        }
    }

    /**
     * The tags of a codes string.
     *
     * @throws CodebookException naming the 1-based character of every problem
     */
    TagSet decode(String codes) {
        TagSet quick = decodeOrNull(codes);
        if (quick != null) {
            return quick;
        }
        Trace trace = new Trace(codes, 0, "codes");
        walk(codes, trace);
        throw reporter.failure("codebook.summary.codes", trace.problems());
    }

    /** The tags of a codes string, or null when it is not a valid one; never throws. */
    TagSet decodeOrNull(String codes) {
        return walk(codes, null);
    }

    /** Walks the string with {@code trace}, recording every problem; the tags, or null when there was one. */
    TagSet explain(String codes, Trace trace) {
        return walk(codes, trace);
    }

    /**
     * Walks the string once. With {@code trace == null} it stops at the first problem and returns
     * null; otherwise it records every problem, skipping one character after an unknown one to find
     * where codes resume, and returns null when there was one.
     */
    private TagSet walk(String codes, Trace trace) {
        if (codes.isEmpty()) {
            return TagSet.none();
        }
        // Accepted codes are strictly increasing ordinals, so there are at most tagCount() of them.
        Tag[] found = new Tag[Math.min(index.tagCount(), codes.length())];
        int foundCount = 0;
        int[] foundAt = trace == null ? null : new int[found.length];
        int last = -1;
        boolean lost = false; // after an unknown character, report again only once a code has matched
        int i = 0;
        int position = 0; // code points before index i
        while (i < codes.length()) {
            CodeTrie.Node node = trie.root();
            int j = i;
            int steps = 0;
            while (!node.endsCode() && j < codes.length()) {
                int cp = codes.codePointAt(j);
                CodeTrie.Node next = node.next(cp);
                if (next == null) {
                    break;
                }
                node = next;
                j += Character.charCount(cp);
                steps++;
            }
            if (node.retired() >= 0) {
                if (trace == null) {
                    return null;
                }
                trace.codesSeen++;
                int retired = node.retired();
                trace.problems.add(reporter.problem(trace.path(position), "codebook.decode-retired",
                        trace.number(position), index.retiredCode(retired),
                        index.questionId(index.retiredQuestion(retired)), reporter.codebookId()));
                lost = false;
                i = j;
                position += steps;
                continue;
            }
            if (node.ordinal() < 0) {
                if (trace == null) {
                    return null;
                }
                List<String> allowed = expected(last, codes.substring(i, j));
                if (j == codes.length() && !allowed.isEmpty()) {
                    trace.problems.add(reporter.problem(trace.path(position), "codebook.decode-incomplete",
                            trace.number(position), trace.text(position, steps), Reporter.quoted(allowed)));
                    break;
                }
                if (!lost) {
                    trace.problems.add(unknown(trace, position, steps, last, allowed));
                }
                lost = true;
                i += Character.charCount(codes.codePointAt(i));
                position++;
                continue;
            }
            lost = false;
            int ordinal = node.ordinal();
            if (trace != null) {
                trace.codesSeen++;
            }
            if (accepts(last, ordinal)) {
                if (foundAt != null) {
                    foundAt[foundCount] = position;
                }
                found[foundCount++] = index.tag(ordinal);
                last = ordinal;
            } else if (trace == null) {
                return null;
            } else {
                trace.problems.add(outOfPlace(trace, ordinal, position,
                        Arrays.asList(found).subList(0, foundCount), foundAt));
            }
            i = j;
            position += steps;
        }
        if (trace != null && !trace.problems.isEmpty()) {
            return null;
        }
        return TagSet.ofCanonical(found, foundCount, spelledAsCodes ? codes : codesOf(found, foundCount));
    }

    private static String codesOf(Tag[] tags, int count) {
        StringBuilder codes = new StringBuilder();
        for (int k = 0; k < count; k++) {
            codes.append(tags[k].code());
        }
        return codes.toString();
    }

    /** Whether a code may follow the code of ordinal {@code last} (-1 at the start): the canonical order. */
    private boolean accepts(int last, int ordinal) {
        return ordinal > last && !(last >= 0 && index.questionOf(last) == index.questionOf(ordinal)
                && index.question(index.questionOf(ordinal)).type() == QuestionType.SINGLE);
    }

    /** The codes that may be written after {@code last} and begin with {@code partial} (as read). */
    private List<String> expected(int last, String partial) {
        List<String> allowed = new ArrayList<>();
        for (int ordinal = last + 1; ordinal < index.tagCount(); ordinal++) {
            String code = index.tag(ordinal).code();
            String read = spelledAsCodes ? code : RemarkText.reading(code, index.foldsCase());
            if (accepts(last, ordinal) && read.startsWith(partial)) {
                allowed.add(code);
            }
        }
        return allowed;
    }

    /**
     * Explains characters from {@code position} ({@code steps} of them read so far) that begin no code,
     * or no code allowed after {@code last}; {@code allowed} are the codes after {@code last} that begin
     * with them.
     */
    private Diagnostic unknown(Trace trace, int position, int steps, int last, List<String> allowed) {
        int badPosition = position + steps;
        if (allowed.isEmpty()) {
            // The characters read so far begin no code allowed here: blame the first of them.
            allowed = expected(last, "");
            badPosition = position;
        }
        String character = trace.show(badPosition);
        String path = trace.path(badPosition);
        return allowed.isEmpty()
                ? reporter.problem(path, "codebook.decode-nothing-more", trace.number(badPosition), character,
                        index.tag(last).code())
                : reporter.problem(path, "codebook.decode-unknown", trace.number(badPosition), character,
                        Reporter.quoted(allowed));
    }

    /** Explains why a known code cannot stand where it was written. */
    private Diagnostic outOfPlace(Trace trace, int ordinal, int position, List<Tag> found, int[] foundAt) {
        String path = trace.path(position);
        Tag tag = index.tag(ordinal);
        Question question = index.question(index.questionOf(ordinal));
        for (int k = 0; k < found.size(); k++) {
            if (found.get(k).equals(tag)) {
                return reporter.problem(path, "codebook.decode-repeated", trace.number(position), tag.code(),
                        trace.number(foundAt[k]));
            }
        }
        if (question.type() == QuestionType.SINGLE) {
            for (int k = 0; k < found.size(); k++) {
                if (found.get(k).questionId().equals(question.id())) {
                    return reporter.problem(path, "codebook.decode-single-twice", trace.number(position),
                            tag.code(), found.get(k).code(), trace.number(foundAt[k]), question.id());
                }
            }
        }
        Tag previous = found.get(found.size() - 1);
        return reporter.problem(path, "codebook.decode-order", trace.number(position), tag.code(), previous.code(),
                trace.number(foundAt[found.size() - 1]));
    }
}
