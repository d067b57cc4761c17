package io.siyu.rules.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code siyu explain}: the same input as decide, readable blocks out. */
class ExplainCommandTest {
    @Test
    void explainsEachDecisionAndEachBadLineInBlocksSeparatedByABlankLine() {
        Cli.Result r = Cli.run(DecideCommandTest.MIXED, "explain", "--clock", Cli.DAYTIME, "--locale", "en",
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_LINES_FAILED);
        assertThat(r.err()).isEmpty();
        String[] blocks = r.out().split("\n\n");
        assertThat(blocks).hasSize(5);
        assertThat(blocks[0]).startsWith("Customer c1 — pack skincare-test 1.0.0\n")
                .contains("  Action: OFFER_PRODUCT (priority 95, rule \"一问价就推荐\": 客户问了价格)")
                .contains("    +40 希望越快改善越好  [越快越好]");
        assertThat(blocks[1]).isEqualTo("Line 3 (customer c3): ERROR <stdin> line 3: this customer record cannot be read.\n"
                + "  <stdin>:3:27: Unknown field \"bogus\". The fields allowed here are: id, answers, codes, remark, "
                + "messages, signals, attributes, stage, funnelDay. (at bogus)");
        assertThat(blocks[2]).startsWith("Line 4: ERROR ");
        assertThat(blocks[3]).startsWith("Line 5 (customer c5): ERROR ").contains("city.tip");
        assertThat(blocks[4]).startsWith("Customer c7 — pack skincare-test 1.0.0\n")
                .contains("  Vetoed:\n    OFFER_PRODUCT (acne.offer) — 需求还不强烈，先不推产品  [克制：需求未明确不推产品]")
                .endsWith("\n");
    }

    @Test
    void aCleanRunExitsZero() {
        Cli.Result r = Cli.run("{\"id\":\"c1\",\"codes\":\"3DU3\"}\n", "explain", "--clock", Cli.DAYTIME,
                Cli.SKINCARE.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("Customer c1 — pack skincare-test 1.0.0\n  Action: STOP_GENTLY");
    }
}
