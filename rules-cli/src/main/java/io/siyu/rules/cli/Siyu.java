package io.siyu.rules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The {@code siyu} command line for operations staff: check a rule pack, decide and explain what to do
 * for customers, forecast the funnel, run a pack's tests, see the demo.
 *
 * <p>{@link #main} runs it as a program; {@link #run} runs it in-process (tests, embedding) and returns the
 * exit code instead of exiting. Input and output are UTF-8 whatever the platform's default encoding.
 */
@Command(name = "siyu", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
        "siyu: private-domain (私域) customer operations as rules you can edit and test.",
        "A rule pack is a folder: pack.json, codebook.json (survey answers -> remark codes), scripts.json "
                + "(the scripts staff send) and rules/*.drl. Use 'siyu COMMAND --help' for the details of a command."},
        footer = {
        "",
        "Examples:",
        "  siyu check packs/gaozi",
        "  siyu decide packs/gaozi < customers.jsonl",
        "  siyu explain --locale zh_CN --input customers.jsonl packs/gaozi"})
public final class Siyu implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private Siyu() {
    }

    /** Runs siyu as a program and exits with its exit code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs siyu in-process.
     *
     * @param args the command line, e.g. {@code check packs/gaozi}
     * @param in   standard input (customers for {@code decide} and {@code explain}), read as UTF-8
     * @param out  standard output, written as UTF-8
     * @param err  standard error, written as UTF-8
     * @return the exit code, see {@link ExitCodes}
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Backends.standard());
    }

    /** Runs siyu in-process with these implementations of simulate, test and demo. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Backends backends) {
        Objects.requireNonNull(args, "args");
        Streams streams = Streams.of(in, out, err);
        try {
            return commandLine(streams, backends).execute(args);
        } finally {
            streams.out().flush();
            streams.err().flush();
        }
    }

    /** The command tree of one run, writing to these streams. */
    static CommandLine commandLine(Streams streams, Backends backends) {
        CommandLine cl = new CommandLine(new Siyu())
                .addSubcommand(new CheckCommand(streams))
                .addSubcommand(new CompileCommand(streams))
                .addSubcommand(new DecideCommand(streams))
                .addSubcommand(ExplainCommand.create(streams))
                .addSubcommand(new SimulateCommand(streams, backends.simulator()))
                .addSubcommand(new TestCommand(streams, backends.testRunner()))
                .addSubcommand(new DemoCommand(streams, backends.demo()))
                .addSubcommand(FunnelCommand.create(streams))
                .addSubcommand(ReportCommand.create(streams))
                .addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(streams.out());
        cl.setErr(streams.err());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler(Siyu::failed);
        cl.setParameterExceptionHandler(Siyu::usageError);
        appendExitCodes(cl);
        return cl;
    }

    private static void appendExitCodes(CommandLine cl) {
        CommandSpec s = cl.getCommandSpec();
        s.usageMessage().footer(Stream.concat(Arrays.stream(s.usageMessage().footer()),
                Arrays.stream(ExitCodes.FOOTER)).toArray(String[]::new));
        cl.getSubcommands().values().stream().filter(sub -> !(sub.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(Siyu::appendExitCodes);
    }

    /**
     * Reports a usage error: the message, suggestions for a mistyped option, the synopsis, where to read more. siyu's
     * own messages ({@link UsageProblem}) and picocli's (an unknown option, a missing parameter, a value of the wrong
     * type: {@link PicocliMessages}) are given in the language of the run, {@code --locale} or this computer's.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        Locale locale = CliMessages.localeOf(Arrays.asList(args));
        err.println(message(e, args, locale));
        PicocliMessages.suggestions(e, locale).ifPresent(err::println);
        err.print(cl.getHelp().synopsisHeading() + cl.getHelp().synopsis(0));
        err.println(CliMessages.format(locale, "usage.run-help", cl.getCommandSpec().qualifiedName()));
        return ExitCodes.USAGE;
    }

    private static String message(ParameterException e, String[] args, Locale locale) {
        if (e instanceof UsageProblem p) {
            return p.message(locale);
        }
        if (e.getCause() instanceof UsageProblem.BadValue bad) {
            String option = e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                    : e.getArgSpec() != null ? e.getArgSpec().paramLabel() : "";
            return CliMessages.format(locale, "usage.invalid-value", option, bad.message(locale));
        }
        return PicocliMessages.message(e, Arrays.asList(args), locale);
    }

    /** Reports what a command threw: a pack's errors, an I/O failure, or a bug. */
    private static int failed(Exception e, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (e instanceof PackLoadFailure f) {
            PackReport.failed(f.pack(), f.diagnostics(), err, CliMessages.localeOf(parseResult.originalArgs()));
            return ExitCodes.PACK_ERRORS;
        }
        if (e instanceof UncheckedIOException io) {
            err.println("siyu " + cl.getCommandName() + ": " + io.getMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("siyu " + cl.getCommandName() + ": internal error, please report it with this trace: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL_ERROR;
    }

    /** {@code siyu} with no command is a usage error. */
    @Override
    public Integer call() {
        throw UsageProblem.of(spec, "missing-command");
    }
}
