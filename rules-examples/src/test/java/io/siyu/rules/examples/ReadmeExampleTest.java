package io.siyu.rules.examples;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.pack.PackSource;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Using it from Java" snippet, as written there, with what its comments promise: a newcomer copies it
 * first, so it must run against the example pack as it is shipped in this module's jar.
 */
class ReadmeExampleTest {

    @Test
    void theReadmesJavaExampleDoesWhatItsCommentsSay() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        assertThat(readme).as("the snippet below is the README's")
                .contains("RulePack.load(PackSource.classpath(\"io/siyu/rules/examples/packs/gaozi\"))",
                        "\"concern\", \"acne\"", ".message(\"这个多少钱？\")");

        RulePack pack = RulePack.load(PackSource.classpath("io/siyu/rules/examples/packs/gaozi"));
        TagSet tags = pack.codebook().encode(Map.of(
                "problems", List.of("acne", "closed"),
                "concern", "acne",
                "urgency", "now"));
        assertThat(tags.codes()).isEqualTo("34DU1");
        assertThat(pack.codebook().writeRemark("王女士", tags)).isEqualTo("王女士 34DU1");

        Decision d = pack.decide(Customer.builder("wx-10086")
                .tags(tags)
                .message("这个多少钱？")
                .attribute("nickname", "小美")
                .build());

        assertThat(d.action()).isEqualTo("OFFER_PRODUCT");
        assertThat(d.scriptId()).isEqualTo(Optional.of("acne.offer"));
        assertThat(d.intent()).isEqualTo(IntentLevel.HOT);
        assertThat(d.text()).contains("小美");
    }
}
