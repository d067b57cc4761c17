package io.siyu.rules.testkit;

import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.siyu.rules.testkit.RuleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code @RulePackTest("classpath:…")}: a pack read from the test class path, where it is, not as a directory. */
@RulePackTest("classpath:packs/skincare")
class ClasspathPackTest {
    @Test
    void thePackComesFromTheClassPathAndDecidesAsItsDirectory(RulePack pack, TestCustomers customers) {
        assertThat(pack.source().name()).isEqualTo("classpath:packs/skincare");
        assertThat(pack.source().directory()).isEmpty();
        assertThat(customers.customer("c1").codes("34DU1").message("这个多少钱呀").decide())
                .isEqualTo(TestCustomers.of(RulePack.load(Path.of(Packs.SKINCARE), pack.options()))
                        .customer("c1").codes("34DU1").message("这个多少钱呀").decide())
                .hasAction("OFFER_PRODUCT");
    }
}
