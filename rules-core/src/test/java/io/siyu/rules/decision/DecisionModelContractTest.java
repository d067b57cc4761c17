package io.siyu.rules.decision;

import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.script.RenderedScript;
import io.siyu.rules.script.Script.Channel;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the Javadoc of the decision model promises about bad arguments: the same answer whatever the data,
 * and never a decision that contradicts itself.
 */
class DecisionModelContractTest {
    private static final Proposal OFFER = new Proposal("OFFER_PRODUCT", "acne.offer", 90, "urgent", "offer", 0);
    private static final Proposal MOTIVE = new Proposal("STRENGTHEN_MOTIVE", "acne.motive", 50, "warm", "motive", 1);
    private static final RenderedScript OFFER_TEXT =
            new RenderedScript("acne.offer", "", "亲，这款祛痘套装今天有活动～", "小丸子", Channel.ONE_TO_ONE);

    @Test
    void askedRefusesANullKeywordWhetherOrNotTheCustomerHasMessages() {
        Customer silent = Customer.builder("c1").build();
        Customer talking = Customer.builder("c2").message("这个多少钱？").build();

        for (Customer c : List.of(silent, talking)) {
            assertThatNullPointerException().as(c.getId()).isThrownBy(() -> c.asked("多少钱", null));
            assertThatNullPointerException().as(c.getId()).isThrownBy(() -> c.asked((String[]) null));
        }
        assertThat(talking.asked("价格", "多少钱")).isTrue();
        assertThat(silent.asked("多少钱")).isFalse();
    }

    @Test
    void quietHoursRefuseANullTimeEvenWithoutQuietHours() {
        ContactPolicy none = new ContactPolicy(3, LocalTime.of(22, 0), LocalTime.of(22, 0));

        assertThatNullPointerException().isThrownBy(() -> none.isQuiet(null));
        assertThatNullPointerException().isThrownBy(() -> ContactPolicy.DEFAULT.isQuiet(null));
        assertThat(none.isQuiet(LocalTime.of(23, 0))).isFalse();
        assertThat(ContactPolicy.DEFAULT.isQuiet(LocalTime.of(23, 0))).isTrue();
    }

    @Test
    void aDecisionNeverCarriesAnotherProposalsScript() {
        Decision.Builder switched = Decision.builder("c1", "p", "1").winner(OFFER).script(OFFER_TEXT).winner(MOTIVE);
        Decision.Builder dropped = Decision.builder("c1", "p", "1").winner(OFFER).script(OFFER_TEXT).winner(null);

        assertThatIllegalArgumentException().isThrownBy(switched::build).withMessageContaining("acne.offer");
        assertThatIllegalArgumentException().isThrownBy(dropped::build).withMessageContaining("(no winner)");

        Decision offer = Decision.builder("c1", "p", "1").winner(OFFER).script(OFFER_TEXT).build();
        assertThat(offer.scriptId()).contains("acne.offer");
        assertThat(offer.text()).isEqualTo("亲，这款祛痘套装今天有活动～");
        Decision failed = Decision.builder("c1", "p", "1").winner(OFFER).script(OFFER_TEXT).failure("rule x loops")
                .build();
        assertThat(failed.action()).isEqualTo(Decision.FAILED);
        assertThat(failed.script()).isEmpty();
    }

    @Test
    void aNegativeLineNumberIsRefusedForGoodAndBadLinesAlike() {
        DecisionJson reader = DecisionJson.of(null, Locale.ENGLISH);

        assertThatIllegalArgumentException().isThrownBy(() -> reader.readCustomer("in.jsonl", -1, "{\"id\": \"c1\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> reader.readCustomer("in.jsonl", -1, "{\"id\": 5}"));
        assertThat(reader.readCustomer("in.jsonl", 0, "{\"id\": \"c1\"}").getId()).isEqualTo("c1");
        assertThatThrownBy(() -> reader.readCustomer("in.jsonl", 0, "{\"id\": 5}"))
                .isInstanceOf(JsonInputException.class);
    }

    @Test
    void exceptionsRefuseANullSummaryOrCustomer() {
        List<Diagnostic> one = List.of(Diagnostic.error("rules/a.drl", 3, 0, "decision.rule-failed", "rule a failed"));

        assertThatNullPointerException().isThrownBy(() -> new DecisionException(null, "failed", one));
        assertThatNullPointerException().isThrownBy(() -> new DecisionException("c1", null, one));
        assertThatNullPointerException().isThrownBy(() -> new JsonInputException(null, one));
        assertThat(new DecisionException("c1", "failed", one)).hasMessage("failed\n  rules/a.drl:3:0: rule a failed");
    }
}
