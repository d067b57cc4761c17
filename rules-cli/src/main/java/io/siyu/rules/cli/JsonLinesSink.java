package io.siyu.rules.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siyu.rules.decision.Decision;
import io.siyu.rules.decision.Evidence;
import io.siyu.rules.decision.Proposal;
import io.siyu.rules.decision.Veto;
import io.siyu.rules.diagnostic.Diagnostic;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes each outcome as one JSON object on its own line (the output of {@code siyu decide}):
 * <pre>{@code
 * {"line":1,"id":"c1","action":"OFFER_PRODUCT","script":"acne.offer","variant":null,"text":"…","intent":"HOT",
 *  "score":70,"reasons":[{"points":40,"reason":"…","rule":"…"}],"firedRules":["…"],
 *  "vetoes":[{"action":"…","script":"…","reason":"…","rule":"…"}],
 *  "losing":[{"action":"…","script":"…","priority":30,"reason":"…","rule":"…"}],
 *  "packId":"gaozi","packVersion":"1.0.0"}
 * {"line":7,"id":null,"error":"<stdin> line 7: …","diagnostics":["<stdin>:7:12: …"]}
 * }</pre>
 * {@code script} and {@code variant} are {@code null} when the action sends no script or the script has
 * no variants; every other field is always present.
 */
final class JsonLinesSink implements DecisionSink {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintWriter out;

    JsonLinesSink(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void decided(int line, Decision d) {
        ObjectNode o = mapper.createObjectNode();
        o.put("line", line);
        o.put("id", d.customerId());
        o.put("action", d.action());
        o.put("script", d.scriptId().orElse(null));
        o.put("variant", d.variantId().orElse(null));
        o.put("text", d.text());
        o.put("intent", d.intent().name());
        o.put("score", d.score());
        ArrayNode reasons = o.putArray("reasons");
        for (Evidence e : d.evidence()) {
            reasons.addObject().put("points", e.points()).put("reason", e.reason()).put("rule", e.rule());
        }
        ArrayNode fired = o.putArray("firedRules");
        d.firedRules().forEach(fired::add);
        ArrayNode vetoes = o.putArray("vetoes");
        for (Veto v : d.vetoed()) {
            vetoes.addObject().put("action", v.proposal().getAction())
                    .put("script", v.proposal().script().orElse(null)).put("reason", v.reason()).put("rule", v.rule());
        }
        ArrayNode losing = o.putArray("losing");
        for (Proposal p : d.losing()) {
            losing.addObject().put("action", p.getAction()).put("script", p.script().orElse(null))
                    .put("priority", p.getPriority()).put("reason", p.getReason()).put("rule", p.getRule());
        }
        o.put("packId", d.packId());
        o.put("packVersion", d.packVersion());
        write(o);
    }

    @Override
    public void failed(LineError error) {
        ObjectNode o = mapper.createObjectNode();
        o.put("line", error.line());
        o.put("id", error.customerId().orElse(null));
        o.put("error", error.error());
        ArrayNode diagnostics = o.putArray("diagnostics");
        error.diagnostics().stream().map(Diagnostic::format).forEach(diagnostics::add);
        write(o);
    }

    private void write(ObjectNode node) {
        try {
            out.println(mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a decision as JSON", e);
        }
    }
}
