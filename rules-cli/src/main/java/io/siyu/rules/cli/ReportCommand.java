package io.siyu.rules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelForecast;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.FunnelReport;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.FunnelStoreException;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.jdbc.JdbcFunnelStore;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.report.ConversionReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code siyu report} over the funnel's database: the funnel split by holdout arm with the uplift's verdict,
 * {@code variants} (conversion per script and A/B variant), and {@code --html FILE} (one self-contained page of
 * charts).
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, description = {
        "Reports what the pack achieves, over the funnel's database: the funnel of each arm (treatment, and the "
                + "holdout control group of pack.json) and whether the treatment beats the holdout (95%% interval, "
                + "two-proportion z-test), in English and Chinese.",
        "'siyu report variants' shows, per script and A/B variant, the sends, the customers and buyers (purchases "
                + "attributed to the last send within the pack's attribution window) and the conversion with its "
                + "95%% interval. --html FILE writes one self-contained page of charts instead."},
        footer = {"", "Examples:",
        "  siyu report --pack packs/gaozi",
        "  siyu report variants --pack packs/gaozi --json",
        "  siyu report --html report.html --pack packs/gaozi --db jdbc:postgresql://localhost/crm --db-user crm"})
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;
    private final Streams streams;

    @Mixin
    private FunnelCommand.Options options;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML page of charts "
            + "(the funnel, conversion by day per cohort, the forecast beside the actual, the arms and variants "
            + "with their intervals) to FILE; it needs no network to be viewed.")
    private Path html;

    private ReportCommand(Streams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    static CommandLine create(Streams streams) {
        return new CommandLine(new ReportCommand(streams)).addSubcommand(new Variants(streams));
    }

    /** Opens the database and runs {@code work} over the pack's funnel; store failures are one line (exit 4). */
    static int overTheDatabase(FunnelCommand.Options options, Streams streams, Work work) {
        RulePack pack = options.loadPack();
        try (HikariDataSource dataSource = options.dataSource()) {
            FunnelStore store = JdbcFunnelStore.create(dataSource);
            return work.run(pack, pack.funnel(store), store);
        } catch (FunnelStoreException e) {
            streams.err().println("siyu report: " + e.message(options.locale()));
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    @FunctionalInterface
    interface Work {
        int run(RulePack pack, Funnel funnel, FunnelStore store);
    }

    @Override
    public Integer call() {
        return overTheDatabase(options, streams, (pack, funnel, store) -> html != null ? writeHtml(pack, funnel, store)
                : arms(pack, funnel, store));
    }

    private int arms(RulePack pack, Funnel funnel, FunnelStore store) {
        Locale locale = options.locale();
        ConversionReport conversion = ConversionReport.of(pack, store);
        FunnelReport treatment = funnel.report(Holdout.Arm.TREATMENT);
        FunnelReport holdout = funnel.report(Holdout.Arm.HOLDOUT);
        PrintWriter out = streams.out();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            FunnelJson funnelJson = FunnelJson.create();
            try {
                ObjectNode node = mapper.createObjectNode();
                node.put("holdoutPercent", pack.manifest().holdout().percent());
                node.set("treatment", mapper.readTree(funnelJson.write(treatment)));
                node.set("holdout", mapper.readTree(funnelJson.write(holdout)));
                node.set("conversion", mapper.readTree(conversion.toJson()));
                out.println(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ExitCodes.OK;
        }
        boolean zh = "zh".equals(locale.getLanguage());
        out.println(zh ? "实验组（按漏斗）：" : "Treatment arm, by funnel stage:");
        out.print(treatment.toTable(locale, false));
        if (pack.manifest().holdout().isActive()) {
            out.println();
            out.println(zh ? "对照组（" + pack.manifest().holdout().percent() + "%，不发送任何内容）："
                    : "Holdout arm (" + pack.manifest().holdout().percent() + "%, sent nothing):");
            out.print(holdout.toTable(locale, false));
        } else {
            out.println(zh ? "pack.json 没有设置对照组（holdout）。" : "pack.json sets no holdout control group.");
        }
        out.println();
        out.println(conversion.uplift().verdict(locale));
        return ExitCodes.OK;
    }

    private int writeHtml(RulePack pack, Funnel funnel, FunnelStore store) {
        HtmlReport.ByDay byDay = new HtmlReport.ByDay(pack.funnelConfig());
        store.forEachJourney(byDay);
        FunnelReport forecast = pack.forecast(FunnelForecast.Assumptions.gaozi().withIntakeDays(30), 1);
        String page = HtmlReport.render("siyu report: " + pack.id() + " " + pack.version() + " (" + funnel.today() + ")",
                funnel.report(), byDay, forecast, ConversionReport.of(pack, store));
        try {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (java.nio.file.AccessDeniedException e) {
            throw UsageProblem.of(spec, "report.html-no-permission", html);
        } catch (IOException e) {
            // A part of the path is a file, a folder cannot be made there, the disk is full or read-only.
            throw UsageProblem.of(spec, "report.html-cannot-write", html);
        }
        streams.out().println("wrote " + html);
        return ExitCodes.OK;
    }

    /** {@code siyu report variants}. */
    @Command(name = "variants", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Conversion per script and A/B variant: sends, customers sent it, buyers (a purchase "
                    + "attributed to the last send within the attribution window of pack.json), the rate with its "
                    + "95%% Wilson interval, and for scripts with variants whether the best beats the next (Newcombe "
                    + "interval, z-test) or how many more customers it needs. Also the arms and their uplift.")
    static final class Variants implements Callable<Integer> {
        private final Streams streams;

        @Mixin
        private FunnelCommand.Options options;

        @Option(names = "--json", description = "Print the report as one JSON object.")
        private boolean json;

        Variants(Streams streams) {
            this.streams = Objects.requireNonNull(streams, "streams");
        }

        @Override
        public Integer call() {
            return overTheDatabase(options, streams, (pack, funnel, store) -> {
                ConversionReport report = ConversionReport.of(pack, store);
                if (json) {
                    streams.out().println(report.toJson());
                } else {
                    streams.out().print(report.toTable(options.locale()));
                }
                return ExitCodes.OK;
            });
        }
    }
}
