package io.siyu.rules.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;

import java.util.Arrays;

/**
 * A {@link BasicErrorMessageFactory} that shows every argument as {@link String#valueOf(Object)} gives it.
 *
 * <p>AssertJ formats arguments with the assertion's representation, which quotes strings ({@code "acne.offer"})
 * and marks longs ({@code 5L}). The testkit's messages are sentences written for operations staff that quote
 * exactly where they mean to, so every argument is passed through AssertJ's own {@code unquotedString}.
 */
abstract class PlainErrorMessageFactory extends BasicErrorMessageFactory {

    /**
     * @param format    a {@link String#format} pattern using only {@code %s}; it is code, never data, so that a
     *                  {@code %} in a rule name or a customer's message cannot break it
     * @param arguments the values for the {@code %s}s, shown as {@link String#valueOf(Object)} gives them
     */
    PlainErrorMessageFactory(String format, Object... arguments) {
        super(format, plain(arguments));
    }

    private static Object[] plain(Object[] arguments) {
        return Arrays.stream(arguments).map(a -> unquotedString(String.valueOf(a))).toArray();
    }

    /** {@code arguments} followed by {@code last}. */
    static Object[] append(Object[] arguments, Object last) {
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
