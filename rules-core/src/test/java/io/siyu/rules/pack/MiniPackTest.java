package io.siyu.rules.pack;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MiniPackTest {
    @Test
    void hotCustomerGetsOffer() {
        RulePack pack = RulePack.load(Path.of("src/test/resources/packs/mini"));
        Decision d = pack.decide(Customer.builder("c1").tags(TagSet.of(List.of(new Tag("concern", "acne", "D"))))
                .message("这个多少钱？").build());
        System.out.println(d.explain());
        assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        Decision cold = pack.decide(Customer.builder("c2").tags(TagSet.of(List.of(new Tag("concern", "acne", "D")))).build());
        System.out.println(cold.explain());
        assertThat(cold.action()).isEqualTo("STOP_GENTLY");
    }
}
