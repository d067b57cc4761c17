package io.siyu.rules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A minimal reader of a pack's {@code codebook.json} for these tests, standing in for the core's
 * {@code Codebook} until it exists: encode answers, decode a code string, read the codes out of a
 * remark. Tags come out in canonical order (questions, then options, in codebook order).
 */
// TODO(lead): replace with io.siyu.rules.codebook.Codebook once it is in the core.
final class TestCodebook {
    private final List<Tag> options = new ArrayList<>();

    private TestCodebook(JsonNode root) {
        for (JsonNode q : root.get("questions")) {
            for (JsonNode o : q.get("options")) {
                options.add(new Tag(q.get("id").asText(), o.get("id").asText(), o.get("code").asText()));
            }
        }
    }

    static TestCodebook load(Path pack) {
        try {
            return new TestCodebook(new ObjectMapper().readTree(pack.resolve("codebook.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every option as a tag, in canonical order. */
    List<Tag> options() {
        return List.copyOf(options);
    }

    /** Answers (question id → option id or a collection of them) as tags. */
    TagSet encode(Map<String, ?> answers) {
        List<Tag> tags = new ArrayList<>();
        for (Tag t : options) {
            Object answer = answers.get(t.questionId());
            boolean chosen = answer instanceof Collection<?> many ? many.contains(t.optionId())
                    : t.optionId().equals(answer);
            if (chosen) {
                tags.add(t);
            }
        }
        return TagSet.of(tags);
    }

    /** A code string such as {@code 34DU1}; the codes are prefix-free, so the first match is the only one. */
    TagSet decode(String codes) {
        List<Tag> found = new ArrayList<>();
        int i = 0;
        while (i < codes.length()) {
            Tag match = null;
            for (Tag t : options) {
                if (codes.startsWith(t.code(), i)) {
                    match = t;
                    break;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("no code at position " + (i + 1) + " of \"" + codes + "\"");
            }
            found.add(match);
            i += match.code().length();
        }
        List<Tag> canonical = new ArrayList<>(options);
        canonical.retainAll(found);
        return TagSet.of(canonical);
    }

    /** The codes in a remark such as {@code 王女士 34D}: its last whitespace-separated word. */
    TagSet readRemark(String remark) {
        String[] words = remark.strip().split("\\s+");
        return decode(words[words.length - 1]);
    }
}
