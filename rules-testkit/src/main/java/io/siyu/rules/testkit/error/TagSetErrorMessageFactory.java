package io.siyu.rules.testkit.error;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.util.stream.Collectors;

/**
 * The message of a failed assertion on a {@link TagSet}: one summary sentence, then {@code Tags:} and every tag
 * as {@code question=option (code)}:
 * <pre>
 * Expected tag E but it is missing.
 * Tags: problems=acne (3), concern=acne (D), urgency=now (U1)
 * </pre>
 * Extend it for the messages of your own tag assertions, giving only the summary. Instances are immutable and
 * thread-safe.
 */
public abstract class TagSetErrorMessageFactory extends PlainErrorMessageFactory {

    /**
     * @param tags             the tags under assertion, not null; they end the message
     * @param summaryFormat    the summary sentence, with {@code %s} for each argument (and no other conversion)
     * @param summaryArguments the values for the {@code %s}s, shown as {@link String#valueOf(Object)} gives them
     */
    protected TagSetErrorMessageFactory(TagSet tags, String summaryFormat, Object... summaryArguments) {
        super(summaryFormat + "\nTags: %s", append(summaryArguments, describe(tags)));
    }

    /** {@code problems=acne (3), concern=acne (D)}, or {@code (none)}. */
    private static String describe(TagSet tags) {
        return tags.isEmpty() ? "(none)"
                : tags.tags().stream().map(TagSetErrorMessageFactory::describe).collect(Collectors.joining(", "));
    }

    private static String describe(Tag tag) {
        return tag.questionId() + "=" + tag.optionId() + " (" + tag.code() + ")";
    }

    /** Codes as the messages show them: {@code (none)} for no codes at all. */
    static String codes(String codes) {
        return codes.isEmpty() ? "(none)" : codes;
    }
}
