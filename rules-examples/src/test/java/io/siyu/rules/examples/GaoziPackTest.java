package io.siyu.rules.examples;

import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

class GaoziPackTest {
    @Test
    void smoke() {
        RulePack pack = Packs.load(ExamplePacks.gaozi(), Packs.TEN_AM);
        TestCodebook cb = TestCodebook.load(ExamplePacks.gaozi());
        Decision d = pack.decide(Customer.builder("c").tags(cb.decode("34DU1P2")).message("多少钱").build());
        System.out.println(d.explain());
    }
}
