package io.siyu.rules.cases;

import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Running case tables against the skincare test pack, as {@code siyu test} and the testkit do. */
class CaseRunnerTest {
    private static final Path SKINCARE = Path.of("src/test/resources/packs/skincare");
    private static final Path CASES = Path.of("src/test/resources/cases/skincare.csv");
    private static final Path WRONG = Path.of("src/test/resources/cases/wrong-expectations.csv");
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** A clock in the middle of the night: any row decided with it would meet the quiet hours. */
    private static final Clock NIGHT = Clock.fixed(Instant.parse("2026-11-23T15:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static RulePack load(Path dir, Locale locale) {
        return RulePack.load(dir, PackOptions.builder().locale(locale).clock(NIGHT).build());
    }

    @Test
    void everyRowOfTheTablePassesAndEachDecisionIsObservedOnce() {
        List<Decision> seen = new CopyOnWriteArrayList<>();
        CaseRunner runner = CaseRunner.of(load(SKINCARE, Locale.ENGLISH)).observing(seen::add);
        List<CaseTable> tables = runner.load(List.of(CASES));

        List<CaseResult> results = runner.run(tables);

        assertThat(results).hasSize(tables.get(0).rows().size()).allSatisfy(r ->
                assertThat(r.passed()).as(r.format()).isTrue());
        assertThat(seen).extracting(Decision::customerId)
                .containsExactlyElementsOf(tables.get(0).rows().stream().map(CaseRow::name).toList());
    }

    @Test
    void rowsAreDecidedAtTheirOwnMomentWithoutReadingThePackAgain() throws IOException {
        // The pack's directory is gone once the pack is loaded: only the compiled pack can decide the rows,
        // including those with a clock column (which a reload from the directory would need).
        Path copy = copy(SKINCARE, tmp.resolve("skincare"));
        RulePack pack = load(copy, Locale.ENGLISH);
        delete(copy);

        CaseRunner runner = CaseRunner.of(pack);
        List<CaseResult> results = runner.run(List.of(CaseTable.load(CASES)));

        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.format()).isTrue());
        assertThat(CaseTable.load(CASES).rows()).anySatisfy(row -> assertThat(row.clock()).isPresent());
    }

    @Test
    void rowsWithoutAClockRunAtTheRunnersTimeNotThePacksClock() {
        CaseRunner runner = CaseRunner.of(load(SKINCARE, Locale.ENGLISH));
        CaseRow daytimeRow = CaseTable.load(CASES).rows().get(1);

        assertThat(runner.time()).isEqualTo(CaseRunner.DEFAULT_TIME);
        assertThat(runner.run(daytimeRow).passed()).isTrue();
        CaseResult atNight = runner.at(OffsetDateTime.parse("2026-11-23T23:30:00+08:00")).run(daytimeRow);
        assertThat(atNight.passed()).isFalse();
        assertThat(atNight.message()).contains("Expected action STOP_GENTLY but was NONE.").contains("免打扰时段");
    }

    @Test
    void aFailingRowListsEveryUnmetExpectationThenWhy() {
        List<Decision> seen = new CopyOnWriteArrayList<>();
        CaseRunner runner = CaseRunner.of(load(SKINCARE, Locale.ENGLISH)).observing(seen::add);

        List<CaseResult> results = runner.run(runner.load(List.of(WRONG)));

        assertThat(results).extracting(CaseResult::passed).containsExactly(true, false, false, false, false);
        assertThat(results.get(1).message()).isEqualTo("""
                wrong-expectations.csv:3 期待推荐但被克制:
                Expected action OFFER_PRODUCT but was STOP_GENTLY.
                Expected script acne.offer but was acne.light.
                Expected intent HOT but was COLD (score 20).

                Why:
                """ + seen.get(1).explain());
        assertThat(results.get(4).message()).startsWith("wrong-expectations.csv:6 渲染失败:\n"
                + "Expected action SEND_TIP but was FAILED.\n\nWhy:\n").contains("city.tip");
        // The row whose codes cannot be read was not decided, so it was not observed.
        assertThat(seen).hasSize(4);
    }

    @Test
    void failuresAreInThePacksLanguage() {
        CaseRunner runner = CaseRunner.of(load(SKINCARE, ZH));

        List<CaseResult> results = runner.run(runner.load(List.of(WRONG)));

        assertThat(runner.locale()).isEqualTo(ZH);
        assertThat(results.get(1).message()).startsWith("""
                wrong-expectations.csv:3 期待推荐但被克制：
                期望动作 OFFER_PRODUCT，实际是 STOP_GENTLY。
                期望话术 acne.offer，实际是 acne.light。
                期望意向 HOT，实际是 COLD（分数 20）。

                原因：
                Customer 期待推荐但被克制 — pack skincare-test 1.0.0
                """);
        assertThat(results.get(3).message()).startsWith("wrong-expectations.csv:5 不认识的代码：codes 列：\"3DX\" 无法读取：");
    }

    @Test
    void anExpectedScriptWhereThereIsNoneAndTheLanguageCanBeChosen() {
        CaseTable night = CaseTable.parse("night.csv", CaseTable.HEADER + ",clock\n"
                + "深夜,3DU2,,,,NONE,acne.light,,2026-11-23T15:30:00Z\n", ZH);
        CaseRunner runner = CaseRunner.of(load(SKINCARE, Locale.ENGLISH));

        CaseResult zh = runner.inLocale(ZH).run(night.rows().get(0));
        CaseResult en = runner.run(night.rows().get(0));

        assertThat(zh.message()).startsWith("night.csv:2 深夜：\n期望话术 acne.light，实际没有话术。\n\n原因：\n");
        assertThat(en.message()).startsWith("night.csv:2 深夜:\nExpected script acne.light but was (no script).\n");
    }

    @Test
    void aPacksOwnTablesAreItsTestsDirectoryInNameOrder() throws IOException {
        Path copy = copy(SKINCARE, tmp.resolve("skincare"));
        assertThat(CaseRunner.of(load(copy, ZH)).packTables()).isEmpty();
        Files.createDirectories(copy.resolve("tests"));
        Files.writeString(copy.resolve("tests/b.csv"), CaseTable.HEADER + "\n急需,3DU1,多少钱,,,OFFER_PRODUCT,acne.offer,HOT\n");
        Files.writeString(copy.resolve("tests/a.csv"), CaseTable.HEADER + "\n冷淡,3DU3,,,,STOP_GENTLY,acne.light,COLD\n");
        Files.writeString(copy.resolve("tests/README.txt"), "not a table");
        CaseRunner runner = CaseRunner.of(load(copy, ZH));

        assertThat(runner.run(runner.packTables())).extracting(CaseResult::format)
                .containsExactly("PASS a.csv:2 冷淡", "PASS b.csv:2 急需");

        Files.writeString(copy.resolve("tests/c.csv"), CaseTable.HEADER + "\n错,3DU3,,,,STOP_GENTLY,,LUKEWARM\n");
        Files.writeString(copy.resolve("tests/d.csv"), "case\n");
        CaseTableException e = catchThrowableOfType(CaseTableException.class, runner::packTables);
        assertThat(e).hasMessageStartingWith("规则包 skincare-test 的用例表有 2 个问题\n  c.csv:2:24: intent 列：");
        assertThat(e.diagnostics()).extracting(d -> d.file() + ":" + d.line()).containsExactly("c.csv:2", "d.csv:1");
    }

    @Test
    void codesOfAPackWithoutACodebookFailTheRowNotTheRun() throws IOException {
        Path pack = tmp.resolve("no-codebook");
        Files.createDirectories(pack.resolve("rules"));
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"plain\", \"version\": \"1\"}");
        Files.writeString(pack.resolve("rules/propose.drl"), """
                rule "light touch"
                    ruleflow-group "propose"
                when
                    Customer( )
                then
                    actions.propose("STOP_GENTLY", 10, "always possible");
                end
                """);
        CaseRunner runner = CaseRunner.of(load(pack, Locale.ENGLISH));
        CaseTable table = CaseTable.parse("plain.csv", CaseTable.HEADER + "\n无代码,,,,,STOP_GENTLY,,\n有代码,3DU3,,,,STOP_GENTLY,,\n",
                Locale.ENGLISH);

        assertThat(runner.run(List.of(table))).extracting(CaseResult::format).containsExactly(
                "PASS plain.csv:2 无代码",
                "FAIL plain.csv:3 有代码\nplain.csv:3 有代码: column codes: \"3DU3\" cannot be read: the pack has no "
                        + "codebook.json");
    }

    @Test
    void aRowMadeInCodeWithUnreadableSignalsFailsWithTheColumn() {
        CaseRow row = new CaseRow("code.csv", 1, "手写", "3DU3", List.of(), "replied;angry", Map.of(),
                "STOP_GENTLY", Optional.empty(), Optional.empty(), Optional.empty());

        CaseResult result = CaseRunner.of(load(SKINCARE, Locale.ENGLISH)).run(row);

        assertThat(result.format()).isEqualTo("FAIL code.csv:1 手写\ncode.csv:1 手写: column signals: unknown signal "
                + "\"angry\" (expected replied, clickedLink, purchasedBefore, silentHours=N or touchesToday=N)");
    }

    @Test
    void aRowMadeInCodeWithABlankNameFailsWithTheColumnInsteadOfThrowing() {
        CaseRow row = new CaseRow("code.csv", 2, " ", "3DU3", List.of(), "", Map.of(),
                "STOP_GENTLY", Optional.empty(), Optional.empty(), Optional.empty());
        List<Decision> seen = new CopyOnWriteArrayList<>();

        CaseResult result = CaseRunner.of(load(SKINCARE, Locale.ENGLISH)).observing(seen::add).run(row);

        assertThat(result.passed()).isFalse();
        assertThat(result.format()).isEqualTo("FAIL code.csv:2  \ncode.csv:2  : column case: the case needs a name");
        assertThat(seen).as("nothing was decided").isEmpty();
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
