package io.siyu.rules.decision;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Customer#asked}'s fast keyword search gives exactly what the search by
 * {@code String.regionMatches(true, ...)} at every position gives, on every kind of character.
 */
class CaselessTextTest {
    /** Letters with unusual case mappings, Chinese, full-width forms, and a character outside 16 bits. */
    private static final String TRICKY = "aAbBkKsSiIzZ\u212A\u017F\u0130\u0131\u00DF\u1E9E\u00B5\u039C\u03BC"
            + "\u00FF\u0178\u01C4\u01C5\u01C6\u10A0\u2D00\u13A0\uAB70\u03A3\u03C2\u03C3\uFF21\uFF41"
            + "多少钱价格怎么买过敏副作用不需要，。？！ 😀𐐀𐐨";

    @Test
    void theChineseShortcutFoldsAsTheJdkDoes() {
        for (char c = 0x3000; c <= 0x30FF; c++) {
            assertThat(CaselessText.fold(c)).as("U+%04X", (int) c).isEqualTo(general(c));
        }
        for (char c = 0x4E00; c <= 0x9FFF; c++) {
            assertThat(CaselessText.fold(c)).as("U+%04X", (int) c).isEqualTo(general(c));
        }
        for (char c = 0; c < 0x80; c++) {
            assertThat(CaselessText.fold(c)).as("U+%04X", (int) c).isEqualTo(general(c));
        }
    }

    @Test
    void everyCharacterMatchesExactlyTheCharactersWithItsFold() {
        for (int i = 0; i <= 0xFFFF; i++) {
            char c = (char) i;
            if (Character.isSurrogate(c)) {
                assertThat(CaselessText.fold(c)).isEqualTo(-1);
                continue;
            }
            int up = Character.toUpperCase((int) c);
            int low = Character.toLowerCase((int) c);
            for (int other : new int[] {c, up, low, Character.toLowerCase(up), Character.toUpperCase(low), c + 1,
                    c - 1}) {
                if (other < 0 || other > 0xFFFF || Character.isSurrogate((char) other)) {
                    continue;
                }
                String a = String.valueOf(c);
                String b = String.valueOf((char) other);
                int fa = CaselessText.fold(c);
                int fb = CaselessText.fold((char) other);
                if (fa >= 0 && fb >= 0) {
                    assertThat(fa == fb).as("U+%04X vs U+%04X", i, other)
                            .isEqualTo(a.regionMatches(true, 0, b, 0, 1));
                }
            }
        }
    }

    @Property(tries = 3000)
    void askedIsTheSearchAtEveryPosition(@ForAll("messages") List<String> messages,
                                          @ForAll("keywords") List<String> keywords) {
        Customer.Builder b = Customer.builder("c");
        messages.forEach(b::message);
        Customer customer = b.build();

        boolean expected = false;
        for (String m : messages) {
            for (String k : keywords) {
                expected |= CaselessText.containsIgnoreCase(m, k);
            }
        }
        assertThat(customer.asked(keywords.toArray(String[]::new))).isEqualTo(expected);
        assertThat(customer.asked(keywords.toArray(String[]::new))).as("asked again (folded once)").isEqualTo(expected);
    }

    @Test
    void latinAndChineseKeywords() {
        Customer c = Customer.builder("c").message("请问 PRICE 多少钱？").message("Straße").build();
        assertThat(c.asked("price")).isTrue();
        assertThat(c.asked("多少钱")).isTrue();
        assertThat(c.asked("STRASSE")).isFalse(); // one char for one: ß is not "SS"
        assertThat(c.asked("straße", "nothing")).isTrue();
        assertThat(c.asked("", "怎么买")).isFalse();
        assertThat(Customer.builder("c").message("\u212Aelvin").build().asked("kelvin")).isTrue();
        assertThat(Customer.builder("c").message("I like 😀 a lot").build().asked("😀 A")).isTrue();
    }

    @Provide
    Arbitrary<List<String>> messages() {
        return text(12).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> keywords() {
        return text(3).list().ofMaxSize(4);
    }

    private static Arbitrary<String> text(int maxChars) {
        List<String> pieces = new ArrayList<>();
        TRICKY.codePoints().forEach(cp -> pieces.add(new String(Character.toChars(cp))));
        return Arbitraries.of(pieces).list().ofMaxSize(maxChars).map(l -> String.join("", l));
    }

    private static int general(char c) {
        return Character.toLowerCase(Character.toUpperCase((int) c));
    }
}
