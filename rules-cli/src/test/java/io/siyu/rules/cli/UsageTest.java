package io.siyu.rules.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version, usage errors, and the commands whose features are not wired in yet. */
class UsageTest {
    @ParameterizedTest
    @ValueSource(strings = {"check", "decide", "explain", "simulate", "test", "demo"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        Cli.Result r = Cli.run("", command, "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Usage: siyu " + command)
                .contains("Exit codes:", "  1  the rule pack has errors", "  3  some of the pack's test cases failed");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "decide", "explain", "simulate", "test"})
    void packCommandsDocumentTheChineseLocaleAndTheClock(String command) {
        assertThat(Cli.run("", command, "--help").out()).contains("--locale=LOCALE", "zh_CN", "简体中文",
                "--clock=TIME");
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        Cli.Result r = Cli.run("", "--help");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("  check ", "  decide ", "  explain ", "  simulate ", "  test ", "  demo ");
        assertThat(Cli.run("", "help", "decide").out()).startsWith("Usage: siyu decide");
    }

    @Test
    void versionNamesTheProjectVersion() {
        Cli.Result r = Cli.run("", "--version");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).matches("(?s)siyu \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(siyu-rules\\)\nJava .*");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        Cli.Result r = Cli.run("", "check", "--local", "en", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Unknown option").contains("'--local'", "Possible solutions: --locale")
                .contains("Usage: siyu check [-hV] [--clock=TIME] [--locale=LOCALE] PACK")
                .contains("Run 'siyu check --help'");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("", "chek", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("chek").contains("check");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run("");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing command");
    }

    @Test
    void aMissingPackArgumentIsAUsageError() {
        Cli.Result r = Cli.run("", "decide");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing required parameter: 'PACK'");
    }

    @Test
    void badLocaleAndClockValuesAreUsageErrors() {
        Cli.Result locale = Cli.run("", "check", "--locale", "fr", Cli.SKINCARE.toString());
        Cli.Result clock = Cli.run("", "decide", "--clock", "tomorrow", Cli.SKINCARE.toString());

        assertThat(locale.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(locale.err()).contains("unsupported locale 'fr': use en or zh_CN");
        assertThat(clock.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(clock.err()).contains("'tomorrow' is not a time like 2026-11-23T10:00:00+08:00");
    }

    @Test
    void simulateHandsItsOptionsToTheSimulator() {
        List<Backends.SimulateRequest> seen = new ArrayList<>();
        Backends backends = new Backends((request, streams) -> {
            seen.add(request);
            streams.out().println("forecast");
            return ExitCodes.OK;
        }, (request, streams) -> ExitCodes.OK, streams -> ExitCodes.OK);

        Cli.Result given = Cli.run(backends, "", "simulate", Cli.SKINCARE.toString(), "--days", "11", "--daily", "150",
                "--seed", "7", "--json", "--locale", "zh_CN");
        Cli.Result defaults = Cli.run(backends, "", "simulate", Cli.SKINCARE.toString());

        assertThat(given.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(given.out()).isEqualTo("forecast\n");
        assertThat(seen).hasSize(2);
        Backends.SimulateRequest first = seen.get(0);
        assertThat(List.of(first.days(), first.daily(), first.seed(), first.json())).containsExactly(11, 150, 7L, true);
        assertThat(first.pack().location().given()).isEqualTo(Cli.SKINCARE.toString());
        assertThat(first.pack().locale().toString()).isEqualTo("zh_CN");
        Backends.SimulateRequest second = seen.get(1);
        assertThat(List.of(second.days(), second.daily(), second.seed(), second.json()))
                .containsExactly(30, 150, 1L, false);
        assertThat(defaults.exitCode()).isEqualTo(ExitCodes.OK);
    }

    /** Every command's path in the tree, e.g. {@code []}, {@code [funnel, record]}. */
    static Stream<List<String>> everyCommand() {
        List<List<String>> out = new ArrayList<>();
        walk(Siyu.commandLine(Streams.of(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream()), Backends.standard()), List.of(), out);
        return out.stream();
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, out);
            }
        });
    }

    /**
     * No description has a bare % (picocli formats descriptions: "95% interval" warns and prints the raw text).
     * A real process: picocli's warnings go to the System.err of its first use, not to siyu's streams.
     */
    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpOfEveryCommandHasNoPicocliWarning(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");

        Cli.Result r = Cli.spawn("", args.toArray(String[]::new));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Usage: siyu").doesNotContain("[picocli WARN]");
        assertThat(r.err()).doesNotContain("[picocli WARN]").isEmpty();
    }

    @Test
    void everyCommandIsWalked() {
        assertThat(everyCommand()).contains(List.of(), List.of("report"), List.of("report", "variants"),
                List.of("funnel", "record"));
    }

