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
    void compiledModulesDoNotStayInTheKieRepository() throws java.io.IOException {
        DrlCompiler compiler = new DrlCompiler(Locale.ENGLISH);
        List<ReleaseId> built = new ArrayList<>();
        for (String pack : List.of("mini", "broken-unknown-field")) {
            List<RuleSource> sources = RuleReferencesTest.sources(pack);
            for (int i = 0; i < 10; i++) {
                DrlCompiler.Result result = compiler.compile(sources, List.of(), false);
                assertThat(result.kieBase().isPresent()).isEqualTo(pack.equals("mini"));
                built.add(result.releaseId().orElseThrow());
            }
        }
        assertThat(built).doesNotHaveDuplicates().hasSize(20);
        for (ReleaseId id : built) {
            assertThat(KieServices.Factory.get().getRepository().getKieModule(id)).as(id.toString()).isNull();
        }
    }
}
