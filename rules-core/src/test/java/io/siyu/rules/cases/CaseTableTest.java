package io.siyu.rules.cases;

import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.decision.Customer.Signals;
import io.siyu.rules.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reading case tables in rules-core: from a file or from text, every problem at once, in English and in
 * Simplified Chinese. (The English wording of each problem is also pinned by the testkit's CaseTableTest.)
 */
class CaseTableTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private static List<String> problems(String text, Locale locale) {
        CaseTableException e = catchThrowableOfType(CaseTableException.class,
                () -> CaseTable.parse("cases.csv", text, locale));
        assertThat(e).as("expected the table not to parse").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aTableThatIsNotAFileIsParsedFromItsText() {
        CaseTable table = CaseTable.parse("cases.csv", "\uFEFF" + CaseTable.HEADER + ",clock\r\n"
                + "# 注释\r\n"
                + "深夜,3DU2,在吗|多少钱,replied;silentHours=48,nickname=小美,NONE,,COLD,2026-11-23T23:30:00+08:00\r\n",
                Locale.ENGLISH);

        assertThat(table.path()).isEmpty();
        assertThat(table.fileName()).isEqualTo("cases.csv");
        assertThat(table.rows()).containsExactly(new CaseRow("cases.csv", 3, "深夜", "3DU2", List.of("在吗", "多少钱"),
                "replied;silentHours=48", Map.of("nickname", "小美"), "NONE", Optional.empty(),
                Optional.of(IntentLevel.COLD), Optional.of(OffsetDateTime.parse("2026-11-23T23:30:00+08:00"))));
        assertThat(table).hasToString("CaseTable[cases.csv, 1 cases]");
    }

    @Test
    void aLoadedTableKnowsItsFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), CaseTable.HEADER + "\n冷淡,3DU3,,,,STOP_GENTLY,,\n");

        CaseTable table = CaseTable.load(csv, ZH);

        assertThat(table.path()).contains(csv);
        assertThat(table.fileName()).isEqualTo("a.csv");
        assertThat(table.rows()).singleElement().extracting(CaseRow::displayName).isEqualTo("a.csv:2 冷淡");
    }

    @Test
    void rowProblemsAreReportedInChineseWithLineAndColumn() {
        String text = "case,codes,messages,signals,attributes,action,script,intent,clock\n"
                + "少了列,3DU3,,,\n"
                + "意向写错,3DU3,,,,STOP_GENTLY,,WARMISH,\n"
                + "信号写错,3DU3,,silentHours=two,,STOP_GENTLY,,,\n"
                + "属性写错,3DU3,,,nickname,STOP_GENTLY,,,\n"
                + "动作写错,3DU3,,,,offer product,,,\n"
                + ",3DU3,,,,STOP_GENTLY,,,\n"
                + "时间写错,3DU3,,,,STOP_GENTLY,,,tonight\n"
                + "没写动作,3DU3,,,,,,,\n";

        assertThat(problems(text, ZH)).containsExactly(
                "cases.csv:2:12: 这一行有 5 列，但表头有 9 列；含逗号的字段请放在英文双引号里",
                "cases.csv:3:27: intent 列：\"WARMISH\" 不是意向等级；请写 COLD、WARM 或 HOT，或者留空",
                "cases.csv:4:12: signals 列：信号 \"silentHours=two\" 需要一个大于或等于 0 的整数，例如 silentHours=48",
                "cases.csv:5:13: attributes 列：属性 \"nickname\" 必须写成 名称=值，例如 nickname=小美",
                "cases.csv:6:14: action 列：\"offer product\" 不是动作名；动作名用大写字母和下划线书写（UPPER_SNAKE_CASE），"
                        + "例如 OFFER_PRODUCT",
                "cases.csv:7:1: case 列：用例需要一个名称",
                "cases.csv:8:28: clock 列：\"tonight\" 不是带时区偏移的日期时间，例如 2026-11-23T23:30:00+08:00",
                "cases.csv:9:14: action 列：缺少期望的动作（什么都不该做时写 NONE）");
    }

    @Test
    void headerAndQuotingProblemsAreReportedInChinese() {
        assertThat(problems("case,codes,messages,signals,attributes,action,script,level\n", ZH)).containsExactly(
                "cases.csv:1:54: 表头必须正好是 case,codes,messages,signals,attributes,action,script,intent"
                        + "（后面可以再加 ,clock），但现在是 case,codes,messages,signals,attributes,action,script,level");
        assertThat(problems(CaseTable.HEADER + "\n\"没有结束,3DU3,,,,NONE,,\n", ZH)).containsExactly(
                "cases.csv:2:1: 这里开始的引号没有结束；请在字段末尾加上 \"");
        assertThat(problems(CaseTable.HEADER + "\n\"a\"b,3DU3,,,,NONE,,\n", ZH)).containsExactly(
                "cases.csv:2:4: 右引号后面还有文字；带引号的字段里的引号要写成 \"\"");
        assertThat(problems("# 只有注释\n", ZH)).containsExactly(
                "cases.csv:1:1: 文件是空的；第一行必须是 " + CaseTable.HEADER);
    }

    @Test
    void theSummaryCountsTheProblemsInEitherLanguage() {
        String twoBad = CaseTable.HEADER + "\na,3DU3,,,,nope,,\nb,3DU3,,,,NONE,,LUKEWARM\n";

        assertThatThrownBy(() -> CaseTable.parse("one.csv", CaseTable.HEADER + "\na,3DU3,,,,nope,,\n",
                Locale.ENGLISH)).hasMessageStartingWith("case table one.csv has 1 problem\n  one.csv:2:11: column action:");
        assertThatThrownBy(() -> CaseTable.parse("two.csv", twoBad, Locale.ENGLISH))
                .hasMessageStartingWith("case table two.csv has 2 problems\n");
        assertThatThrownBy(() -> CaseTable.parse("two.csv", twoBad, ZH))
                .isInstanceOf(CaseTableException.class)
                .hasMessageStartingWith("用例表 two.csv 有 2 个问题\n  two.csv:2:11: action 列：");
    }

    @Test
    void aGbkFileIsReportedAtItsFirstNonUtf8CharacterWithTheReason() throws IOException {
        Path csv = dir.resolve("gbk.csv");
        Files.write(csv, (CaseTable.HEADER + "\n痘痘急需,34DU1,,,,OFFER_PRODUCT,,\n").getBytes(Charset.forName("GBK")));

        CaseTableException zh = catchThrowableOfType(CaseTableException.class, () -> CaseTable.load(csv, ZH));
        CaseTableException en = catchThrowableOfType(CaseTableException.class,
                () -> CaseTable.load(csv, Locale.ENGLISH));

        assertThat(zh.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("cases.not-utf8");
            assertThat(d.format()).isEqualTo("gbk.csv:2:1: 用例表“gbk.csv”是以 GBK/GB18030 保存的（很多中文 Windows 编辑器的默认编码），"
                    + "不是 UTF-8：第一个不是 UTF-8 的字符在第 2 行第 1 列。请另存为 UTF-8：在 Excel 或 WPS 中“另存为”，"
                    + "文件类型选“CSV UTF-8”。");
        });
        assertThat(zh).hasMessageStartingWith("用例表 " + csv + " 有 1 个问题\n");
        assertThat(en.diagnostics()).singleElement().extracting(Diagnostic::format).asString()
                .startsWith("gbk.csv:2:1: The case table gbk.csv is saved as GBK/GB18030")
                .endsWith("choose the type \"CSV UTF-8\".");
    }

    @Test
    void aMissingFileIsNamedInEitherLanguage() {
        Path missing = dir.resolve("missing.csv");

        assertThat(catchThrowableOfType(CaseTableException.class, () -> CaseTable.load(missing, ZH)).diagnostics())
                .extracting(Diagnostic::format).containsExactly("missing.csv:0:0: 用例表“missing.csv”无法读取（NoSuchFileException: "
                        + missing + "）。请检查文件是否存在、是否可读、是否以 UTF-8 保存。");
        assertThat(catchThrowableOfType(CaseTableException.class, () -> CaseTable.load(missing, Locale.ENGLISH))
                .diagnostics()).extracting(Diagnostic::format)
                .containsExactly("missing.csv:0:0: The case table missing.csv cannot be read (NoSuchFileException: "
                        + missing + "). Check that it exists, that it may be read, and that it is saved as UTF-8.");
    }

    @Test
    void signalsAreAppliedLeftToRightOntoTheBase() {
        Signals base = new Signals(true, 5, false, false, 1);

        assertThat(CaseTable.applySignals("", base, Locale.ENGLISH)).isEqualTo(base);
        assertThat(CaseTable.applySignals(" replied=false ; clickedLink;silentHours=48;; touchesToday = 3 ;"
                + "purchasedBefore=true;silentHours=0", base, Locale.ENGLISH))
                .isEqualTo(new Signals(false, 0, true, true, 3));
    }

    @Test
    void unreadableSignalsSayWhatIsExpectedInEitherLanguage() {
        assertThatThrownBy(() -> CaseTable.applySignals("replied;angry", Signals.NONE, ZH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("未知的信号 \"angry\"（可用：replied、clickedLink、purchasedBefore、silentHours=N 或 touchesToday=N）");
        assertThatThrownBy(() -> CaseTable.applySignals("touchesToday=-1", Signals.NONE, ZH))
                .hasMessage("信号 \"touchesToday=-1\" 需要一个大于或等于 0 的整数，例如 touchesToday=3");
        assertThatThrownBy(() -> CaseTable.applySignals("clickedLink=yes", Signals.NONE, ZH))
                .hasMessage("信号 \"clickedLink=yes\" 只能是 true 或 false");
        assertThatThrownBy(() -> CaseTable.applySignals("silentHours", Signals.NONE, Locale.ENGLISH))
                .hasMessage("signal \"silentHours\" needs a whole number of 0 or more, e.g. silentHours=48");
    }

    @Test
    void aTableIsReadAsUtf8WhateverThePlatformEncoding() throws IOException {
        Path csv = dir.resolve("bom.csv");
        byte[] text = ("\uFEFF" + CaseTable.HEADER + "\n问价,34DU1,多少钱,,,OFFER_PRODUCT,,\n")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(csv, text);

        assertThat(CaseTable.load(csv, Locale.ENGLISH).rows()).singleElement()
                .satisfies(row -> assertThat(row.messages()).containsExactly("多少钱"));
    }
}
