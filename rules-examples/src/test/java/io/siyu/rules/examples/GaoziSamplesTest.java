package io.siyu.rules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.IntentLevel;
import io.siyu.rules.pack.RulePack;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo sample: 240 made-up customers, decided with the 高姿 pack at 10:00. */
class GaoziSamplesTest {
    private static final Path SAMPLE = ExamplePacks.gaozi().resolve("samples/customers.jsonl");

    @Test
    void everyLineIsACustomer() {
        List<JsonNode> lines = lines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(200);
        assertThat(lines).extracting(l -> l.get("id").asText()).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> assertThat(l.has("signals") && l.has("attributes")).as(l.toString()).isTrue());
        assertThat(lines).filteredOn(l -> l.has("codes")).isNotEmpty();
        assertThat(lines).filteredOn(l -> l.has("remark")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("remark").asText()).hasSizeLessThanOrEqualTo(20));
        assertThat(lines).filteredOn(l -> !l.has("answers") && !l.has("codes") && !l.has("remark")).isNotEmpty();
    }

    @Test
    void decisionsOverTheSampleArePlausible() {
        RulePack pack = Packs.load(ExamplePacks.gaozi(), Packs.TEN_AM);
        List<Customer> customers = Demo.sampleCustomers(pack);
        assertThat(customers).hasSize(lines().size());
        List<Decision> decisions = pack.decideAll(customers);

        assertThat(decisions).noneMatch(Decision::isFailed);
        Map<IntentLevel, Long> levels = count(decisions, Decision::intent);
        Map<String, Long> actions = count(decisions, Decision::action);
        double hot = levels.getOrDefault(IntentLevel.HOT, 0L) / (double) decisions.size();
        assertThat(hot).as("share of HOT customers, %s", levels).isBetween(0.12, 0.20);
        assertThat(levels.get(IntentLevel.COLD) + levels.get(IntentLevel.WARM)).isGreaterThan(decisions.size() / 2);
        assertThat(actions).as("actions %s", actions).containsKeys("SEND_WELCOME", "SEND_WELFARE", "INVITE_TO_GROUP",
                "STOP_GENTLY", "STRENGTHEN_MOTIVE", "OFFER_PRODUCT", "WAIT");
        assertThat(actions.values()).allMatch(n -> n < decisions.size() / 2);
        // Restraint: nobody gets the product unless HOT.
        assertThat(decisions).filteredOn(d -> d.action().equals("OFFER_PRODUCT"))
                .allMatch(d -> d.intent() == IntentLevel.HOT);
    }

    private static List<JsonNode> lines() {
        ObjectMapper json = new ObjectMapper();
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
                out.add(json.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(SAMPLE + " has a line that is not JSON", e);
        }
    }

    private static <K> Map<K, Long> count(List<Decision> decisions, Function<Decision, K> key) {
        return decisions.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
