package io.siyu.rules.internal.compile;

import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DrlCompilerTest {

    @Test
    void theClassicBuildNeverUsesTheKieRepository() throws java.io.IOException {
        DrlCompiler compiler = new DrlCompiler(Locale.ENGLISH);
        for (String pack : List.of("mini", "broken-unknown-field")) {
            DrlCompiler.Result result = compiler.compile(RuleReferencesTest.sources(pack), List.of(), false);
            assertThat(result.kieBase().isPresent()).isEqualTo(pack.equals("mini"));
            assertThat(result.releaseId()).isEmpty();
        }
    }

    @Test
    void executableModelsDoNotStayInTheKieRepository() throws java.io.IOException {
        DrlCompiler compiler = new DrlCompiler(Locale.ENGLISH);
        List<ReleaseId> built = new ArrayList<>();
        List<RuleSource> sources = RuleReferencesTest.sources("mini");
        for (int i = 0; i < 3; i++) {
            DrlCompiler.Result result = compiler.compile(sources, List.of(), true);
            assertThat(result.kieBase()).isPresent();
            built.add(result.releaseId().orElseThrow());
        }
        // A broken pack never reaches the executable-model build: the classic build finds its errors first.
        assertThat(compiler.compile(RuleReferencesTest.sources("broken-unknown-field"), List.of(), true).releaseId())
                .isEmpty();
        assertThat(built).doesNotHaveDuplicates().hasSize(3);
        for (ReleaseId id : built) {
            assertThat(KieServices.Factory.get().getRepository().getKieModule(id)).as(id.toString()).isNull();
        }
    }
}
