package io.siyu.rules.decision;

import io.siyu.rules.funnel.Stage;
import io.siyu.rules.pack.PackOptions.CompileMode;
import io.siyu.rules.pack.PackOptions;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The funnel stage is typed, and reads simply in a rule: {@code stage == Stage.SEEDING}, in both compile modes. */
class CustomerStageTest {

    @ParameterizedTest
    @EnumSource(CompileMode.class)
    void rulesMatchTheTypedStage(CompileMode mode, @TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        Files.writeString(dir.resolve("rules/stage.drl"), """
                rule "seeding day 3"
                    ruleflow-group "propose"
                when
                    Customer( stage == Stage.SEEDING, funnelDay == 3 )
                then
                    actions.propose("SEEDING_CARE", 10, "day 3 of seeding");
                end

                rule "not in the funnel"
                    ruleflow-group "propose"
                when
                    Customer( !inFunnel )
                then
                    actions.propose("INVITE_TO_FUNNEL", 5, "not in the funnel yet");
                end
                """);
        RulePack pack = RulePack.load(dir, PackOptions.builder().compileMode(mode).build());

        Customer seeding = Customer.builder("c1").funnel(Stage.SEEDING, 3).build();
        Customer converting = Customer.builder("c2").funnel(Stage.CONVERSION, 7).build();
        Customer outside = Customer.builder("c3").build();

        assertThat(seeding.getStage()).isEqualTo(Stage.SEEDING);
        assertThat(outside.getStage()).isEqualTo(Stage.NEW);
        assertThat(pack.decide(seeding).action()).isEqualTo("SEEDING_CARE");
        assertThat(pack.decide(converting).action()).isEqualTo(Decision.NONE);
        assertThat(pack.decide(outside).action()).isEqualTo("INVITE_TO_FUNNEL");
    }
}
