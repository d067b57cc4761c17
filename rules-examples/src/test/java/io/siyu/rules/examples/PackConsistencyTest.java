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
    private static final Pattern CODES_CALL = Pattern.compile("\\bhas(?:Any|All)?\\(([^)]*)\\)");
    private static final Pattern ANSWERED = Pattern.compile("answered\\(\"([^\"]+)\",\\s*\"([^\"]+)\"\\)");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Room the remark keeps for a short name such as "王女士 ". */
    private static final int NAME_ROOM = 4;

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

    @ParameterizedTest
    @CsvSource({"gaozi", "retail"})
    void scriptVariablesAreDeclaredAndTextsFit(String name) {
        JsonNode doc = json(ExamplePacks.pack(name).resolve("scripts.json"));
        int max = doc.get("maxLength").asInt();
        Set<String> global = new HashSet<>();
        doc.get("variables").fieldNames().forEachRemaining(global::add);
        for (JsonNode s : doc.get("scripts")) {
            String id = s.get("id").asText();
            assertThat(doc.get("personas").has(s.get("persona").asText())).as("persona of %s", id).isTrue();
            assertThat(s.get("channel").asText()).as("channel of %s", id).isIn("one_to_one", "group");
            Set<String> known = new HashSet<>(global);
            known.add("persona");
            if (s.has("defaults")) {
                s.get("defaults").fieldNames().forEachRemaining(known::add);
            }
            List<String> texts = new ArrayList<>(List.of(s.get("text").asText()));
            if (s.has("variants")) {
                s.get("variants").forEach(v -> texts.add(v.get("text").asText()));
            }
            for (String text : texts) {
                assertThat(text.length()).as("length of %s", id).isBetween(10, max);
                String unescaped = text.replace("{{", "").replace("}}", "");
                assertThat(known).as("variables of %s", id).containsAll(matches(VARIABLE, unescaped, 1));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"gaozi, 5", "retail, 5"})
    void codebookCodesArePrefixFreeAndFitTheRemark(String name, int minQuestions) {
        Path pack = ExamplePacks.pack(name);
        JsonNode codebook = json(pack.resolve("codebook.json"));
        assertThat(codebook.get("questions")).hasSizeGreaterThanOrEqualTo(minQuestions);
        List<String> codes = TestCodebook.load(pack).options().stream().map(Tag::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> !c.isEmpty() && c.chars().noneMatch(Character::isWhitespace));
        for (String a : codes) {
            for (String b : codes) {
                assertThat(a.equals(b) || !b.startsWith(a)).as("%s is a prefix of %s", a, b).isTrue();
            }
        }
        int longest = 0;
        for (JsonNode q : codebook.get("questions")) {
            List<Integer> lengths = new ArrayList<>();
            q.get("options").forEach(o -> lengths.add(o.get("code").asText().length()));
            longest += q.get("type").asText().equals("multi") ? lengths.stream().mapToInt(i -> i).sum()
                    : lengths.stream().mapToInt(i -> i).max().orElse(0);
        }
        assertThat(longest).isLessThanOrEqualTo(codebook.at("/remark/maxLength").asInt() - NAME_ROOM);
    }

    @ParameterizedTest
    @CsvSource({"gaozi", "retail"})
    void codesAndAnswersThatRulesTestExistInTheCodebook(String name) {
        Path pack = ExamplePacks.pack(name);
        List<Tag> options = TestCodebook.load(pack).options();
        Set<String> codes = options.stream().map(Tag::code).collect(Collectors.toSet());
        Set<String> answers = options.stream().map(t -> t.questionId() + "=" + t.optionId()).collect(Collectors.toSet());
        String rules = ruleText(pack);
        Matcher calls = CODES_CALL.matcher(rules);
        Set<String> used = new TreeSet<>();
        while (calls.find()) {
            used.addAll(matches(STRING, calls.group(1), 1));
        }
        assertThat(used).isNotEmpty();
        assertThat(codes).containsAll(used);
        Matcher answered = ANSWERED.matcher(rules);
        while (answered.find()) {
            assertThat(answers).contains(answered.group(1) + "=" + answered.group(2));
        }
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
