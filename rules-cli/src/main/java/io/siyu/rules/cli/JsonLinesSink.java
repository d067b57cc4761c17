package io.siyu.rules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.diagnostic.Diagnostic;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes each outcome as one JSON object on its own line (the output of {@code siyu decide}): a decision in
 * rules-core's public JSON form ({@link DecisionJson#write}, documented in {@code docs/decisions-json.md}) with
 * the input line first, or an error record:
 * <pre>{@code
 * {"line":1,"id":"c1","action":"OFFER_PRODUCT","script":"acne.offer",…,"packVersion":"1.0.0","winner":{…},…}
 * {"line":7,"id":null,"error":"<stdin> line 7: …","diagnostics":["<stdin>:7:12: …"]}
 * }</pre>
 * The CLI keeps no mapping of its own for decisions: a decision line is exactly {@code DecisionJson.write}'s
 * object with {@code "line"} added in front. Thread-safe (Jackson's mapper and {@code DecisionJson} are).
 */
final class JsonLinesSink implements DecisionSink {
    private static final String NEW_LINE = System.lineSeparator();
    private final ObjectMapper mapper = new ObjectMapper();
    private final DecisionJson json;
    private final Locale locale;

    JsonLinesSink(DecisionJson json, Locale locale) {
        this.json = Objects.requireNonNull(json, "json");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    @Override
    public String decided(int line, Decision d) {
        // DecisionJson.write always writes an object with fields: splice "line" in as the first one.
        String decision = json.write(d);
        return "{\"line\":" + line + "," + decision.substring(1) + NEW_LINE;
    }

    @Override
    public String failed(LineError error) {
        ObjectNode o = mapper.createObjectNode();
        o.put("line", error.line());
        o.put("id", error.customerId().orElse(null));
        o.put("error", error.error());
        ArrayNode diagnostics = o.putArray("diagnostics");
        error.diagnostics().stream().map(d -> d.format(locale)).forEach(diagnostics::add);
        try {
            return mapper.writeValueAsString(o) + NEW_LINE;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write an error record as JSON", e);
        }
    }
}
