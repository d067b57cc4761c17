package io.siyu.rules.decision;

import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The executable model is a compile option: the same pack decides the same way with it. */
class ExecutableModelTest {
    @Test
    void theSkincarePackDecidesTheSameWithTheExecutableModel() {
        PackOptions classic = PackOptions.builder().clock(SkincareDecisionTest.DAYTIME).build();
        RulePack mvel = RulePack.load(SkincareDecisionTest.PACK, classic);
        RulePack executable = RulePack.load(SkincareDecisionTest.PACK,
                classic.toBuilder().compileMode(CompileMode.EXECUTABLE_MODEL).build());

        List<Customer> customers = new ArrayList<>();
        String[] codes = {"", "3DU1", "3DU2", "3DU3", "4EU1", "1AU2", "2BU1", "35DU2Y3", "6GU3"};
        String[] messages = {"多少钱", "有用吗", "不需要", "怎么买", ""};
        for (int i = 0; i < 45; i++) {
            Customer.Builder b = Customer.builder("x" + i)
                    .tags(mvel.codebook().decode(codes[i % codes.length]))
                    .replied(i % 2 == 0).clickedLink(i % 5 == 0).silentHours(i % 7 == 0 ? 72 : 1)
                    .purchasedBefore(i % 4 == 0).touchesToday(i % 11 == 0 ? 3 : 0);
            if (!messages[i % messages.length].isEmpty()) {
                b.message(messages[i % messages.length]);
            }
            customers.add(b.build());
        }

        List<Decision> expected = mvel.decideAll(customers);
        assertThat(executable.rules()).isEqualTo(mvel.rules());
        assertThat(executable.decideAll(customers)).isEqualTo(expected);
        assertThat(expected).extracting(Decision::action).contains("OFFER_PRODUCT", "STOP_GENTLY",
                "STRENGTHEN_MOTIVE", "SEND_WELCOME", Decision.NONE);
    }
}