    @Test
    void aClockWithoutItsOffsetSaysSoWithAnExample() {
        Cli.Result r = Cli.run("", "decide", "--clock", "2026-11-23T10:00", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'2026-11-23T10:00' has no offset from UTC", "2026-11-23T10:00:00+08:00")
                .doesNotContain("could not be parsed");
        Cli.Result zh = Cli.run("", "decide", "--locale", "zh_CN", "--clock", "2026-11-23T10:00",
                Cli.SKINCARE.toString());
        assertThat(zh.err()).contains("没有写时区偏移", "2026-11-23T10:00:00+08:00");
    }

    @Test
    void aClockWrittenRightOnADayOrTimeThatDoesNotExistSaysSo() {
        for (String impossible : List.of("2026-02-30T10:00+08:00", "2026-11-23T24:30+08:00", "2026-13-01T10:00Z")) {
            Cli.Result r = Cli.run("", "decide", "--clock", impossible, Cli.SKINCARE.toString());
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(impossible).contains("'" + impossible + "' is written right, but there is no such date")
                    .doesNotContain("is not a time like", "could not be parsed");
        }
        Cli.Result zh = Cli.run("", "decide", "--locale", "zh_CN", "--clock", "2026-02-30T10:00+08:00",
                Cli.SKINCARE.toString());
        assertThat(zh.err()).contains("的写法没错，但没有这个日期或时刻");
    }

    @Test
    void aDateWrittenRightThatDoesNotExistSaysSo() {
        Cli.Result r = Cli.run("", "funnel", "advance", "--date", "2026-02-30", "--locale", "en");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--date '2026-02-30' is written right, but there is no such day")
                .doesNotContain("is not a date like");
        assertThat(Cli.run("", "funnel", "advance", "--date", "2026-13-01", "--locale", "zh_CN").err())
                .contains("的写法没错，但没有这一天");
    }

    @Test
    void siyusOwnUsageErrorsSpeakChineseUnderZhCnWhereverLocaleIsGiven() {
        Cli.Result pack = Cli.run("", "decide", "--locale", "zh_CN", "/no/such/pack");
        Cli.Result after = Cli.run("", "decide", "--clock", "tomorrow", "--locale=zh_CN", Cli.SKINCARE.toString());
        Cli.Result english = Cli.run("", "decide", "--locale", "en", "/no/such/pack");

        assertThat(pack.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pack.err()).startsWith("/no/such/pack：没有这个文件或目录。").contains("运行“siyu decide --help”查看选项和示例。");
        assertThat(after.err()).startsWith("选项“--clock”的值无效：“tomorrow”不是形如 2026-11-23T10:00:00+08:00 的时间");
        assertThat(english.err()).startsWith("/no/such/pack: no such file or directory.")
                .contains("Run 'siyu decide --help' for the options and examples.");
    }

    @Test
    void aClockWithoutSecondsIsAccepted() {
        Cli.Result r = Cli.run("{\"id\":\"c1\",\"codes\":\"3DU3\"}\n", "decide", "--clock", "2026-11-23T10:00+08:00",
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"decidedAt\":\"2026-11-23T02:00:00Z\"");
    }

    @Test
    void theClockExamplesOfTheHelpAreNotCutInTwo() {
        for (List<String> command : everyCommand().toList()) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            String help = Cli.run("", args.toArray(String[]::new)).out();
            assertThat(help).as("siyu %s --help", String.join(" ", command))
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:?\\s*\\n")
                    .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T?\\s*\\n\\s+\\d{2}:\\d{2}");
        }
    }

    @Test
    void simulateHasUpperBoundsThatSayWhy() {
        List<Backends.SimulateRequest> seen = new ArrayList<>();
        Backends backends = new Backends((request, streams) -> {
            seen.add(request);
            return ExitCodes.OK;
        }, (request, streams) -> ExitCodes.OK, streams -> ExitCodes.OK);
        String pack = Cli.SKINCARE.toString();

        Cli.Result days = Cli.run(backends, "", "simulate", pack, "--days", "100000", "--daily", "10");
        Cli.Result daily = Cli.run(backends, "", "simulate", pack, "--days", "10", "--daily", "2000000");
        Cli.Result both = Cli.run(backends, "", "simulate", pack, "--days", "3650", "--daily", "100000");
        Cli.Result zh = Cli.run(backends, "", "simulate", pack, "--days", "100000", "--daily", "100000",
                "--locale", "zh_CN");
        Cli.Result edge = Cli.run(backends, "", "simulate", pack, "--days", "50", "--daily", "1000000");

        assertThat(List.of(days.exitCode(), daily.exitCode(), both.exitCode(), zh.exitCode()))
                .containsOnly(ExitCodes.USAGE);
        assertThat(days.err()).startsWith("--days 100000 is too many: at most 3,650 days (ten years)");
        assertThat(daily.err()).startsWith("--daily 2000000 is too many: at most 1,000,000");
        assertThat(both.err()).startsWith("--days 3650 × --daily 100000 = 365,000,000 customers is too many: "
                + "at most 50,000,000").contains("Lower --days or --daily");
        assertThat(zh.err()).startsWith("--days 100000 太多");
        assertThat(edge.exitCode()).as(edge.err()).isEqualTo(ExitCodes.OK);
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.days() * (long) r.daily()).isEqualTo(50_000_000L));
    }

    @Test
    void simulateRejectsANonPositiveNumberOfDays() {
        Cli.Result r = Cli.run("", "simulate", Cli.SKINCARE.toString(), "--days", "0");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("--days and --daily must be at least 1");
    }

    @Test
    void aBrokenPackLoadedByABackendIsReportedLikeAnyOther() {
        Backends backends = new Backends((request, streams) -> ExitCodes.OK, (request, streams) -> {
            request.pack().load();
            return ExitCodes.OK;
        }, streams -> ExitCodes.OK);

        Cli.Result r = Cli.run(backends, "", "test", "--locale", "en", "src/test/resources");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PACK_ERRORS);
        assertThat(r.err()).contains("pack.json:0:0: ").endsWith("resources: 2 errors\n");
    }

    @Test
    void anUnexpectedFailureExitsFourWithItsTraceOnStandardError() {
        Backends backends = new Backends((request, streams) -> {
            throw new IllegalStateException("boom");
        }, (request, streams) -> ExitCodes.OK, streams -> ExitCodes.OK);

        Cli.Result r = Cli.run(backends, "", "simulate", Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("siyu simulate: internal error, please report it with this trace: "
                + "java.lang.IllegalStateException: boom").contains("\tat ");
    }
}
