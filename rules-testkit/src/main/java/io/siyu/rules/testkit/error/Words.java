package io.siyu.rules.testkit.error;

import java.util.Collection;
import java.util.stream.Collectors;

/** Small pieces of English the messages share, so that each is written once. */
final class Words {
    private Words() {
    }

    /** {@code rule} or {@code rules}: {@code noun} with an {@code s} unless there is exactly one. */
    static String counted(String noun, Collection<?> things) {
        return things.size() == 1 ? noun : noun + "s";
    }

    /** {@code it} for one thing, {@code they} for several. */
    static String itOrThey(Collection<?> things) {
        return things.size() == 1 ? "it" : "they";
    }

    /** {@code it is} for one thing, {@code they are} for several. */
    static String itIsOrTheyAre(Collection<?> things) {
        return things.size() == 1 ? "it is" : "they are";
    }

    /** {@code "a", "b"}: each name in double quotes, comma separated. */
    static String quoted(Collection<String> names) {
        return names.stream().map(Words::quoted).collect(Collectors.joining(", "));
    }

    /** {@code "name"}. */
    static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
