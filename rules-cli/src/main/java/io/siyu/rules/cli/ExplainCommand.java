package io.siyu.rules.cli;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.diagnostic.Diagnostic;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.jdbc.JdbcDecisionLog;
import io.siyu.rules.jdbc.JdbcFunnelStore;
import io.siyu.rules.pack.DecisionLog;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RuleStatistics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code siyu explain PACK}: each customer's decision as readable text; {@code --stats}: what each rule did over
 * the customers; {@code --log FILE --customer ID}: the decisions a decision log kept for one customer.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, footer = {
        "",
        "Examples:",
        "  echo '{\"id\":\"c001\",\"codes\":\"3DU3\",\"messages\":[\"多少钱\"]}' | siyu explain packs/gaozi",
        "  siyu explain --input customers.jsonl packs/gaozi",
        "  siyu explain --stats --input customers.jsonl packs/gaozi",
        "  siyu explain --log logs/decisions.jsonl --customer c001 --date 2026-11-23"},
        description = {
        "Explains the decision for each customer, in words: the action and why, the script text, the intent "
                + "score with every reason, the proposals the policy vetoed and why, and the rules that fired.",
        "Takes the same input as 'siyu decide' (JSON lines); blocks are separated by a blank line. A line that "
                + "cannot be read or decided is explained as an error and the next lines go on; the exit code "
                + "is then 2.",
        "--stats decides every customer and prints, per rule, how often it fired, won and vetoed, marking the "
                + "rules that never fired. --log reads a decision log back (no PACK needed): why a customer got "
                + "what they got, months later."})
final class ExplainCommand implements Callable<Integer> {
    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PackArguments pack;

    @Mixin
    private CustomerInput input;

    @Option(names = "--stats", description = "Print the rule statistics over the customers instead of each "
            + "explanation: fires, wins and vetoes per rule, and the rules that never fired.")
    private boolean stats;

    @Option(names = "--log", paramLabel = "FILE|JDBC_URL", description = "Read this decision log instead of deciding: "
            + "a file (the current one; its rotated files beside it are read too) or a database "
            + "(jdbc:postgresql://HOST/DB, jdbc:mariadb://HOST/DB, jdbc:h2:file:PATH: the table siyu_funnel_decision). "
            + "Needs --customer.")
    private String log;

    @Option(names = "--db-user", paramLabel = "USER", description = "With --log JDBC_URL: the database user. "
            + "Default: sa for H2. The password comes from the environment variable SIYU_DB_PASSWORD.")
    private String dbUser;

    @Option(names = "--customer", paramLabel = "ID", description = "With --log: the customer whose decisions to show.")
    private String customer;

