package io.siyu.rules.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.decision.Customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code samples/customers.jsonl}: one customer per line, tags as answers, codes or a remark. */
final class SampleCustomers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCustomers() {
    }

    static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.add(JSON.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " has a line that is not JSON", e);
        }
    }

    static Customer customer(JsonNode line, TestCodebook codebook) {
        Customer.Builder b = Customer.builder(line.get("id").asText()).tags(tags(line, codebook));
        line.path("messages").forEach(m -> b.message(m.asText()));
        JsonNode s = line.path("signals");
        b.replied(s.path("replied").asBoolean()).silentHours(s.path("silentHours").asInt())
                .clickedLink(s.path("clickedLink").asBoolean()).purchasedBefore(s.path("purchasedBefore").asBoolean())
                .touchesToday(s.path("touchesToday").asInt());
        line.path("attributes").fields().forEachRemaining(e -> b.attribute(e.getKey(),
                e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText()));
        return b.build();
    }

    private static TagSet tags(JsonNode line, TestCodebook codebook) {
        if (line.has("codes")) {
            return codebook.decode(line.get("codes").asText());
        }
        if (line.has("remark")) {
            return codebook.readRemark(line.get("remark").asText());
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        line.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().isArray()
                ? JSON.convertValue(e.getValue(), List.class) : e.getValue().asText()));
        return codebook.encode(answers);
    }
}
