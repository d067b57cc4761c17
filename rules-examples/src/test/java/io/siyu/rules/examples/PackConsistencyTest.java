package io.siyu.rules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.codebook.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-references of each example pack — rules → scripts, rules → codes, scripts → variables —
 * and the codebook's shape. The core's loader will check these too; until it does, this test keeps the
 * example packs honest.
 */
class PackConsistencyTest {
    private static final Pattern PROPOSE_WITH_SCRIPT = Pattern.compile(
            "actions\\.propose\\(\"[A-Z_]+\",\\s*\"([^\"]+)\",\\s*-?\\d+");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Room the remark keeps for a short name such as "王女士 ". */

    @ParameterizedTest
    @CsvSource({"gaozi, 60", "retail, 25"})
    void scriptsThatRulesNameExistAndEveryScriptIsUsed(String name, int minScripts) {
        Path pack = ExamplePacks.pack(name);
        JsonNode scripts = json(pack.resolve("scripts.json"));
        Set<String> ids = new TreeSet<>();
        for (JsonNode s : scripts.get("scripts")) {
            assertThat(ids.add(s.get("id").asText())).as("duplicate script id %s", s.get("id")).isTrue();
        }
        Set<String> named = matches(PROPOSE_WITH_SCRIPT, ruleText(pack), 1);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(minScripts);
        assertThat(ids).containsAll(named);
        assertThat(named).as("scripts no rule sends").containsAll(ids);
    }

    private static Set<String> matches(Pattern pattern, String text, int group) {
        Set<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }

    static String ruleText(Path pack) {
        try (Stream<Path> files = Files.list(pack.resolve("rules"))) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
