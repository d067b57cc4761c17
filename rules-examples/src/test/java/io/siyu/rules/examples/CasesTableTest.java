package io.siyu.rules.examples;

import io.siyu.rules.codebook.Codebook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of each pack's {@code tests/cases.csv}, the table the testkit runs (this test does not run
 * the rows; it checks that every row is well formed and names things the pack has).
 */
class CasesTableTest {
    static final String HEADER = "case,codes,messages,signals,attributes,action,script,intent";
    private static final Pattern SIGNAL = Pattern.compile(
            "replied|clickedLink|purchasedBefore|silentHours=\\d+|touchesToday=\\d+");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9]*=[^;=]+");

    @ParameterizedTest
    @CsvSource({"gaozi, 40", "retail, 15"})
    void everyRowIsWellFormed(String name, int minRows) throws IOException {
        Path pack = ExamplePacks.pack(name);
        List<String> lines = Files.readAllLines(pack.resolve("tests/cases.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(minRows);
        Codebook codebook = Codebook.load(pack.resolve("codebook.json"));
        String rules = PackConsistencyTest.ruleText(pack);
        String scripts = Files.readString(pack.resolve("scripts.json"), StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (String row : rows) {
            String[] f = row.split(",", -1);
            assertThat(f).as(row).hasSize(8);
            assertThat(names.add(f[0])).as("duplicate case %s", f[0]).isTrue();
            codebook.decode(f[1]);
            for (String s : f[3].isEmpty() ? new String[0] : f[3].split(";")) {
                assertThat(s).as(row).matches(SIGNAL);
            }
            for (String a : f[4].isEmpty() ? new String[0] : f[4].split(";")) {
                assertThat(a).as(row).matches(ATTRIBUTE);
            }
            assertThat(rules).as("action of %s", f[0]).contains("\"" + f[5] + "\"");
            if (!f[6].isEmpty()) {
                assertThat(scripts).as("script of %s", f[0]).contains("\"id\": \"" + f[6] + "\"");
            }
            assertThat(f[7]).as(row).isIn("", "COLD", "WARM", "HOT");
        }
    }
}
