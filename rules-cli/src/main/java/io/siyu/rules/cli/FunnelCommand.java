package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelConfig;
import io.siyu.rules.funnel.FunnelConfigException;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelException;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.funnel.Journey;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.jdbc.JdbcFunnelStore;
import io.siyu.rules.pack.PackManifest;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code siyu funnel record|advance|plan|report}: runs the funnel over a database (an H2 file in the current
 * directory unless {@code --db} names another), so that operations staff can load a CRM's events, cross a day,
 * see a day's group content and the numbers without writing Java.
 */
@Command(name = "funnel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
        "Runs the group funnel over a database: records the CRM's events, advances it a day, plans a day's "
                + "group content, reports its numbers.",
        "The database is an H2 file in the current directory (siyu-funnel.mv.db) unless --db names another, e.g. "
                + "jdbc:postgresql://db.example.com/crm; its tables (siyu_funnel_*) are created or upgraded on first use."},
        footer = {
        "",
        "Examples:",
        "  siyu funnel record --pack packs/gaozi < events.jsonl",
        "  siyu funnel advance --date 2026-11-24",
        "  siyu funnel plan --date 2026-11-26 --pack packs/gaozi",
        "  siyu funnel report --json --db jdbc:postgresql://localhost/crm --db-user crm   (password: SIYU_DB_PASSWORD)"})
final class FunnelCommand implements Callable<Integer> {
    /** Events written to the database per transaction by {@code record}. */
    static final int BATCH = 500;
    /** The default database: a file next to where siyu runs. */
    static final String DEFAULT_DB = "jdbc:h2:file:./siyu-funnel";

    @Spec
    private CommandSpec spec;

    /** The command tree of {@code siyu funnel}, writing to these streams. */
    static CommandLine create(Streams streams) {
        return new CommandLine(new FunnelCommand())
                .addSubcommand(new Record(streams))
                .addSubcommand(new Advance(streams))
                .addSubcommand(new Plan(streams))
                .addSubcommand(new Report(streams));
    }

    @Override
    public Integer call() {
        throw UsageProblem.of(spec, "funnel.missing-command");
    }

    /** The options every funnel command shares: the database, the pack, the language and the clock. */
    static final class Options {
        @Spec(Spec.Target.MIXEE)
        private CommandSpec spec;

        @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = DEFAULT_DB,
                description = "The database (JDBC URL): H2 (jdbc:h2:file:PATH), PostgreSQL "
                        + "(jdbc:postgresql://HOST/DB) or MariaDB (jdbc:mariadb://HOST/DB). Default: ${DEFAULT-VALUE}, "
                        + "a file in the current directory.")
        private String url;

