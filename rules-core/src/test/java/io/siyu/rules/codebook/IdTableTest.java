package io.siyu.rules.codebook;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdTableTest {

    @Property
    void findsEveryIdItHoldsAndNoOther(@ForAll("ids") List<String> ids, @ForAll("ids") List<String> others,
                                       @ForAll @IntRange(max = 1000) int first) {
        IdTable table = new IdTable(ids, first);

        for (int k = 0; k < ids.size(); k++) {
            assertThat(table.get(ids.get(k))).isEqualTo(first + k);
        }
        others.stream().filter(id -> !ids.contains(id)).forEach(id -> assertThat(table.get(id)).isEqualTo(-1));
    }

    @Test
    void rejectsAnIdGivenTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdTable(List.of("a", "b", "a"), 0))
                .withMessageContaining("id a occurs twice");
    }

    /**
     * Distinct ids, many with the same hash code ("Aa" and "BB" hash alike, and so do all strings made of
     * as many of them), so that probes run long and wrap around the end of the table.
     */
    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> colliding = Arbitraries.of("Aa", "BB").list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join("", parts));
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(6);
        return Arbitraries.oneOf(colliding, any).list().uniqueElements().ofMaxSize(40);
    }
}
