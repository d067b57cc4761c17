package io.siyu.rules.internal.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables line up on a terminal, where a Chinese or full-width character takes two columns. */
class TextTableTest {
    @Test
    void chineseAndFullWidthCharactersAreTwoColumnsWideCombiningMarksNone() {
        assertThat(TextTable.width("rule")).isEqualTo(4);
        assertThat(TextTable.width("规则")).isEqualTo(4);
        assertThat(TextTable.width("合计 total")).isEqualTo(10);
        assertThat(TextTable.width("（１）")).isEqualTo(6);
        assertThat(TextTable.width("e\u0301")).isEqualTo(1);
        assertThat(TextTable.width("\uD840\uDC0B")).as("a CJK ideograph outside the BMP").isEqualTo(2);
        assertThat(TextTable.width("")).isZero();
    }

    @Test
    void aChineseHeaderLinesUpWithItsNumbers() {
        String table = TextTable.format(List.of(List.of("细分", "进入", "转化率"), List.of("total", "1200", "12.5%"),
                List.of("cohort 痘痘", "7", "0.0%")), column -> column > 0);
        assertThat(table).isEqualTo("""
                细分         进入  转化率
                total        1200   12.5%
                cohort 痘痘     7    0.0%
                """);
    }

    /**
     * Whatever the cells (Chinese, ASCII, full-width, mixed; no spaces, so that a line splits back into them), every
     * left-aligned cell starts, and every right-aligned cell ends, at the same display column on every line.
     */
    @Property(tries = 300)
    void everyColumnStartsOrEndsAtOneDisplayColumn(@ForAll("tables") List<List<String>> rows) {
        int columns = rows.get(0).size();
        String table = TextTable.format(rows, column -> column % 2 == 1);
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(rows.size());
        for (int c = 0; c < columns; c++) {
            List<Integer> places = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                places.add(place(lines.get(r), rows.get(r), c, c % 2 == 1));
            }
            assertThat(places).as("column %d of%n%s", c, table).containsOnly(places.get(0));
        }
    }

    /** Where cell {@code c} starts (left-aligned) or ends (right-aligned) on the line, in display columns. */
    private static int place(String line, List<String> cells, int c, boolean right) {
        int at = 0;
        for (int i = 0; i < c; i++) {
            at = line.indexOf(cells.get(i), at) + cells.get(i).length();
        }
        int start = line.indexOf(cells.get(c), at);
        assertThat(start).as("cell %d in %s", c, line).isNotNegative();
        return TextTable.width(line.substring(0, right ? start + cells.get(c).length() : start));
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u4E00', '\u4FFF').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u4E00', '\u4E20')
                        .withCharRange('\uFF10', '\uFF19').ofMinLength(1).ofMaxLength(8));
        return Arbitraries.integers().between(1, 5).flatMap(columns -> cell.list().ofSize(columns).list()
                .ofMinSize(1).ofMaxSize(6));
    }
}
