package io.siyu.rules.testkit;

import io.siyu.rules.cases.CaseRow;
import io.siyu.rules.cases.CaseTable;
import io.siyu.rules.cases.CaseTableException;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading case tables: RFC 4180 quoting, comments, and a clear error for every malformed header or row. */
class CaseTableTest {
    static final Path BROKEN = Path.of("src/test/resources/cases/broken");

    private static List<String> problems(Path csv) {
        CaseTableException e = catchThrowableOfType(CaseTableException.class, () -> CaseTable.load(csv));
        assertThat(e).as("expected %s not to load", csv).isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("quoted.csv");
        Files.writeString(csv, "\uFEFF" + CaseTable.HEADER + "\r\n"
                + "# a comment, with a comma\r\n"
                + "\r\n"
                + "\"a, b\",3DU3,\"在吗|\"\"多少钱\"\"\",,\"nickname=小美, 阿珍\",STOP_GENTLY,acne.light,COLD\r\n"
                + "\"two\nlines\", 3DU3 ,,,,NONE,,\r\n"
                + "last,3DU3,,,,NONE,,");

        List<CaseRow> rows = CaseTable.load(csv).rows();

        assertThat(rows).extracting(CaseRow::line).containsExactly(4, 5, 7);
        assertThat(rows.get(0).name()).isEqualTo("a, b");
        assertThat(rows.get(0).messages()).containsExactly("在吗", "\"多少钱\"");
        assertThat(rows.get(0).attributes()).containsEntry("nickname", "小美, 阿珍");
        assertThat(rows.get(1).name()).isEqualTo("two\nlines");
        assertThat(rows.get(1).codes()).isEqualTo("3DU3");
        assertThat(CaseTable.load(csv).toString()).endsWith("quoted.csv, 3 cases]");
    }

    @Test
    void aWrongHeaderNamesTheFirstWrongColumn() {
        assertThat(problems(BROKEN.resolve("bad-header.csv"))).containsExactly(
                "bad-header.csv:2:54: the header must be exactly case,codes,messages,signals,attributes,action,script,"
                        + "intent (optionally followed by ,clock), but it is case,codes,messages,signals,attributes,"
                        + "action,script,level");
    }

    @Test
    void everyBadRowIsReportedWithLineAndColumn() {
        assertThat(problems(BROKEN.resolve("bad-rows.csv"))).containsExactly(
                "bad-rows.csv:2:16: the row has 5 columns but the header has 9; put a field with a comma in double "
                        + "quotes",
                "bad-rows.csv:3:33: column intent: \"WARMISH\" is not an intent level; write COLD, WARM or HOT, "
                        + "or leave it empty",
                "bad-rows.csv:4:18: column signals: signal \"silentHours=two\" needs a whole number of 0 or more, "
                        + "e.g. silentHours=48",
                "bad-rows.csv:5:22: column attributes: attribute \"nickname\" must be written name=value, "
                        + "e.g. nickname=小美",
                "bad-rows.csv:6:20: column action: \"offer product\" is not an action name; actions are written in "
                        + "UPPER_SNAKE_CASE, e.g. OFFER_PRODUCT",
                "bad-rows.csv:7:1: column case: the case needs a name",
                "bad-rows.csv:8:33: column clock: \"tonight\" is not a date-time with offset, "
                        + "e.g. 2026-11-23T23:30:00+08:00");
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        CaseTableException e = catchThrowableOfType(CaseTableException.class,
                () -> CaseTable.load(BROKEN.resolve("bad-rows.csv")));

        assertThat(e.getMessage()).startsWith("case table " + BROKEN.resolve("bad-rows.csv") + " has 7 problems\n"
                + "  bad-rows.csv:2:16: the row has 5 columns");
    }

    @Test
    void anUnclosedQuoteNamesWhereItOpened() {
        assertThat(problems(BROKEN.resolve("unclosed-quote.csv"))).containsExactly(
                "unclosed-quote.csv:3:1: the quote opened here is never closed; end the field with \"");
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThat(problems(BROKEN.resolve("after-quote.csv"))).containsExactly(
                "after-quote.csv:2:9: unexpected text after a closing quote; write a quote inside a quoted field "
                        + "as \"\"");
    }

    @Test
    void aFileThatIsNotUtf8OrEmptyOrMissingIsReported() {
        assertThat(problems(BROKEN.resolve("not-utf8.csv"))).containsExactly(
                "not-utf8.csv:2:10: The case table not-utf8.csv is not saved as UTF-8: the text stops being UTF-8 "
                        + "at line 2, column 10. Save it as UTF-8: in Excel or WPS, \"Save As\" and choose the type "
                        + "\"CSV UTF-8\".");
        assertThat(problems(BROKEN.resolve("empty.csv"))).containsExactly(
                "empty.csv:1:1: the file is empty; the first line must be " + CaseTable.HEADER);
        assertThat(problems(BROKEN.resolve("missing.csv"))).singleElement().asString()
                .startsWith("missing.csv:0:0: The case table missing.csv cannot be read (NoSuchFileException: ");
    }

    @Test
    void ruleCasesReportTheProblemsOfEveryTableAtOnce() {
        RulePack pack = RulePack.load(Path.of(Packs.SKINCARE));
        CaseTableException e = catchThrowableOfType(CaseTableException.class, () -> RuleCases.from(pack,
                BROKEN.resolve("bad-header.csv"), BROKEN.resolve("after-quote.csv")));

        assertThat(e.getMessage()).startsWith("2 problems in the case tables of pack skincare-test\n"
                + "  bad-header.csv:2:54: the header must be exactly")
                .contains("\n  after-quote.csv:2:9: unexpected text after a closing quote");
    }
}