        @Option(names = "--db-user", paramLabel = "USER", description = "The database user. Default: sa for H2.")
        private String user;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "The database password; better "
                + "given in the environment variable SIYU_DB_PASSWORD, which is used when this is absent.")
        private String password;

        @Option(names = "--pack", paramLabel = "PACK", description = "The rule pack whose funnel.json sets the "
                + "funnel's days, cohorts and group size (plan also uses its content rules; record checks the tags of "
                + "Surveyed events against its codebook.json): its folder, a .zip or .jar file with it, or "
                + "classpath:NAME (a bundled example pack, classpath:gaozi). Default: the Gaozi "
                + "defaults (5 seeding days, 6 conversion days, groups of 200, Asia/Shanghai).")
        private String pack;

        @Option(names = "--locale", paramLabel = "LOCALE", converter = LocaleConverter.class,
                description = "Language of messages: en or zh_CN. Default: the language of this computer.")
        private Locale locale;

        @Option(names = "--clock", paramLabel = "TIME", converter = ClockConverter.class,
                description = {"Act as if it were this time (today's date decides the default day of advance, and "
                        + "events after today are refused): the date, T, the time and the offset from UTC; the "
                        + "seconds may be left out. Default: now.",
                        // On a line of its own: wrapped, the value would be cut in two at a colon.
                        "Example: 2026-11-24T00:10:00+08:00"})
        private Clock clock;

        Locale locale() {
            return locale == null ? Locale.getDefault() : locale;
        }

        Clock clock() {
            return clock == null ? Clock.systemDefaultZone() : clock;
        }

        /** The pack, loaded (its rules compiled); required. */
        RulePack loadPack() {
            if (pack == null) {
                throw UsageProblem.of(spec, "funnel.missing-pack", spec.name());
            }
            PackSource source = source();
            try {
                return RulePack.load(source, PackOptions.builder().locale(locale()).clock(clock()).build());
            } catch (RulePackException e) {
                throw new PackLoadFailure(new PackLocation(pack), e);
            }
        }

        /**
         * The holdout of the pack's pack.json (read on its own, the rules not compiled), or none without --pack: held-out
         * customers are seated in control groups.
         *
         * @throws PackLoadFailure when pack.json has errors
         */
        Holdout holdout() {
            if (pack == null) {
                return Holdout.NONE;
            }
            PackLocation location = new PackLocation(pack);
            Optional<PackLocation.PackFile> file = location.read(source(), PackManifest.FILE);
            if (file.isEmpty()) {
                return Holdout.NONE;
            }
            try {
                return PackManifest.parse(file.get().text(), locale()).holdout();
            } catch (RulePackException e) {
                throw new PackLoadFailure(location, e);
            }
        }

        /**
         * The pack's codebook (read on its own, the rules not compiled), to check the tags of events against; null
         * without --pack or when the pack has no codebook.json.
         *
         * @throws io.siyu.rules.codebook.CodebookException when codebook.json has errors
         */
        Codebook codebook() {
            if (pack == null) {
                return null;
            }
            PackSource source = source();
            Optional<Path> directory = source.directory();
            if (directory.isPresent()) {
                // As it always was: Codebook.load names a file saved in another encoding than UTF-8.
                Path file = directory.get().resolve("codebook.json");
                return Files.exists(file) ? Codebook.load(file, locale()) : null;
            }
            return new PackLocation(pack).read(source, "codebook.json")
                    .map(f -> Codebook.parse(f.name(), f.text(), locale())).orElse(null);
        }

        /** The funnel settings: the pack's funnel.json, or the defaults. */
        FunnelConfig config() {
            if (pack == null) {
                return FunnelConfig.defaults();
            }
            return new PackLocation(pack).read(source(), "funnel.json")
                    .map(f -> FunnelConfig.parse(f.name(), f.text(), locale())).orElse(FunnelConfig.defaults());
        }

        /** The --pack as a source, checked to exist (a usage error otherwise). */
        private PackSource source() {
            return new PackLocation(pack).source(spec, "--pack");
        }

        /** A small pool over the database; the caller closes it. */
        HikariDataSource dataSource() {
            JdbcUrls.requireDriver(spec, "--db", url);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(JdbcUrls.quiet(url));
            String name = user != null ? user : url.startsWith("jdbc:h2:") ? "sa" : null;
            if (name != null) {
                config.setUsername(name);
            }
            String secret = password != null ? password : System.getenv("SIYU_DB_PASSWORD");
            if (secret != null) {
                config.setPassword(secret);
            }
            config.setMaximumPoolSize(2);
            config.setPoolName("siyu-funnel");
            // Fail at once with the database's own reason (wrong password, no server), not after a timeout.
            config.setInitializationFailTimeout(1);
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof java.sql.SQLException sql) {
                    throw JdbcFunnelStore.cannotOpen(JdbcUrls.redact(url), sql);
                }
                throw new FunnelStoreException(FunnelStoreException.Reason.UNAVAILABLE, e,
                        JdbcUrls.redact(url), Objects.requireNonNullElse(e.getMessage(), e.toString())
                        .lines().findFirst().orElse("").strip());
            }
        }
    }

    /** Runs a funnel command over the database, turning store failures into one clear line (exit 4). */
    private abstract static class OverTheDatabase implements Callable<Integer> {
        final Streams streams;

        @Mixin
        Options options;

        OverTheDatabase(Streams streams) {
            this.streams = Objects.requireNonNull(streams, "streams");
        }

        abstract int run(Funnel funnel, FunnelStore store);

        /** Checks the command's own arguments before the database is opened (or created): a usage error first. */
        void checkArguments() {
        }

        FunnelConfig config() {
            return options.config();
        }

        @Override
        public Integer call() {
            checkArguments();
            PrintWriter err = streams.err();
            final FunnelConfig config;
            try {
                config = config();
            } catch (FunnelConfigException e) {
                e.diagnostics().stream().map(d -> d.format(options.locale())).forEach(err::println);
                err.println(e.getMessage().lines().findFirst().orElse(""));
                return ExitCodes.PACK_ERRORS;
            }
            try (HikariDataSource dataSource = options.dataSource()) {
                FunnelStore store = JdbcFunnelStore.create(dataSource);
                return run(Funnel.create(config, options.clock(), store, options.holdout()), store);
            } catch (FunnelStoreException e) {
                // The database's own reason (wrong password, no server, a newer schema) is the whole message.
                err.println("siyu funnel: " + e.message(options.locale()));
                return ExitCodes.INTERNAL_ERROR;
            }
        }
    }

    /** {@code siyu funnel record}: the CRM's events, one JSON object per line. */
    @Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false, description = {
            "Records events (JSON lines, UTF-8) from standard input or --input, and writes one JSON result per line: "
                    + "{\"line\":N,\"customerId\":...,\"eventId\":...,\"outcome\":\"APPLIED\",\"stage\":\"ONE_TO_ONE\"}. "
                    + "Outcomes: APPLIED, REPLAYED (older than the customer's latest event: applied in time order), "
                    + "DUPLICATE (recorded before: nothing changes), CONFLICT (the id was recorded before with other "
                    + "content: the first stands, the line says what to fix, and the exit code is 2), IGNORED (kept, "
                    + "but it does not apply in the customer's stage).",
            "A line that is not an event gets {\"line\":N,\"error\":...} and the next lines are still recorded; "
                    + "the exit code is then 2. Recording the same file again is harmless."},
            footer = {"", "Input, one event per line:",
            "  {\"type\":\"Added\",\"eventId\":\"a-1\",\"customerId\":\"c1\",\"timestamp\":\"2026-11-23T02:00:00Z\"}",
            "  {\"type\":\"Purchased\",\"eventId\":\"order-9\",\"customerId\":\"c1\",\"timestamp\":\"2026-11-23T02:10:00Z\","
                    + "\"amountFen\":29900}"})
    static final class Record extends OverTheDatabase {
        @Option(names = {"-i", "--input"}, paramLabel = "FILE",
                description = "Read the events from this file instead of standard input.")
        private Path input;
        /** Whether an event id came again with other content (the exit code says so, as for a bad line). */
        private boolean conflicts;

        Record(Streams streams) {
            super(streams);
        }

        @Override
        int run(Funnel funnel, FunnelStore store) {
            Codebook codebook;
            try {
                codebook = options.codebook();
            } catch (CodebookException e) {
                e.diagnostics().stream().map(d -> d.format(options.locale())).forEach(streams.err()::println);
                streams.err().println(e.getMessage().lines().findFirst().orElse(""));
                return ExitCodes.PACK_ERRORS;
            }
            String source = input == null ? CustomerInput.STDIN : input.toString();
            FunnelJson json = FunnelJson.create();
            ObjectMapper out = new ObjectMapper();
            boolean failed = false;
            List<Integer> lines = new ArrayList<>();
            List<FunnelEvent> batch = new ArrayList<>();
            try (Utf8Lines reader = open()) {
                for (Utf8Lines.Line line = reader.next(); line != null; line = reader.next()) {
                    int number = line.number();
                    if (!line.isUtf8()) {
                        // Never recorded leniently: a garbled event id or customer id would be stored as if right.
                        failed = true;
                        flush(funnel, batch, lines, out);
                        streams.out().println(error(out, number, line.notUtf8().message(options.locale(), source, number)));
                        continue;
                    }
                    if (line.text().isBlank()) {
                        continue;
                    }
                    FunnelEvent event;
                    try {
                        // The line as written (not stripped), so that columns are the file's.
                        event = json.readEventLine(source, number, line.text(), codebook, options.locale());
                        funnel.requireNotAfterToday(event);
                    } catch (FunnelJson.EventLineException e) {
                        failed = true;
                        flush(funnel, batch, lines, out);
                        streams.out().println(error(out, number, e.diagnostics().stream().map(d -> d.format(options.locale()))
                                .collect(java.util.stream.Collectors.joining("\n"))));
                        continue;
                    } catch (FunnelException e) {
                        failed = true;
                        flush(funnel, batch, lines, out);
                        streams.out().println(error(out, number, e.message(options.locale())));
                        continue;
                    }
                    batch.add(event);
                    lines.add(number);
                    if (batch.size() == BATCH) {
                        flush(funnel, batch, lines, out);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the events: " + e.getMessage(), e);
            }
            flush(funnel, batch, lines, out);
            return failed || conflicts ? ExitCodes.SOME_LINES_FAILED : ExitCodes.OK;
        }

        private Utf8Lines open() throws IOException {
            if (input == null) {
                return streams.stdin();
            }
            if (!Files.isRegularFile(input)) {
                throw UsageProblem.of(options.spec, "input.missing", input);
            }
            return new Utf8Lines(Files.newInputStream(input));
        }

        private void flush(Funnel funnel, List<FunnelEvent> batch, List<Integer> lines, ObjectMapper out) {
            if (batch.isEmpty()) {
                return;
            }
            List<Funnel.Recorded> recorded = funnel.recordAll(batch);
            for (int i = 0; i < recorded.size(); i++) {
                Funnel.Recorded r = recorded.get(i);
                ObjectNode line = out.createObjectNode();
                line.put("line", lines.get(i));
                line.put("customerId", r.event().customerId());
                line.put("eventId", r.event().eventId());
                line.put("outcome", r.outcome().name());
                line.put("stage", r.journey().stage().name());
                Optional<String> problem = r.problem(options.locale());
                if (problem.isPresent()) {
                    line.put("problem", problem.get());
                    conflicts = true;
                }
                streams.out().println(line);
            }
            batch.clear();
            lines.clear();
        }

        private static String error(ObjectMapper out, int line, String message) {
            ObjectNode node = out.createObjectNode();
            node.put("line", line);
            node.put("error", message);
            return node.toString();
        }
    }

    /** {@code siyu funnel advance}: crosses the day boundaries up to a day. */
    @Command(name = "advance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Moves every journey to the stage of its day and puts the customers whose day 0 is over "
                    + "into groups: what a daily job does after midnight. Safe to run again, and from several "
                    + "machines at once (one does the work, the others wait for it).")
    static final class Advance extends OverTheDatabase {
        @Option(names = "--date", paramLabel = "DATE", description = "The day to advance to (2026-11-24), today at "
                + "the latest (a later day is refused: an advance cannot be undone). Default: today, in the funnel's "
                + "timezone.")
        private String date;

        Advance(Streams streams) {
            super(streams);
        }

        @Override
        void checkArguments() {
            if (date != null) {
                parseDate(options.spec, date);
            }
        }

        @Override
        int run(Funnel funnel, FunnelStore store) {
            LocalDate day = date == null ? funnel.today() : parseDate(options.spec, date);
            Locale locale = options.locale();
            Optional<LocalDate> before = store.advancedThrough();
            if (before.isPresent() && !day.isAfter(before.get())) {
                // Journeys never move backwards: advancing to a day already crossed is a no-op, and a user who
                // typed an old date (or ran it twice) must learn that nothing happened, not read "advanced".
                streams.out().println(CliMessages.format(locale, "funnel.advance.already", before.get(), day));
                return ExitCodes.OK;
            }
            try {
                funnel.advance(day);
            } catch (FunnelException e) {
                // A --date after today (funnel.advance-in-future): refused, nothing moved; say why and what to do.
                streams.err().println("siyu funnel: " + e.message(locale));
                return ExitCodes.USAGE;
            }
            LocalDate through = store.advancedThrough().orElse(day);
            streams.out().println(CliMessages.format(locale, "funnel.advance.done", through));
            store.crossings().stream().filter(c -> c.day().equals(day)).findFirst().ifPresent(c -> streams.out()
                    .println(CliMessages.format(locale, "funnel.advance.moved", c.moved(), c.seated())));
            return ExitCodes.OK;
        }
    }

    /** {@code siyu funnel plan}: a day's group content. */
    @Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Prints the day's plan: for every group in seeding or conversion, the content the pack's "
                    + "content rules choose (script and text), the groups with none, and how many customers are on "
                    + "their day 0 (one-to-one service). Needs --pack.")
    static final class Plan extends OverTheDatabase {
        @Option(names = "--date", paramLabel = "DATE", required = true, description = "The day to plan (2026-11-26).")
        private String date;

        private RulePack pack;

        Plan(Streams streams) {
            super(streams);
        }

        @Override
        void checkArguments() {
            parseDate(options.spec, date);
        }

        @Override
        FunnelConfig config() {
            pack = options.loadPack();
            return pack.funnelConfig();
        }

        @Override
        int run(Funnel funnel, FunnelStore store) {
            LocalDate day = parseDate(options.spec, date);
            DailyPlan plan = pack.planFor(day, funnel);
            PrintWriter out = streams.out();
            out.println("Plan for " + plan.date() + ":");
            for (DailyPlan.GroupPlan group : plan.groups()) {
                out.println(label(group.day()));
                for (PlannedContent content : group.content()) {
                    out.println("  " + content.scriptId() + (content.reason().isEmpty() ? "" : " — " + content.reason())
                            + (content.rule().isEmpty() ? "" : " [" + content.rule() + "]"));
                    content.text().lines().forEach(line -> out.println("    " + line));
                }
            }
            for (GroupDay missing : plan.missingContent()) {
                out.println(label(missing) + ": no content (no content rule matched)");
            }
            if (plan.groups().isEmpty() && plan.missingContent().isEmpty()) {
                out.println("no group in seeding or conversion");
            }
            out.println(plan.oneToOne().size() + " customers on their day 0 (one-to-one service)"
                    + (plan.oneToOne().isEmpty() ? "" : ": " + String.join(", ",
                    plan.oneToOne().stream().limit(20).map(Journey::customerId).toList())
                    + (plan.oneToOne().size() > 20 ? ", ..." : "")));
            return ExitCodes.OK;
        }

        private static String label(GroupDay day) {
            return day.groupId() + " (" + day.stage().name().toLowerCase(Locale.ROOT) + " day " + day.day() + ")";
        }
    }

    /** {@code siyu funnel report}: the numbers. */
    @Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Prints the funnel's numbers over every journey in the database: in total, by cohort and "
                    + "by group (--json: as JSON, rates included).")
    static final class Report extends OverTheDatabase {
        @Option(names = "--json", description = "Print the report as one JSON object.")
        private boolean json;

        @Option(names = "--no-groups", description = "Leave out the line of each group (table only).")
        private boolean noGroups;

        Report(Streams streams) {
            super(streams);
        }

        @Override
        int run(Funnel funnel, FunnelStore store) {
            FunnelReport report = funnel.report();
            streams.out().print(json ? FunnelJson.create().write(report) + "\n"
                    : report.toTable(options.locale(), !noGroups));
            Optional<LocalDate> through = store.advancedThrough();
            if (!json) {
                streams.out().println(through.map(d -> "advanced through " + d).orElse("never advanced"));
            }
            return ExitCodes.OK;
        }
    }

    static LocalDate parseDate(CommandSpec spec, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            // Written right, but no such day (2026-02-30, month 13).
            throw UsageProblem.of(spec, e.getCause() instanceof java.time.DateTimeException ? "date.no-such-day"
                    : "date.invalid", text);
        }
    }

    /** JDBC URLs as shown to people: without a password. */
    static final class JdbcUrls {
        private JdbcUrls() {
        }

        /**
         * Refuses, as a usage error, a URL that no bundled driver opens (a jdbc:mysql: URL, a typo in "jdbc:"), saying
         * which databases this siyu opens, instead of the driver manager's bare "No suitable driver".
         */
        static void requireDriver(CommandSpec spec, String option, String url) {
            try {
                java.sql.DriverManager.getDriver(url);
            } catch (java.sql.SQLException none) {
                throw UsageProblem.of(spec, "db.no-driver", option, redact(url));
            }
        }

        static String redact(String url) {
            return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
        }

        /**
         * The URL siyu connects with: an H2 URL gets {@code TRACE_LEVEL_FILE=0} (unless it sets it), because H2 writes
         * its errors to a trace file beside the database, and when it cannot (the database's folder cannot be made),
         * it prints its own stack trace on standard error and output before siyu can say what is wrong in one line.
         * The errors still reach siyu as exceptions; only H2's own copy of them is off.
         */
        static String quiet(String url) {
            if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
                return url;
            }
            String upper = url.toUpperCase(java.util.Locale.ROOT);
            String out = url;
            if (!upper.contains(";TRACE_LEVEL_FILE=")) {
                out += ";TRACE_LEVEL_FILE=0";
            }
            if (!upper.contains(";TRACE_LEVEL_SYSTEM_OUT=")) {
                out += ";TRACE_LEVEL_SYSTEM_OUT=0";
            }
            return out;
        }
    }
}
