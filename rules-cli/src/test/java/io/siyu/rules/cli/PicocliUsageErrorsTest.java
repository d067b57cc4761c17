package io.siyu.rules.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * picocli's own usage errors — an unknown option or command, a missing parameter, option or value, a value of the
 * wrong type — are said in siyu's words, in English and, with {@code --locale zh_CN}, in Chinese; exit 2 as before.
 */
class PicocliUsageErrorsTest {
    private static final String PACK = Cli.SKINCARE.toString();

    private static Cli.Result usage(String... args) {
        Cli.Result r = Cli.run("", args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        return r;
    }

    @Test
    void anUnknownOption() {
        assertThat(usage("check", "--local", "en", PACK).err()).startsWith("Unknown option: '--local'. Check its "
                + "spelling").contains("Possible solutions: --locale", "Run 'siyu check --help'");
        assertThat(usage("check", "--locale", "zh_CN", "--local", "en", PACK).err())
                .startsWith("未知选项：“--local”。请检查拼写").contains("可能的写法：--locale", "运行“siyu check --help”")
                .doesNotContain("Unknown option", "Possible solutions");
    }

    @Test
    void anUnknownCommand() {
        assertThat(usage("chek", PACK).err()).startsWith("Unknown command: 'chek'. siyu has these commands: check, "
                + "compile, decide").contains("Possible solutions: check").doesNotContain("Unmatched argument");
        assertThat(usage("chek", "--locale", "zh_CN", PACK).err()).startsWith("未知命令：“chek”。siyu 的命令有：check");
    }

    @Test
    void anArgumentTooMany() {
        assertThat(usage("check", PACK, "more").err()).startsWith("Unexpected argument(s): 'more'.");
        assertThat(usage("check", "--locale", "zh_CN", PACK, "more").err()).startsWith("多余的参数：'more'。");
    }

    @Test
    void aMissingParameter() {
        assertThat(usage("decide").err()).startsWith("Missing required parameter: 'PACK'. Give it after the command");
        assertThat(usage("decide", "--locale", "zh_CN").err()).startsWith("缺少必需的参数：“PACK”。")
                .contains("Usage: siyu decide");
    }

    @Test
    void aMissingOption() {
        assertThat(usage("funnel", "plan", "--pack", PACK).err()).startsWith("Missing required option: '--date=DATE'.");
        assertThat(usage("funnel", "plan", "--locale", "zh_CN", "--pack", PACK).err())
                .startsWith("缺少必需的选项：“--date=DATE”。");
    }

    @Test
    void anOptionWithoutItsValue() {
        assertThat(usage("decide", PACK, "--clock").err()).startsWith("Option '--clock' needs a value (TIME): write it "
                + "after the option, as --clock TIME or --clock=TIME.");
        assertThat(usage("decide", "--locale", "zh_CN", PACK, "--clock").err())
                .startsWith("选项“--clock”缺少值（TIME）：请写在选项后面");
    }

    @Test
    void anOptionGivenTwice() {
        assertThat(usage("simulate", PACK, "--days", "3", "--days", "4").err())
                .startsWith("Option '--days' was given more than once; give it once.");
        assertThat(usage("simulate", "--locale", "zh_CN", PACK, "--days", "3", "--days", "4").err())
                .startsWith("选项“--days”给了不止一次；只写一次。");
    }

    @Test
    void notAWholeNumber() {
        assertThat(usage("simulate", PACK, "--days", "ten").err()).startsWith("Invalid value for option '--days': "
                + "'ten' is not a whole number from -2147483648 to 2147483647 (such as 30).");
        assertThat(usage("simulate", PACK, "--seed", "1.5", "--locale", "zh_CN").err())
                .startsWith("选项“--seed”的值无效：“1.5”不是 -9223372036854775808 到 9223372036854775807 之间的整数");
        assertThat(usage("decide", "--threads", "many", "--locale", "zh_CN", PACK).err())
                .startsWith("选项“--threads”的值无效：“many”不是");
    }

    enum Mode { FAST, SAFE }

    /** siyu has no enum or date option (its dates are read by the commands): a command of this test has. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--mode", paramLabel = "MODE")
        Mode mode;
        @Option(names = "--day", paramLabel = "DATE")
        LocalDate day;

        @Override
        public void run() {
        }
    }

    private static String probe(Locale locale, String... args) {
        CommandLine cl = new CommandLine(new Probe());
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return PicocliMessages.message(e, List.of(args), locale);
        }
        throw new AssertionError("no usage error for " + List.of(args));
    }

    @Test
    void notOneOfAnEnumsNames() {
        assertThat(probe(Locale.ENGLISH, "--mode", "fast"))
                .isEqualTo("Invalid value for option '--mode': 'fast' is not one of: FAST, SAFE (written exactly so).");
        assertThat(probe(Locale.SIMPLIFIED_CHINESE, "--mode", "fast"))
                .isEqualTo("选项“--mode”的值无效：“fast”不是以下之一：FAST, SAFE（须照原样书写）。");
    }

    @Test
    void notADate() {
        assertThat(probe(Locale.ENGLISH, "--day", "23.11.2026"))
                .isEqualTo("Invalid value for option '--day': '23.11.2026' is not a date like 2026-11-23.");
        assertThat(probe(Locale.SIMPLIFIED_CHINESE, "--day", "23.11.2026"))
                .isEqualTo("选项“--day”的值无效：“23.11.2026”不是形如 2026-11-23 的日期。");
    }

    @Test
    void aKindSiyuDoesNotKnowKeepsPicocliText() {
        CommandLine cl = new CommandLine(new Probe());
        CommandLine.ParameterException other = new CommandLine.ParameterException(cl, "something picocli says");
        assertThat(PicocliMessages.message(other, List.of(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("something picocli says");
    }
}
