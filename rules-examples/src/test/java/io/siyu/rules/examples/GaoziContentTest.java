package io.siyu.rules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group content of the 高姿 funnel ({@code rules/content.drl}): one post per concern group and funnel
 * day, seeding days 1–5 and conversion days 6–11, as written in the file; {@link GaoziRuleCoverageTest}
 * runs them through a funnel scenario.
 */
class GaoziContentTest {
    private static final Pattern CONTENT_RULE = Pattern.compile(
            "GroupDay\\( (seeding|conversion), day == (\\d+), (has\\(\"[A-Z]\"\\)|hasAny\\(\"G\", \"H\"\\)) \\)\\s+then\\s+"
                    + "actions\\.propose\\(\"GROUP_POST\", \"(\\w+)\\.(seeding|conversion)\\.d(\\d+)\"");

    @Test
    void everyConcernGroupHasAPostForEveryFunnelDay() throws IOException {
        String drl = Files.readString(ExamplePacks.gaozi().resolve("rules/content.drl"), StandardCharsets.UTF_8);
        Matcher m = CONTENT_RULE.matcher(drl);
        Set<String> seen = new TreeSet<>();
        while (m.find()) {
            String stage = m.group(1);
            int day = Integer.parseInt(m.group(2));
            assertThat(m.group(5)).as("script stage of %s", m.group()).isEqualTo(stage);
            assertThat(Integer.parseInt(m.group(6))).as("script day of %s", m.group()).isEqualTo(day);
            assertThat(stage).isEqualTo(day <= 5 ? "seeding" : "conversion");
            seen.add(m.group(4) + "/" + day + "/" + m.group(3));
        }
        Set<String> concerns = seen.stream().map(s -> s.substring(0, s.indexOf('/'))).collect(Collectors.toSet());
        assertThat(concerns).containsExactlyInAnyOrder("acne", "closed", "dry", "spots", "sensitive", "oily", "general");
        for (String concern : concerns) {
            assertThat(seen.stream().filter(s -> s.startsWith(concern + "/")).map(s -> s.split("/")[1]))
                    .as(concern).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        }
        assertThat(seen).hasSize(77);
    }

    @Test
    void funnelJsonHasTheGaoziRhythm() throws IOException {
        JsonNode funnel = new ObjectMapper().readTree(
                ExamplePacks.gaozi().resolve("funnel.json").toFile());
        assertThat(funnel.at("/stages/seeding/days").asInt()).isEqualTo(5);
        assertThat(funnel.at("/stages/conversion/days").asInt()).isEqualTo(6);
        assertThat(funnel.at("/groupCapacity").asInt()).isEqualTo(200);
        assertThat(funnel.at("/cohortBy/0").asText()).isEqualTo("concern");
    }
}
