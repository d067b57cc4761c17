package io.siyu.rules.decision;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a customer's attribute may be: what the JSON reader accepts (a text, a number, true/false), so that a
 * Java host cannot put an object whose {@code toString()} ({@code java.lang.Object@6b580b88}) ends up in a
 * customer's message through a script's {@code {variables}}.
 */
class CustomerAttributesTest {

    @Test
    void textsNumbersAndBooleansAreKeptAsGiven() {
        Customer c = Customer.builder("c1").attribute("nickname", "小王").attribute("spend", 299)
                .attribute("score", new BigDecimal("12.5")).attribute("vip", true).attribute("gone", "x")
                .attribute("gone", null).build();

        assertThat(c.getAttributes()).containsOnlyKeys("nickname", "spend", "score", "vip");
        assertThat(c.text("nickname")).isEqualTo("小王");
        assertThat(c.number("spend")).isEqualTo(299);
        assertThat(c.number("score")).isEqualTo(12.5);
        assertThat(c.attribute("vip")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void anyOtherObjectIsRefusedNamingTheAttributeAndTheTypesAllowedButNotTheValue() {
        for (Object other : new Object[]{new Object(), LocalDate.of(2026, 11, 23), List.of("a"), 'x',
                new StringBuilder("秘密"), new java.util.concurrent.atomic.AtomicInteger(5),
                new java.util.concurrent.atomic.AtomicLong(7)}) {
            Customer.Builder builder = Customer.builder("c1");
            assertThatThrownBy(() -> builder.attribute("nickname", other))
                    .as("%s", other.getClass())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"nickname\"")
                    .hasMessageContaining("a String, a number (Integer, Long")
                    .hasMessageContaining(other.getClass().getName())
                    .hasMessageNotContaining("@")
                    .hasMessageNotContaining("秘密");
            assertThat(builder.build().hasAttribute("nickname")).as("nothing set").isFalse();
        }
    }
}
