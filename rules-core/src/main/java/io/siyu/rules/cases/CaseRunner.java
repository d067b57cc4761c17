package io.siyu.rules.cases;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.files.PackFiles;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.script.ScriptLibrary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs case tables against a rule pack: each row becomes a customer, the pack decides for them, and the
 * decision is compared with the row's expected action, script and intent. This is what {@code siyu test PACK}
 * runs, and what the testkit's {@code RuleCases} turns into JUnit tests.
 * <pre>{@code
 * CaseRunner runner = CaseRunner.of(pack);
 * for (CaseResult r : runner.run(runner.packTables())) {   // every tests/*.csv of the pack
 *     System.out.println(r.format());                      // "PASS cases.csv:3 痘痘急需问价" or "FAIL ..." + why
 * }
 * }</pre>
 *
 * <p>Every row is decided at a fixed moment — its {@code clock} column, or {@link #at(OffsetDateTime) the
 * runner's time} ({@link #DEFAULT_TIME} unless changed) — by the pack {@linkplain RulePack#withClock(Clock)
 * with that clock}: the pack's own clock is never used, so a table gives the same result at any time of day,
 * and nothing is read or compiled again. A row whose customer cannot be made (a blank name, codes the codebook
 * cannot read, signals made in code that cannot be read) fails with what is wrong rather than throwing; a
 * decision that cannot be made is a {@code FAILED} decision, which a row may expect. Messages are in the
 * pack's locale unless {@link #inLocale(Locale) another} is given.
 *
 * <p>Immutable and thread-safe, provided the {@linkplain #observing observer} is: rows may be run from
 * several threads at once.
 */
public final class CaseRunner {
    /** The moment rows without a {@code clock} are decided at: 10:00 in Shanghai, Monday 23 November 2026. */
    public static final OffsetDateTime DEFAULT_TIME = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

    /** The directory of a pack that holds its case tables. */
    private static final String TESTS = "tests";
    private static final Consumer<Decision> NOBODY = decision -> { };

    private final RulePack pack;
    private final OffsetDateTime time;
    private final Locale locale;
    private final Consumer<? super Decision> observer;

    private CaseRunner(RulePack pack, OffsetDateTime time, Locale locale, Consumer<? super Decision> observer) {
        this.pack = pack;
        this.time = time;
        this.locale = locale;
        this.observer = observer;
    }

    /**
     * A runner for this pack: rows without a clock at {@link #DEFAULT_TIME}, messages in the pack's locale
     * ({@code pack.options().locale()}), decisions observed by nobody.
     *
     * @param pack the pack; not null
     * @return the runner
     * @throws NullPointerException when {@code pack} is null
     */
    public static CaseRunner of(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        return new CaseRunner(pack, DEFAULT_TIME, pack.options().locale(), NOBODY);
    }

    /**
     * The same runner, deciding rows that have no {@code clock} at {@code time} instead.
     *
     * @param time the moment, with the offset the pack's clock should report; not null
     * @return a new runner
     * @throws NullPointerException when {@code time} is null
     */
    public CaseRunner at(OffsetDateTime time) {
        return new CaseRunner(pack, Objects.requireNonNull(time, "time"), locale, observer);
    }

    /**
     * The same runner, with problems and failures worded in {@code locale}: English, or Simplified Chinese
     * for {@code zh_CN}. The decision's explanation is the decision's own.
     *
     * @param locale the language; not null
     * @return a new runner
     * @throws NullPointerException when {@code locale} is null
     */
    public CaseRunner inLocale(Locale locale) {
        return new CaseRunner(pack, time, Objects.requireNonNull(locale, "locale"), observer);
    }

    /**
     * The same runner, handing every decision it makes to {@code observer} (replacing any observer given
     * before), e.g. to record rule coverage. The observer sees each decided row once, passed or failed, on
     * the thread that runs the row, before the row's result is made; rows that could not be decided are not
     * seen. What the observer throws propagates out of {@link #run(CaseRow)}.
     *
     * @param observer what to call with each decision; not null
     * @return a new runner
     * @throws NullPointerException when {@code observer} is null
     */
    public CaseRunner observing(Consumer<? super Decision> observer) {
        return new CaseRunner(pack, time, locale, Objects.requireNonNull(observer, "observer"));
    }

    /**
     * Reads case tables in the runner's locale, reporting the problems of all of them at once.
     *
     * @param csvFiles the files, in the order to run them; not null
     * @return the tables, in the order given; unmodifiable
     * @throws CaseTableException listing every problem of every file (summary:
     *                            {@code 2 problems in the case tables of pack gaozi})
     * @throws NullPointerException when {@code csvFiles} or one of them is null
     */
    public List<CaseTable> load(List<Path> csvFiles) {
        Objects.requireNonNull(csvFiles, "csvFiles");
        List<CaseTable> tables = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path csv : csvFiles) {
            try {
                tables.add(CaseTable.load(csv, locale));
            } catch (CaseTableException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) {
            throw new CaseTableException(messages().format("tables.failed", problems.size(), pack.id()), problems);
        }
        return List.copyOf(tables);
    }

    /**
     * The pack's own case tables: every {@code tests/*.csv} of {@linkplain RulePack#source() the pack's
     * source} (directory, class path folder, zip or memory), in name order; none when the pack has no
     * {@code tests} folder. Tables of a directory pack are {@linkplain CaseTable#load(Path, Locale) loaded from
     * their files} (so that {@link CaseTable#path()} is there); the others are read through the source as
     * strictly as every file of a pack.
     *
     * @return the tables; empty when there are none; unmodifiable
     * @throws CaseTableException listing every problem of every file, or saying that the pack's files cannot
     *                            be listed
     */
    public List<CaseTable> packTables() {
        List<Diagnostic> problems = new ArrayList<>();
        List<CaseTable> tables = readTables(pack.source(), locale, problems);
        if (!problems.isEmpty()) {
            throw new CaseTableException(messages().format("tables.failed", problems.size(), pack.id()), problems);
        }
        return tables;
    }

    /**
     * Cross-checks tables against the pack, as {@code siyu check} does: every code of a row's {@code codes}
     * against the pack's codebook (each problem at the line and column of the character at fault, with the
     * codebook's explanation), and every {@code script} against the pack's {@code scripts.json}. A row that
     * names what the pack does not have would only fail when run, for a reason far from the typo.
     *
     * @param tables tables read by this runner ({@link #load}, {@link #packTables}) or by {@link CaseTable};
     *               not null
     * @return the problems, in reading order, worded in the runner's locale (the codebook's own explanation
     *         in the codebook's); empty when every code and script id is known; unmodifiable
     * @throws NullPointerException when {@code tables} or one of them is null
     */
    public List<Diagnostic> check(List<CaseTable> tables) {
        Objects.requireNonNull(tables, "tables");
        return check(tables, pack.hasCodebook() ? Optional.of(pack.codebook()) : Optional.empty(), true,
                Optional.of(pack.scripts()), messages());
    }

    /**
     * Reads the test tables of a pack ({@code tests/*.csv} of its source) and cross-checks them against a codebook
     * and a script library, without a compiled pack: what {@code siyu check} reports about the tables of a pack
     * whose rules do not compile, so that a code deleted from the codebook is named in the tables too.
     *
     * @param packSource    where the pack is; not null. Without a {@code tests} folder there is nothing to
     *                      check
     * @param codebook      the pack's codebook, or empty to leave the codes unchecked (a pack whose
     *                      {@code codebook.json} has errors of its own); not null
     * @param scripts       the pack's script library, or empty to leave the script ids unchecked; not null
     * @param locale        the language of the problems; not null
     * @return every problem reading the tables (encoding, quoting, header, fields) and every unknown code and
     *         script id, in reading order; empty when there is none; unmodifiable
     * @throws NullPointerException when an argument is null
     */
    public static List<Diagnostic> checkTables(PackSource packSource, Optional<Codebook> codebook,
                                               Optional<ScriptLibrary> scripts, Locale locale) {
        Objects.requireNonNull(packSource, "packSource");
        Objects.requireNonNull(codebook, "codebook");
        Objects.requireNonNull(scripts, "scripts");
        Messages messages = Messages.of(CaseTable.BUNDLE, Objects.requireNonNull(locale, "locale"));
        List<Diagnostic> problems = new ArrayList<>();
        List<CaseTable> tables = readTables(packSource, locale, problems);
        problems.addAll(check(tables, codebook, false, scripts, messages));
        problems.sort(Diagnostic.READING_ORDER);
        return List.copyOf(problems);
    }

    /**
     * The {@code tests/*.csv} tables of a pack source, in name order: a directory's from their files (so that
     * {@link CaseTable#path()} is there), the others read through the source as strictly as every file of a pack.
     * Problems (listing, reading, parsing) are added to {@code problems}; the tables that could be read are returned.
     */
    private static List<CaseTable> readTables(PackSource source, Locale locale, List<Diagnostic> problems) {
        List<String> names;
        try {
            names = source.list().stream()
                    .filter(n -> n.startsWith(TESTS + "/") && n.endsWith(".csv") && n.indexOf('/', TESTS.length() + 1) < 0)
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(PackFiles.unreadable(TESTS, PackFiles.Kind.CASES, e, locale));
            return List.of();
        }
        Optional<Path> directory = source.directory();
        List<CaseTable> tables = new ArrayList<>();
        for (String name : names) {
            String fileName = name.substring(TESTS.length() + 1);
            try {
                if (directory.isPresent()) {
                    tables.add(CaseTable.load(directory.get().resolve(name), locale));
                    continue;
                }
                Optional<String> text;
                try (InputStream in = source.open(name)) {
                    text = PackFiles.read(in, fileName, PackFiles.Kind.CASES, locale, problems);
                } catch (IOException e) {
                    problems.add(PackFiles.unreadable(fileName, PackFiles.Kind.CASES, e, locale));
                    continue;
                }
                text.ifPresent(t -> tables.add(CaseTable.parse(fileName, t, locale)));
            } catch (CaseTableException e) {
                problems.addAll(e.diagnostics());
            }
        }
        return List.copyOf(tables);
    }

    /**
     * @param codebookRequired whether codes without a codebook are a problem (a loaded pack that has none), or
     *                         are left unchecked (a codebook that could not be read)
     */
    private static List<Diagnostic> check(List<CaseTable> tables, Optional<Codebook> codebook,
                                          boolean codebookRequired, Optional<ScriptLibrary> scripts,
                                          Messages messages) {
        List<Diagnostic> problems = new ArrayList<>();
        for (CaseTable table : tables) {
            for (int i = 0; i < table.rows().size(); i++) {
                CaseRow row = table.rows().get(i);
                TableReader.Columns at = table.columns(i);
                if (codebook.isPresent() || codebookRequired) {
                    checkCodes(row, at.codes(), codebook, messages, problems);
                }
                row.script().filter(id -> scripts.map(s -> !s.contains(id)).orElse(false)).ifPresent(id ->
                        problems.add(Diagnostic.error(row.file(), row.line(), at.script(), "cases.unknown-script",
                                messages.format("column", "script", messages.format("script.unknown", id)))));
            }
        }
        problems.sort(Diagnostic.READING_ORDER);
        return List.copyOf(problems);
    }

    private static void checkCodes(CaseRow row, int column, Optional<Codebook> codebook, Messages messages,
                                   List<Diagnostic> problems) {
        if (row.codes().isEmpty()) {
            return;
        }
        if (codebook.isEmpty()) {
            problems.add(Diagnostic.error(row.file(), row.line(), column, "cases.no-codebook",
                    messages.format("column", "codes", messages.format("codes.no-codebook", row.codes()))));
            return;
        }
        try {
            codebook.get().decode(row.codes());
        } catch (CodebookException e) {
            for (Diagnostic d : e.diagnostics()) {
                problems.add(Diagnostic.error(row.file(), row.line(), column + position(d.path()), d.key(),
                        messages.format("column", "codes", d.message())));
            }
        }
    }

    /** The 0-based position a decoding problem names ({@code codes[2]}), or 0. */
    private static int position(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^codes\\[(\\d+)]").matcher(path);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Runs every row of these tables, in order.
     *
     * @param tables the tables; not null
     * @return one result per row, in table order then row order; unmodifiable
     * @throws NullPointerException when {@code tables} or one of them is null
     * @throws RuntimeException     whatever the {@linkplain #observing observer} throws; no later row runs
     */
    public List<CaseResult> run(List<CaseTable> tables) {
        return tables.stream().flatMap(t -> t.rows().stream()).map(this::run).toList();
    }

    /**
     * Runs one row: makes its customer (codes through the pack's codebook, messages, signals, attributes),
     * lets the pack decide at the row's moment, hands the decision to the observer, and compares it with the
     * row. The row passes when the action is the expected one and, where the row gives them, so are the
     * script and the intent level.
     *
     * @param row the row; not null
     * @return the result: passed, or failed with every unmet expectation and the decision's explanation (or
     *         with what in the row cannot be used)
     * @throws NullPointerException when {@code row} is null
     * @throws RuntimeException     whatever the {@linkplain #observing observer} throws
     */
    public CaseResult run(CaseRow row) {
        Objects.requireNonNull(row, "row");
        Messages messages = messages();
        if (row.name().isBlank()) {
            // Only a row made in code gets here (a table reports it when read); the name is the customer id,
            // which Customer.builder would refuse with an exception.
            return failed(row, messages.format("row.failed", row.displayName(),
                    messages.format("column", "case", messages.format("case.no-name"))));
        }
        Customer.Builder customer = Customer.builder(row.name());
        if (!row.codes().isEmpty()) {
            if (!pack.hasCodebook()) {
                return failed(row, messages.format("row.failed", row.displayName(), messages.format("column",
                        "codes", messages.format("codes.no-codebook", row.codes()))));
            }
            try {
                customer.tags(pack.codebook().decode(row.codes()));
            } catch (CodebookException e) {
                return failed(row, messages.format("row.failed", row.displayName(), messages.format("column",
                        "codes", messages.format("codes.unreadable", row.codes(), e.getMessage()))));
            }
        }
        try {
            customer.signals(SignalSpec.apply(row.signals(), Signals.NONE, messages));
        } catch (IllegalArgumentException e) {
            // Only a row made in code gets here: a table's rows were checked when it was read.
            return failed(row, messages.format("row.failed", row.displayName(),
                    messages.format("column", "signals", e.getMessage())));
        }
        row.messages().forEach(customer::message);
        row.attributes().forEach(customer::attribute);
        OffsetDateTime at = row.clock().orElse(time);
        // decideAll turns a decision that cannot be made (a looping rule, a script that cannot be rendered)
        // into a FAILED decision, which a row may expect, instead of an exception.
        Decision decision = pack.withClock(Clock.fixed(at.toInstant(), at.getOffset()))
                .decideAll(List.of(customer.build())).get(0);
        observer.accept(decision);
        List<String> unmet = unmet(row, decision, messages);
        if (unmet.isEmpty()) {
            return new CaseResult(row.file(), row.line(), row.name(), true, "");
        }
        return failed(row, messages.format("row.heading", row.displayName()) + "\n" + String.join("\n", unmet)
                + "\n\n" + messages.format("why") + "\n" + decision.explain());
    }

    /** Every expectation of the row that the decision does not meet, one sentence each; the only such check. */
    private static List<String> unmet(CaseRow row, Decision d, Messages messages) {
        List<String> unmet = new ArrayList<>();
        String action = d.action();
        Optional<String> script = d.scriptId();
        if (d.isHeldOut() && !row.action().equals(Decision.HOLDOUT)) {
            // A customer of the pack's holdout: the row tests the rules, so it is checked against what they chose
            // (the counterfactual), not against the experiment's HOLDOUT.
            action = d.counterfactual().map(c -> c.winner().getAction()).orElse(Decision.NONE);
            script = d.counterfactual().flatMap(Decision.Counterfactual::scriptId);
        }
        if (!action.equals(row.action())) {
            unmet.add(messages.format("mismatch.action", row.action(), action));
        }
        Optional<String> actualScript = script;
        row.script().filter(s -> !actualScript.equals(Optional.of(s))).ifPresent(s -> unmet.add(actualScript
                .map(actual -> messages.format("mismatch.script", s, actual))
                .orElseGet(() -> messages.format("mismatch.no-script", s))));
        row.intent().filter(i -> d.intent() != i).ifPresent(i ->
                unmet.add(messages.format("mismatch.intent", i, d.intent(), String.valueOf(d.score()))));
        return unmet;
    }

    private static CaseResult failed(CaseRow row, String message) {
        return new CaseResult(row.file(), row.line(), row.name(), false, message);
    }

    private Messages messages() {
        return Messages.of(CaseTable.BUNDLE, locale);
    }

    /**
     * The pack the rows are decided by (at each row's moment).
     *
     * @return the pack given to {@link #of}
     */
    public RulePack pack() {
        return pack;
    }

    /**
     * The moment rows without a {@code clock} are decided at.
     *
     * @return {@link #DEFAULT_TIME}, or the time given to {@link #at}
     */
    public OffsetDateTime time() {
        return time;
    }

    /**
     * The language of problems and failures.
     *
     * @return the pack's locale, or the locale given to {@link #inLocale}
     */
    public Locale locale() {
        return locale;
    }

    /**
     * A short form for logs.
     *
     * @return e.g. {@code CaseRunner[gaozi 1.0 at 2026-11-23T10:00+08:00, zh_CN]}
     */
    @Override
    public String toString() {
        return "CaseRunner[" + pack.id() + " " + pack.version() + " at " + time + ", " + locale + "]";
    }
}
