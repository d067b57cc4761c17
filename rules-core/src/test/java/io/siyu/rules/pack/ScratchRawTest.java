package io.siyu.rules.pack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

class ScratchRawTest {
    @Test
    void raw() throws Exception {
        try (var dirs = Files.list(Path.of("src/test/resources/packs"))) {
            for (Path d : dirs.sorted().toList()) {
                System.out.println("######## " + d.getFileName());
                for (Locale l : new Locale[] {Locale.ENGLISH}) {
                    try {
                        RulePack.load(d, PackOptions.builder().locale(l).build());
                        System.out.println("  loaded");
                    } catch (RulePackException e) {
                        e.diagnostics().forEach(x -> System.out.println("  " + x.key() + " " + x.severity() + " | " + x));
                    }
                }
            }
        }
    }
}
