package io.siyu.rules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * A usage error of siyu's own, kept as a message key and its arguments: {@link Siyu}'s usage-error handler prints it
 * in the language of the run ({@code --locale}, or this computer's), wherever it was thrown (a converter runs before
 * {@code --locale} is known). Its {@link #getMessage()} is the English text.
 */
final class UsageProblem extends ParameterException {
    private static final long serialVersionUID = 1L;
    private final transient Object[] args;
    private final String key;

    private UsageProblem(CommandLine cl, String key, Object... args) {
        super(cl, CliMessages.format(key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** The usage error {@code key} of the command {@code spec}. */
    static UsageProblem of(CommandSpec spec, String key, Object... args) {
        return new UsageProblem(spec.commandLine(), key, args);
    }

    /** The message in {@code locale}. */
    String message(Locale locale) {
        return CliMessages.format(locale, key, args);
    }

    /** A value an option's converter refused, kept as a message key; picocli keeps it as the cause. */
    static final class BadValue extends TypeConversionException {
        private static final long serialVersionUID = 1L;
        private final transient Object[] args;
        private final String key;

        BadValue(String key, Object... args) {
            super(CliMessages.format(key, args));
            this.key = key;
            this.args = args.clone();
        }

        /** The message in {@code locale}. */
        String message(Locale locale) {
            return CliMessages.format(locale, key, args);
        }
    }
}
