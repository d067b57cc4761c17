package io.siyu.rules.codebook;

import io.siyu.rules.diagnostic.Diagnostic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Codes strings to tags: {@link Codebook#decode}, and for a string that is not valid, an explanation of
 * every problem (which character, and which codes may be written there). One walk does both: with no
 * problem list it is the fast path that stops at the first problem, which is all that remark reading
 * and valid strings need; with one, it explains.
 *
 * <p>Immutable and thread-safe.
 */
final class Decoder {
    private final CodeIndex index;
    private final Reporter reporter;

    Decoder(CodeIndex index, Reporter reporter) {
        this.index = index;
        this.reporter = reporter;
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
        List<Diagnostic> problems = new ArrayList<>();
        walk(codes, problems);
        throw reporter.failure("codebook.summary.codes", problems);
    }

    /** The tags of a codes string, or null when it is not a valid one; never throws. */
    TagSet decodeOrNull(String codes) {
        return walk(codes, null);
    }

    /**
     * Walks the string once. With {@code problems == null} it stops at the first problem and returns
     * null; otherwise it records every problem, skipping one character after an unknown one to find
     * where codes resume, and returns null when there was one.
     */
    private TagSet walk(String codes, List<Diagnostic> problems) {
        if (codes.isEmpty()) {
            return TagSet.none();
        }
        // Accepted codes are strictly increasing ordinals, so there are at most tagCount() of them.
        Tag[] found = new Tag[Math.min(index.tagCount(), codes.length())];
        int foundCount = 0;
        int[] foundAt = problems == null ? null : new int[found.length];
        int last = -1;
        boolean lost = false; // after an unknown character, report again only once a code has matched
        int i = 0;
        int position = 0; // code points before index i
        while (i < codes.length()) {
            CodeTrie.Node node = index.trie().root();
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
                    problems.add(reporter.problem("codes[" + position + "]", "codebook.decode-incomplete",
                            position + 1, partial, Reporter.quoted(allowed)));
                    break;
                }
                if (!lost) {
                    problems.add(unknown(codes, i, j, position, steps, last, allowed));
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
                found[foundCount++] = index.tag(ordinal);
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

    /** Whether a code may follow the code of ordinal {@code last} (-1 at the start): the canonical order. */
    private boolean accepts(int last, int ordinal) {
        return ordinal > last && !(last >= 0 && index.questionOf(last) == index.questionOf(ordinal)
                && index.question(index.questionOf(ordinal)).type() == QuestionType.SINGLE);
    }

    /** The codes that may be written after {@code last} and begin with {@code partial}. */
    private List<String> expected(int last, String partial) {
        List<String> allowed = new ArrayList<>();
        for (int ordinal = last + 1; ordinal < index.tagCount(); ordinal++) {
            if (accepts(last, ordinal) && index.tag(ordinal).code().startsWith(partial)) {
                allowed.add(index.tag(ordinal).code());
            }
        }
        return allowed;
    }

    /**
     * Explains characters {@code i..j} (code points {@code position..position + steps}) that begin no code,
     * or no code allowed after {@code last}; {@code allowed} are the codes after {@code last} that begin
     * with them.
     */
    private Diagnostic unknown(String codes, int i, int j, int position, int steps, int last, List<String> allowed) {
        int badPosition = position + steps;
        int badCharacter = j < codes.length() ? codes.codePointAt(j) : 0;
        if (allowed.isEmpty()) {
            // The characters read so far begin no code allowed here: blame the first of them.
            allowed = expected(last, "");
            badPosition = position;
            badCharacter = codes.codePointAt(i);
        }
        String character = Reporter.showCharacter(badCharacter);
        String path = "codes[" + badPosition + "]";
        return allowed.isEmpty()
                ? reporter.problem(path, "codebook.decode-nothing-more", badPosition + 1, character,
                        index.tag(last).code())
                : reporter.problem(path, "codebook.decode-unknown", badPosition + 1, character,
                        Reporter.quoted(allowed));
    }

    /** Explains why a known code cannot stand where it was written. */
    private Diagnostic outOfPlace(int ordinal, int position, List<Tag> found, int[] foundAt) {
        String path = "codes[" + position + "]";
        Tag tag = index.tag(ordinal);
        Question question = index.question(index.questionOf(ordinal));
        for (int k = 0; k < found.size(); k++) {
            if (found.get(k).equals(tag)) {
                return reporter.problem(path, "codebook.decode-repeated", position + 1, tag.code(), foundAt[k] + 1);
            }
        }
        if (question.type() == QuestionType.SINGLE) {
            for (int k = 0; k < found.size(); k++) {
                if (found.get(k).questionId().equals(question.id())) {
                    return reporter.problem(path, "codebook.decode-single-twice", position + 1, tag.code(),
                            found.get(k).code(), foundAt[k] + 1, question.id());
                }
            }
        }
        Tag previous = found.get(found.size() - 1);
        return reporter.problem(path, "codebook.decode-order", position + 1, tag.code(), previous.code(),
                foundAt[found.size() - 1] + 1);
    }
}
