package io.siyu.rules.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
        assertThat(first.pack().directory()).isEqualTo(Cli.SKINCARE);
        assertThat(first.pack().locale().toString()).isEqualTo("zh_CN");
        Backends.SimulateRequest second = seen.get(1);
        assertThat(List.of(second.days(), second.daily(), second.seed(), second.json()))
                .containsExactly(30, 150, 1L, false);
        assertThat(defaults.exitCode()).isEqualTo(ExitCodes.OK);
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
