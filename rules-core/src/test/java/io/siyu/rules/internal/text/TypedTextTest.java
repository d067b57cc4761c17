package io.siyu.rules.internal.text;

import io.siyu.rules.internal.text.TypedText.Finding;
import io.siyu.rules.internal.text.TypedText.Kind;
import io.siyu.rules.internal.text.TypedText.Syntax;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader of typed text on the shapes of mistake it must tell apart; the packs' property is in mistakes/. */
class TypedTextTest {

    private static TypedText drl(String text) {
        return TypedText.scan(text, Syntax.DRL);
    }

    @Test
    void fullWidthCharactersOutsideTextsAreFoundAndReplacedKeepingEveryColumn() {
        TypedText t = drl("Customer（ answered(“urgency”, \"now\") ）");
        assertThat(t.text()).isEqualTo("Customer( answered(\"urgency\", \"now\") )");
        assertThat(t.findings()).extracting(Finding::column, Finding::twin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9, '('), org.assertj.core.groups.Tuple.tuple(20, '"'),
                        org.assertj.core.groups.Tuple.tuple(28, '"'), org.assertj.core.groups.Tuple.tuple(38, ')'));
    }

    @Test
    void fullWidthCharactersInsideTextsAndCommentsStay() {
        String text = "// （注释），\n/* “块” */ asked(\"多少钱？（价格）“优惠”\", '‘单’')";
        assertThat(drl(text).findings()).isEmpty();
        assertThat(drl(text).text()).isSameAs(text);
    }

    @Test
    void aTextClosedWithAFullWidthQuoteIsClosedThereAndOnlyThatQuoteIsReported() {
        assertThat(drl("intent.add(20, \"一个月内”);").findings()).singleElement()
                .isEqualTo(new Finding(1, 21, Kind.FULL_WIDTH, '”', '"'));
        // The rest of the line decides which full-width quote closes the text.
        assertThat(drl("x(\"问卷选了“越快越好”＂);").findings()).singleElement()
                .extracting(Finding::column).isEqualTo(14);
        assertThat(drl("veto(\"今天 ＂ + $cap + \" 次\");").findings()).singleElement()
                .extracting(Finding::column).isEqualTo(10);
    }

    @Test
    void quotesInsideATextAreOneMistakeAtTheFirstAndAreReadAsChineseQuotes() {
        TypedText t = drl("policy.veto($p, \"顾客说\"明天\"再说\");");
        assertThat(t.findings()).singleElement().isEqualTo(new Finding(1, 21, Kind.QUOTE_IN_TEXT, '"', '\0'));
        assertThat(t.text()).isEqualTo("policy.veto($p, \"顾客说“明天”再说\");");
        // "a"b with no later quote is not a quote inside a text: the parser says what is wrong.
        assertThat(drl("x(\"a\"b);").findings()).isEmpty();
    }

    @Test
    void aFullStopIsADotOnlyBetweenTwoPartsOfAName() {
        assertThat(drl("$c。silentHours").text()).isEqualTo("$c.silentHours");
        assertThat(drl("intent.add(1, \"x\");。").findings()).singleElement().extracting(Finding::kind)
                .isEqualTo(Kind.STRAY);
    }

    @Test
    void commentDelimitersTypedFullWidthStillStartAndEndComments() {
        assertThat(drl("／/ 注释，全角").findings()).singleElement().extracting(Finding::column).isEqualTo(1);
        assertThat(drl("/* 注释 *／ x").findings()).singleElement().extracting(Finding::column).isEqualTo(8);
    }

    @Test
    void surrogatePairsAndInvisibleCharactersAreStray() {
        TypedText t = drl("x 👍 y\u200Bz");
        assertThat(t.findings()).extracting(Finding::kind, Finding::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.STRAY, 3), org.assertj.core.groups.Tuple.tuple(Kind.STRAY, 7));
        assertThat(t.text()).hasSameSizeAs("x 👍 y\u200Bz");
        assertThat(TypedText.explain(t.findings().get(1), Locale.ENGLISH)).contains("invisible character (U+200B)");
    }

    @Test
    void inJsonSingleChineseQuotesWereMeantAsDoubleQuotes() {
        TypedText t = TypedText.scan("{ ‘id’: \"a\" }", Syntax.JSON);
        assertThat(t.text()).isEqualTo("{ \"id\": \"a\" }");
        assertThat(t.findings()).extracting(Finding::twin).containsExactly('"', '"');
    }

    @Test
    void anUnclosedTextIsReportedAtItsQuote() {
        assertThat(TypedText.scan("{ \"a\": \"x }", Syntax.JSON).findings()).singleElement()
                .isEqualTo(new Finding(1, 8, Kind.UNCLOSED_TEXT, '"', '\0'));
    }

    @Test
    void explanationsNameTheCharacterAndWhatToTypeInBothLanguages() {
        Finding comma = new Finding(1, 1, Kind.FULL_WIDTH, '，', ',');
        assertThat(TypedText.explain(comma, Locale.ENGLISH)).isEqualTo("Full-width character ， (U+FF0C) from a "
                + "Chinese input method: type the half-width character , instead (switch the input method to English "
                + "punctuation).");
        assertThat(TypedText.explain(comma, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("全角字符「，」(U+FF0C) 是中文输入法打出的：请改成半角字符「,」（把输入法切换到英文标点）。");
        assertThat(TypedText.explain(new Finding(1, 1, Kind.FULL_WIDTH, '\u3000', ' '), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("这里是中文输入法打出的全角空格（U+3000）：请改为普通的半角空格。");
    }
}
