package io.siyu.rules.testkit;

import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Customer.Signals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.siyu.rules.decision.IntentLevel.HOT;
import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Customers for tests: tags through the codebook, signals as text, decisions recorded. */
@RulePackTest("src/test/resources/packs/skincare")
class TestCustomersTest {

    @Test
    void answersAreEncodedWithTheCodebook(TestCustomers customers) {
        Customer c = customers.customer("c1")
                .answers(Map.of("problems", List.of("acne", "closed"), "concern", "acne", "urgency", "now")).build();

        assertThat(c.getTags()).hasCodes("34DU1");
    }

    @Test
    void codesAndRemarksAreRead(TestCustomers customers) {
        assertThat(customers.customer("c1").codes("3DU1").build().getTags()).hasCodes("3DU1");
        assertThat(customers.customer("c2").remark("王女士 3DU1").build().getTags()).hasCodes("3DU1");
        assertThat(customers.customer("c3").remark("王女士 3DU1").codes("4EU2").build().getTags()).hasCodes("4EU2");
    }

    @Test
    void badCodesFailWithTheCodebooksMessage(TestCustomers customers) {
        assertThatThrownBy(() -> customers.customer("c1").codes("3DX"))
                .isInstanceOf(CodebookException.class).hasMessageContaining("X");
    }

    @Test
    void everythingElseReachesTheCustomer(TestCustomers customers) {
        Customer c = customers.customer("c1").codes("3DU2").message("在吗", "多少钱").replied().clickedLink()
                .purchasedBefore().silentHours(5).touchesToday(2).attribute("nickname", "小美").build();

        assertThat(c.getId()).isEqualTo("c1");
        assertThat(c.getMessages()).containsExactly("在吗", "多少钱");
        assertThat(c.getSignals()).isEqualTo(new Signals(true, 5, true, true, 2));
        assertThat(c.getAttributes()).containsEntry("nickname", "小美");
    }

    @Test
    void signalsAsTextAddUp(TestCustomers customers) {
        Customer c = customers.customer("c1").signal("replied;silentHours=48").signal(" touchesToday = 3 ;")
                .signal("replied=false;purchasedBefore").build();

        assertThat(c.getSignals()).isEqualTo(new Signals(false, 48, false, true, 3));
    }

    @Test
    void unreadableSignalsSayWhatIsExpected(TestCustomers customers) {
        assertThatThrownBy(() -> customers.customer("c1").signal("replied;angry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown signal \"angry\" (expected replied, clickedLink, purchasedBefore, "
                        + "silentHours=N or touchesToday=N)");
        assertThatThrownBy(() -> customers.customer("c1").signal("silentHours=-1"))
                .hasMessage("signal \"silentHours=-1\" needs a whole number of 0 or more, e.g. silentHours=48");
        assertThatThrownBy(() -> customers.customer("c1").signal("replied=maybe"))
                .hasMessage("signal \"replied=maybe\" must be true or false");
    }

    @Test
    void decideRecordsTheDecisionInTheCoverage(TestCustomers customers, RuleCoverage coverage) {
        long before = coverage.firings("越快越好");

        assertThat(customers.customer("c1").codes("34DU1").message("多少钱").decide())
                .hasAction("OFFER_PRODUCT").hasIntent(HOT);
        assertThat(coverage.firings("越快越好")).isEqualTo(before + 1);
    }
}
