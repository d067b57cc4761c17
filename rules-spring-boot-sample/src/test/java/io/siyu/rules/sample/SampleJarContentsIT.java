package io.siyu.rules.sample;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fat jar's class path (BOOT-INF/lib, what runs in production) holds the Jackson, Drools and SLF4J versions
 * rules-bom pins — not the ones Spring Boot's BOM would choose — each once, and the Gaozi pack in its classes.
 */
class SampleJarContentsIT {
    private static final Pattern LIB = Pattern.compile("BOOT-INF/lib/(.+)-(\\d[^-]*(?:-[A-Za-z0-9.]+)?)\\.jar");

    private static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(SampleProcess.JAR.toFile())) {
            return jar.stream().map(e -> e.getName()).toList();
        }
    }

    private static List<String> versionsOf(List<String> entries, String artifact) {
        return entries.stream().map(LIB::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(artifact))
                .map(m -> m.group(2)).toList();
    }

    @Test
    void theLibrarysDependenciesAreTheVersionsRulesBomPins() throws IOException {
        List<String> entries = entries();
        String jackson = System.getProperty("expected.jackson");
        String drools = System.getProperty("expected.drools");
        String slf4j = System.getProperty("expected.slf4j");
        assertThat(jackson).isNotBlank();
        assertThat(versionsOf(entries, "jackson-databind")).containsExactly(jackson);
        assertThat(versionsOf(entries, "jackson-core")).containsExactly(jackson);
        assertThat(versionsOf(entries, "drools-core")).containsExactly(drools);
        assertThat(versionsOf(entries, "drools-compiler")).containsExactly(drools);
        assertThat(versionsOf(entries, "slf4j-api")).containsExactly(slf4j);
        assertThat(versionsOf(entries, "spring-boot")).containsExactly(System.getProperty("expected.spring-boot"));
        assertThat(versionsOf(entries, "rules-core")).hasSize(1);
        assertThat(versionsOf(entries, "rules-spring-boot-starter")).hasSize(1);
    }

    @Test
    void theGaoziPackIsInsideTheJar() throws IOException {
        assertThat(entries()).contains("BOOT-INF/classes/packs/gaozi/pack.json",
                "BOOT-INF/classes/packs/gaozi/rules/intent.drl", "BOOT-INF/classes/packs/gaozi/funnel.json")
                .doesNotContain("BOOT-INF/classes/packs/gaozi/README.md");
    }
}
