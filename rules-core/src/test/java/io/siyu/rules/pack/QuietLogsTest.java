package io.siyu.rules.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A pack's problems come back as diagnostics only: Drools logs none of them to the host's log (here
 * slf4j-simple, which writes to standard error at INFO and above, with no logger silenced). Before, a compile
 * error was also logged by Drools' KieProject at ERROR, a deprecated attribute by its parser at WARN, and a rule
 * file whose package differs from its folder by its KieBuilder at WARN.
 */
class QuietLogsTest {
    @TempDir
    Path dir;

    private void write(String rules) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("pack.json"), "{\"id\": \"p\", \"version\": \"1\"}");
        Files.writeString(dir.resolve("rules/r.drl"), rules);
    }

    /** What Drools (or KIE) wrote at WARN or ERROR on standard error while {@code action} ran. */
    private static String droolsWarningsDuring(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> (l.contains(" WARN ") || l.contains(" ERROR ")) && (l.contains("org.drools") || l.contains("org.kie")))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aBrokenPackIsReportedWithoutDroolsLoggingItsProblems() throws IOException {
        write("""
                rule "unknown field"
                    ruleflow-group "intent"
                    agenda-group "x"
                when
                    Customer( silntHours > 2 )
                then
                    intent.add(1, "x");
                end

                rule "bad then"
                    ruleflow-group "intent"
                when
                    Customer( )
                then
                    intent.ad(1, "x");
                end
                """);

        String logged = droolsWarningsDuring(() -> assertThat(catchThrowableOfType(RulePackException.class,
                () -> RulePack.load(dir, PackOptions.builder().locale(Locale.ENGLISH).build())).diagnostics())
                .hasSize(3));

        assertThat(logged).isEmpty();
    }

    @Test
    void anExecutableModelOfAFileWithItsOwnPackageIsBuiltWithoutWarnings() throws IOException {
        write("""
                package gaozi;

                rule "r"
                    ruleflow-group "intent"
                when
                    Customer( replied )
                then
                    intent.add(1, "x");
                end
                """);

        String logged = droolsWarningsDuring(() -> RulePack.load(dir, PackOptions.builder()
                .compileMode(PackOptions.CompileMode.EXECUTABLE_MODEL).build()));

        assertThat(logged).isEmpty();
    }
}