    @Option(names = "--date", paramLabel = "DATE", description = "With --log: only the decisions of this day "
            + "(2026-11-23), in --zone.")
    private String date;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai", description = "With --log: the "
            + "timezone of --date. Default: ${DEFAULT-VALUE}.")
    private String zone;

    private ExplainCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    /**
     * The command, with PACK optional: {@code --log} reads a log without a pack. (PACK is required by the shared
     * mixin for every other command; here the positional parameter is replaced by an optional copy.)
     */
    static CommandLine create(Streams streams) {
        CommandLine cl = new CommandLine(new ExplainCommand(streams));
        CommandSpec spec = cl.getCommandSpec();
        PositionalParamSpec packParameter = spec.positionalParameters().get(0);
        spec.remove(packParameter);
        spec.addPositional(PositionalParamSpec.builder(packParameter).arity("0..1").required(false).build());
        return cl;
    }

    @Override
    public Integer call() {
        if (log != null) {
            return readLog();
        }
        if (pack.location() == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PACK'");
        }
        if (!stats) {
            return CustomerLines.run(pack, input, streams, new ExplainSink(pack.locale()));
        }
        int failed;
        RulePack loaded;
        try (Utf8Lines reader = input.open(streams)) {
            loaded = pack.load(true);
            ExplainSink errors = new ExplainSink(pack.locale());
            failed = CustomerLines.decideAll(loaded, input.source(), pack.locale(), reader, new DecisionSink() {
                @Override
                public String decided(int line, Decision decision) {
                    return ""; // counted by the pack's rule statistics
                }

                @Override
                public String failed(LineError error) {
                    return errors.failed(error);
                }
            }, streams.err(), streams.errBytes(), input.threads());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.source() + ": " + e.getMessage(), e);
        }
        RuleStatistics statistics = loaded.ruleStatistics();
        streams.out().print(statistics.toTable(pack.locale()));
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_LINES_FAILED;
    }

    /** The decisions of the customer in a database's decision log (rules-jdbc's table). */
    private List<Decision> readDatabase(Optional<LocalDate> day, ZoneId zoneId) {
        FunnelCommand.JdbcUrls.requireDriver(spec, "--log", log);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(FunnelCommand.JdbcUrls.quiet(log));
        String user = dbUser != null ? dbUser : log.startsWith("jdbc:h2:") ? "sa" : null;
        if (user != null) {
            config.setUsername(user);
        }
        String secret = System.getenv("SIYU_DB_PASSWORD");
        if (secret != null) {
            config.setPassword(secret);
        }
        config.setMaximumPoolSize(1);
        config.setInitializationFailTimeout(1);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            return JdbcDecisionLog.read(dataSource, customer, day, zoneId);
        } catch (RuntimeException e) {
            if (e instanceof FunnelStoreException) {
                throw e;
            }
            if (e.getCause() instanceof java.sql.SQLException sql) {
                throw JdbcFunnelStore.cannotOpen(FunnelCommand.JdbcUrls.redact(log), sql);
            }
            throw new FunnelStoreException(FunnelStoreException.Reason.UNAVAILABLE, e,
                    FunnelCommand.JdbcUrls.redact(log), String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("").strip());
        }
    }

    private int readLog() {
        if (customer == null) {
            throw UsageProblem.of(spec, "log.needs-customer");
        }
        boolean database = log.startsWith("jdbc:");
        Path file = database ? null : Path.of(log);
        Optional<LocalDate> day;
        ZoneId zoneId;
        try {
            day = date == null ? Optional.empty() : Optional.of(LocalDate.parse(date.strip()));
            zoneId = ZoneId.of(zone);
        } catch (DateTimeParseException e) {
            throw UsageProblem.of(spec, "date.invalid", date);
        } catch (java.time.DateTimeException e) {
            throw UsageProblem.of(spec, "zone.invalid", zone);
        }
        PrintWriter out = streams.out();
        if (file != null) {
            Optional<String> notALog = LogFiles.check(spec, file, log, pack.locale());
            if (notALog.isPresent()) {
                streams.err().println("siyu explain: " + notALog.get());
                return ExitCodes.SOME_LINES_FAILED;
            }
        }
        List<Decision> decisions;
        try {
            decisions = database ? readDatabase(day, zoneId) : DecisionLog.read(file, customer, day, zoneId);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.charset.CharacterCodingException)) {
                throw e;
            }
            // A line past the first of a file is not UTF-8: siyu writes its logs as UTF-8, so this is no log of it.
            streams.err().println("siyu explain: " + CliMessages.format(pack.locale(), "log.not-utf8", log,
                    e.getCause().getMessage()));
            return ExitCodes.SOME_LINES_FAILED;
        } catch (FunnelStoreException e) {
            streams.err().println("siyu explain: " + e.message(pack.locale()));
            return ExitCodes.INTERNAL_ERROR;
        } catch (JsonInputException e) {
            streams.err().println("siyu explain: " + e.getMessage());
            for (Diagnostic d : e.diagnostics()) {
                streams.err().println("  " + d.format(pack.locale()));
            }
            return ExitCodes.SOME_LINES_FAILED;
        }
        if (decisions.isEmpty()) {
            out.println("No decision for customer " + customer + day.map(d -> " on " + d).orElse("") + " in " + log
                    + ".");
            return ExitCodes.OK;
        }
        boolean first = true;
        for (Decision d : decisions) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(d.decidedAt().map(at -> at.atZone(zoneId).toLocalDateTime().toString()).orElse("(no time)")
                    + " " + zoneId + " — decision " + d.id() + ", arm " + d.arm());
            out.print(d.explain());
        }
        return ExitCodes.OK;
    }
}
