package io.siyu.rules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * picocli's own usage errors (an unknown option, a missing parameter, a value that is not a number or not one
 * of an enum's names) in siyu's words and the run's language. picocli writes them in English only; its text is
 * kept only for a kind this class does not know (a later picocli's), so that nothing is ever lost. Stateless.
 */
final class PicocliMessages {
    private PicocliMessages() {
    }

    /**
     * The message for a usage error picocli found.
     *
     * @param e      what picocli threw
     * @param args   the command line as given (to tell an option given without its value from one left out)
     * @param locale the run's language
     * @return the message, in {@code locale}'s language when the kind is known, else picocli's own
     */
    static String message(ParameterException e, List<String> args, Locale locale) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unmatched(u, locale);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return missing(m.getMissing(), args, locale);
        }
        if (e instanceof CommandLine.OverwrittenOptionException w && w.getOverwritten() instanceof OptionSpec o) {
            return CliMessages.format(locale, "usage.option-twice", o.longestName());
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException && e.getArgSpec() != null
                && e.getValue() != null) {
            Optional<String> expected = expected(e.getArgSpec().type(), e.getValue(), locale);
            if (expected.isPresent()) {
                return CliMessages.format(locale, e.getArgSpec().isOption() ? "usage.invalid-value"
                        : "usage.invalid-parameter", e.getArgSpec() instanceof OptionSpec o ? o.longestName()
                        : e.getArgSpec().paramLabel(), expected.get());
            }
        }
        return e.getMessage();
    }

    /**
     * The line of suggestions for a mistyped option or command, in the run's language.
     *
     * @return empty when picocli has none
     */
    static Optional<String> suggestions(ParameterException e, Locale locale) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return Optional.of(CliMessages.format(locale, "usage.suggestions", String.join(", ", u.getSuggestions())));
        }
        return Optional.empty();
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, Locale locale) {
        List<String> unmatched = u.getUnmatched();
        if (u.isUnknownOption()) {
            String option = unmatched.stream().filter(a -> a.startsWith("-")).findFirst().orElse(unmatched.get(0));
            return CliMessages.format(locale, "usage.unknown-option", option);
        }
        CommandLine cl = u.getCommandLine();
        // A command whose arguments are its subcommands: the first word left over is a mistyped command.
        if (!cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters().isEmpty()) {
            return CliMessages.format(locale, "usage.unknown-command", unmatched.get(0),
                    cl.getCommandSpec().qualifiedName(),
                    cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help"))
                            .collect(Collectors.joining(", ")));
        }
        return CliMessages.format(locale, "usage.extra-arguments",
                unmatched.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" ")));
    }

    private static String missing(List<ArgSpec> missing, List<String> args, Locale locale) {
        ArgSpec first = missing.get(0);
        // An option that is on the command line but missing here was given without its value.
        if (first instanceof OptionSpec o && given(o, args)) {
            return CliMessages.format(locale, "usage.missing-value", o.longestName(), o.paramLabel());
        }
        String names = missing.stream().map(a -> quoted(name(a), locale)).collect(Collectors.joining(", "));
        return CliMessages.format(locale, missing.stream().allMatch(ArgSpec::isOption) ? "usage.missing-option"
                : "usage.missing-parameter", names, missing.size());
    }

    private static boolean given(OptionSpec o, List<String> args) {
        return args.stream().anyMatch(a -> Arrays.stream(o.names())
                .anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
    }

    private static String quoted(String name, Locale locale) {
        return CliMessages.isChinese(locale) ? "“" + name + "”" : "'" + name + "'";
    }

    /** An option as {@code --date=DATE}, a parameter as {@code PACK}. */
    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.arity().max() == 0 ? o.longestName() : o.longestName() + "=" + o.paramLabel();
        }
        return spec.paramLabel();
    }

    /** What was expected instead of {@code value}, for the types whose values siyu can describe. */
    private static Optional<String> expected(Class<?> type, String value, Locale locale) {
        if (type == int.class || type == Integer.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-whole-number", value,
                    Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (type == long.class || type == Long.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-whole-number", value,
                    Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-an-integer", value));
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-number", value));
        }
        if (type.isEnum()) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-one-of", value,
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "))));
        }
        if (type == LocalDate.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-date", value));
        }
        if (type == LocalTime.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-time-of-day", value));
        }
        if (type == LocalDateTime.class) {
            return Optional.of(CliMessages.format(locale, "usage.value.not-a-date-time", value));
        }
        return Optional.empty();
    }
}
