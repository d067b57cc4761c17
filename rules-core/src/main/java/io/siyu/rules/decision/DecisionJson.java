package io.siyu.rules.decision;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.siyu.rules.script.RenderedScript;
import io.siyu.rules.script.Script;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON form of customers and decisions: what {@code siyu decide} reads and writes, and what a host
 * serving decisions over HTTP reads from a request body and writes to its response. The format is stable
 * (documented in {@code docs/decisions-json.md}): later versions may add fields, never remove or change one.
 *
 * <p><b>A customer</b> is one JSON object:
 * <pre>{@code
 * {"id": "c001", "answers": {"problems": ["acne", "closed"], "concern": "acne", "urgency": "now"},
 *  "messages": ["这个多少钱？"], "signals": {"replied": true, "silentHours": 2, "clickedLink": false,
 *  "purchasedBefore": false, "touchesToday": 0}, "attributes": {"nickname": "小美", "city": "上海"}}
 * }</pre>
 * The tags come from exactly one of {@code answers} (encoded with the codebook), {@code codes}
 * (decoded, e.g. {@code "34DU1"}) or {@code remark} (the codes read out of a staff remark such as
 * {@code "王女士 34DU1"}); none of them means a customer with no tags yet. {@code stage} (a {@code Stage}
 * name such as {@code SEEDING}, in any case: {@code "seeding"} too) and {@code funnelDay} ({@code -1} to {@code 10000}) give the funnel
 * position; {@code funnelDay} without {@code stage} is ignored. Signals missing from {@code signals} are
 * false or 0 ({@code silentHours} up to {@code 1000000}, {@code touchesToday} up to {@code 10000}).
 * Attribute values must be strings, numbers (kept as {@link java.math.BigDecimal}) or booleans; a
 * {@code null} attribute is left out. Fields not listed here are errors. Comments and trailing commas are
 * accepted. {@link #readCustomer(String)} reads one document (an HTTP body, any number of lines);
 * {@link #readCustomer(String, int, String)} reads one line of a JSON-lines input. Every problem of a
 * customer is reported at once, as a {@link JsonInputException} whose diagnostics name the input, the
 * line and column and the field's JSON path ({@code answers.concern}, {@code messages[1]}).
 * {@link #writeCustomer(Customer)} writes a customer in this form, on one line, for a host to store or forward.
 *
 * <p><b>A decision</b> is written as one JSON object on one line by {@link #write(Decision)}, and read back —
 * equal to the decision written — by {@link #readDecision(String)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecisionJson {
    private static final String MESSAGES = "io.siyu.rules.decision.messages";
    /** What diagnostics name a customer document read on its own. */
    static final String DOCUMENT = "<customer>";
    private static final JsonFactory WRITER = JsonFactory.builder().build();

    static final List<String> FIELDS = List.of("id", "answers", "codes", "remark", "messages", "signals",
            "attributes", "stage", "funnelDay");
    private static final List<String> SIGNALS = List.of("replied", "silentHours", "clickedLink", "purchasedBefore",
            "touchesToday");

    private final Codebook codebook;
    private final Locale locale;
    // Read once: a reader per customer used to read both message files from the jar again, which took more
    // time than reading the customer (siyu decide, BENCHMARKS.md).
    private final Messages jsonMessages;
    private final Messages messages;

    private DecisionJson(Codebook codebook, Locale locale) {
        this.codebook = codebook;
        this.locale = locale;
        this.jsonMessages = JsonReader.jsonMessages(locale);
        this.messages = Messages.of(MESSAGES, locale);
    }

    private JsonReader reader(String file) {
        return new JsonReader(file, jsonMessages, messages);
    }

    /**
     * The JSON form for a pack with this codebook ({@code RulePack.json()} gives the pack's own).
     *
     * @param codebook the pack's codebook, used to read answers, codes and remarks; or <strong>null</strong>
     *                 when the pack has none (then a customer with answers, codes or a remark is an error)
     * @param locale   the language of the diagnostics about the JSON; those about answers, codes and remarks
     *                 are in the codebook's own locale
     * @return the JSON form
     * @throws NullPointerException when {@code locale} is null
     */
    public static DecisionJson of(Codebook codebook, Locale locale) {
        return new DecisionJson(codebook, Objects.requireNonNull(locale, "locale"));
    }

    /**
     * Reads one customer document — an HTTP request body, a file — of any number of lines.
     *
     * @param json one JSON object (see the class comment)
     * @return the customer
     * @throws JsonInputException listing every problem, each with the file {@code <customer>}, the line
     *                                and column within {@code json} and the field's JSON path
     * @throws NullPointerException   when {@code json} is null
     */
    public Customer readCustomer(String json) {
        Objects.requireNonNull(json, "json");
        JsonReader reader = reader(DOCUMENT);
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Customer> customer = reader.parse(json).flatMap(root -> read(reader, root, problems));
        problems.addAll(0, reader.diagnostics());
        if (!problems.isEmpty() || customer.isEmpty()) {
            String summary = reader.messages().format("customer.bad-document");
            throw new JsonInputException(summary, problems.isEmpty()
                    ? List.of(Diagnostic.error(DOCUMENT, 0, 0, "customer.bad-document", summary)) : problems);
        }
        return customer.get();
    }

    /**
     * Reads one customer from one line of a JSON-lines input (the input of {@code siyu decide}).
     *
     * @param source     the name of the input, for diagnostics (a file name or {@code <stdin>})
     * @param lineNumber the 1-based line of {@code json} in the input, or 0 when not known; diagnostics use it
     *                   as their line, with the column within {@code json}
     * @param json       one JSON object, on one line
     * @return the customer
     * @throws JsonInputException   listing every problem of the line, each with {@code source},
     *                                  {@code lineNumber}, column and field path
     * @throws NullPointerException     when {@code source} or {@code json} is null
     * @throws IllegalArgumentException when {@code lineNumber} is negative
     */
    public Customer readCustomer(String source, int lineNumber, String json) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
        // Checked up front: otherwise only a line with a problem would fail on it, and not with the
        // JsonInputException it has.
        if (lineNumber < 0) {
            throw new IllegalArgumentException("lineNumber must be >= 0, got " + lineNumber);
        }
        JsonReader reader = reader(source);
        List<Diagnostic> extra = new ArrayList<>();
        Optional<Customer> customer = reader.parse(json).flatMap(root -> read(reader, root, extra));
        List<Diagnostic> problems = new ArrayList<>();
        for (Diagnostic d : reader.diagnostics()) {
            problems.add(onLine(d, lineNumber));
        }
        for (Diagnostic d : extra) {
            problems.add(onLine(d, lineNumber));
        }
        if (!problems.isEmpty() || customer.isEmpty()) {
            throw new JsonInputException(reader.messages().format("customer.bad-line", source, lineNumber),
                    problems.isEmpty() ? List.of(Diagnostic.error(source, lineNumber, 0, "customer.bad-line",
                            reader.messages().format("customer.bad-line", source, lineNumber))) : problems);
        }
        return customer.get();
    }

    /** A diagnostic from a one-line JSON document, moved to its line in the input. */
    private static Diagnostic onLine(Diagnostic d, int lineNumber) {
        int column = d.line() <= 1 ? d.column() : 0;
        return new Diagnostic(d.file(), lineNumber, column, d.severity(), d.key(), d.path(), d.message());
    }

    private Optional<Customer> read(JsonReader reader, JsonValue root, List<Diagnostic> extra) {
        Optional<JsonReader.ObjectView> object = reader.object(root, FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonReader.ObjectView obj = object.get();
        Optional<String> id = obj.requiredText("id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Customer.Builder b = Customer.builder(id.get());
        tags(reader, obj, extra).ifPresent(b::tags);
        for (JsonValue m : obj.optionalArray("messages")) {
            if (m.kind() == JsonValue.Kind.STRING) {
                b.message(m.text());
            } else {
                reader.error(m, "customer.message-not-text");
            }
        }
        obj.get("signals").flatMap(v -> reader.object(v, SIGNALS)).ifPresent(s -> b
                .replied(s.bool("replied", false))
                .silentHours(s.integer("silentHours", 0, 0, 1_000_000))
                .clickedLink(s.bool("clickedLink", false))
                .purchasedBefore(s.bool("purchasedBefore", false))
                .touchesToday(s.integer("touchesToday", 0, 0, 10_000)));
        obj.get("attributes").flatMap(v -> reader.object(v, v.fields().keySet())).ifPresent(a -> {
            for (Map.Entry<String, JsonValue> e : a.value().fields().entrySet()) {
                JsonValue v = e.getValue();
                switch (v.kind()) {
                    case STRING, BOOLEAN -> b.attribute(e.getKey(), v.scalarValue());
                    case NUMBER -> b.attribute(e.getKey(), v.number());
                    case NULL -> { }
                    default -> reader.error(v, "customer.attribute-not-scalar", e.getKey());
                }
            }
        });
        int day = obj.integer("funnelDay", -1, -1, 10_000);
        obj.get("stage").flatMap(v -> stage(reader, v)).ifPresent(s -> b.funnel(s, day));
        return Optional.of(b.build());
    }

    private static Optional<Stage> stage(JsonReader reader, JsonValue value) {
        return reader.text(value).flatMap(name -> {
            for (Stage s : Stage.values()) {
                // Any case: funnel.json and the docs spell stages in lower case ("seeding"), Java in upper.
                if (s.name().equalsIgnoreCase(name)) {
                    return Optional.of(s);
                }
            }
            reader.error(value, "customer.unknown-stage", name,
                    String.join(", ", java.util.Arrays.stream(Stage.values()).map(Stage::name).toList()));
            return Optional.empty();
        });
    }

    private Optional<TagSet> tags(JsonReader reader, JsonReader.ObjectView obj, List<Diagnostic> extra) {
        List<JsonValue> sources = new ArrayList<>();
        for (String field : List.of("answers", "codes", "remark")) {
            obj.get(field).ifPresent(sources::add);
        }
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        if (sources.size() > 1) {
            reader.error(sources.get(1), "customer.several-tag-sources");
            return Optional.empty();
        }
        JsonValue source = sources.get(0);
        if (codebook == null) {
            reader.error(source, "customer.no-codebook");
            return Optional.empty();
        }
        try {
            return switch (source.path()) {
                case "answers" -> reader.object(source, source.fields().keySet())
                        .map(a -> codebook.encode(answers(a.value())));
                case "codes" -> reader.text(source).map(codebook::decode);
                default -> reader.text(source).map(codebook::readRemark);
            };
        } catch (CodebookException e) {
            for (Diagnostic d : e.diagnostics()) {
                String path = d.path().isEmpty() ? source.path() : d.path();
                JsonValue at = answerAt(source, path);
                // An answer to a question the codebook does not have: the question's name, the key, is wrong.
                boolean aboutKey = at != source && d.key().equals("codebook.unknown-question");
                extra.add(new Diagnostic(reader.file(), aboutKey ? at.keyLine() : at.line(),
                        aboutKey ? at.keyColumn() : at.column(), d.severity(), d.key(), path, d.message()));
            }
            return Optional.empty();
        }
    }

    /**
     * The value a codebook problem is about ({@code answers.concern}, {@code answers.problems[1]}), so that
     * the diagnostic points at it; the whole tag source when the path names nothing inside it.
     */
    private static JsonValue answerAt(JsonValue source, String path) {
        String prefix = source.path() + ".";
        if (!path.startsWith(prefix)) {
            return source;
        }
        String rest = path.substring(prefix.length());
        int bracket = rest.indexOf('[');
        JsonValue value = source.fields().get(bracket < 0 ? rest : rest.substring(0, bracket));
        if (value == null) {
            return source;
        }
        if (bracket >= 0 && rest.endsWith("]")) {
            try {
                int index = Integer.parseInt(rest.substring(bracket + 1, rest.length() - 1));
                return index < value.items().size() ? value.items().get(index) : value;
            } catch (NumberFormatException notAnIndex) {
                return value;
            }
        }
        return value;
    }

    /** The answers object as plain Java: option id, or a list of them. */
    private static Map<String, Object> answers(JsonValue answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : answers.fields().entrySet()) {
            JsonValue v = e.getValue();
            if (v.kind() == JsonValue.Kind.ARRAY) {
                List<Object> items = new ArrayList<>();
                for (JsonValue item : v.items()) {
                    items.add(item.scalarValue());
                }
                out.put(e.getKey(), items);
            } else {
                out.put(e.getKey(), v.scalarValue());
            }
        }
        return out;
    }

    /**
     * Writes a customer in the form {@link #readCustomer(String)} reads, as one line of JSON (no line break, so
     * it is also a line of {@code siyu decide}'s input), UTF-8 text as it is:
     * <pre>{@code
     * {"id":"c001","codes":"34DU1","messages":["这个多少钱？"],"signals":{"replied":true,"silentHours":2,
     *  "clickedLink":false,"purchasedBefore":false,"touchesToday":0},"attributes":{"city":"上海"},
     *  "stage":"SEEDING","funnelDay":3}
     * }</pre>
     * The fields come in this order, every time; the tags as their {@code codes} (left out when there are none),
     * attributes sorted by name. So equal customers give equal text, and reading what was written gives an
     * equal customer back when its tags were made by this codebook ({@code encode}, {@code decode},
     * {@code readRemark}) and its numeric attributes are {@link java.math.BigDecimal}s — other numbers
     * ({@code Integer}, {@code Long}, {@code Double}, ...) are written as numbers and read back as
     * {@code BigDecimal}s of the same value. The text holds the customer's personal data: treat it as such.
     *
     * @param customer the customer
     * @return the JSON object, on one line
     * @throws NullPointerException     when {@code customer} is null
     * @throws IllegalArgumentException when the customer could not be read back: it has tags and this form has
     *                                  no codebook, a signal or the funnel day is outside the range the reader
     *                                  accepts, or an attribute is not a text, a finite number or a boolean
     */
    public String writeCustomer(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        return CustomerJsonWriter.write(customer, codebook != null);
    }

    // ---------------------------------------------------------------- decisions

    /**
     * A decision as one line of JSON (no line break), UTF-8 text as it is (no {@code \\u} escapes but
     * those JSON requires):
     * <pre>{@code
     * {"id":"c1","action":"OFFER_PRODUCT","script":"acne.offer","variant":null,"text":"…","intent":"HOT",
     *  "score":70,"reasons":[{"points":40,"reason":"…","rule":"…"}],"firedRules":["…"],
     *  "vetoes":[{"action":"…","script":"…","reason":"…","rule":"…","proposal":{…}}],
     *  "losing":[{"action":"…","script":"…","priority":30,"reason":"…","rule":"…","sequence":2}],
     *  "packId":"gaozi","packVersion":"1.0.0",
     *  "winner":{"action":"OFFER_PRODUCT","script":"acne.offer","priority":90,"reason":"…","rule":"…","sequence":1},
     *  "persona":"小丸子","channel":"one_to_one","failure":null,
     *  "decisionId":"d-3f2a9c0b11d4e5f60718293a","decidedAt":"2026-11-23T02:00:00Z","arm":"TREATMENT",
     *  "counterfactual":null}
     * }</pre>
     * Every field is always present; {@code script}, {@code variant}, {@code winner}, {@code persona},
     * {@code channel}, {@code failure}, {@code decidedAt} and {@code counterfactual} may be {@code null} (see
     * {@code docs/decisions-json.md}). A held-out customer's decision has action {@code HOLDOUT}, arm
     * {@code HOLDOUT}, an empty text and the would-be winner, with its {@code "variant"}, in {@code counterfactual}. The text
     * may hold the customer's personal data: treat the JSON as such.
     *
     * @param decision the decision
     * @return the JSON object, on one line
     * @throws NullPointerException when {@code decision} is null
     */
    public String write(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", decision.customerId());
            g.writeStringField("action", decision.action());
            g.writeStringField("script", decision.scriptId().orElse(null));
            g.writeStringField("variant", decision.variantId().orElse(null));
            g.writeStringField("text", decision.text());
            g.writeStringField("intent", decision.intent().name());
            g.writeNumberField("score", decision.score());
            g.writeArrayFieldStart("reasons");
            for (Evidence e : decision.evidence()) {
                g.writeStartObject();
                g.writeNumberField("points", e.points());
                g.writeStringField("reason", e.reason());
                g.writeStringField("rule", e.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("firedRules");
            for (String rule : decision.firedRules()) {
                g.writeString(rule);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("vetoes");
            for (Veto v : decision.vetoed()) {
                g.writeStartObject();
                g.writeStringField("action", v.proposal().getAction());
                g.writeStringField("script", v.proposal().script().orElse(null));
                g.writeStringField("reason", v.reason());
                g.writeStringField("rule", v.rule());
                g.writeFieldName("proposal");
                writeProposal(g, v.proposal());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("losing");
            for (Proposal p : decision.losing()) {
                writeProposal(g, p);
            }
            g.writeEndArray();
            g.writeStringField("packId", decision.packId());
            g.writeStringField("packVersion", decision.packVersion());
            g.writeFieldName("winner");
            if (decision.winner().isPresent()) {
                writeProposal(g, decision.winner().get());
            } else {
                g.writeNull();
            }
            Optional<RenderedScript> script = decision.script();
            g.writeStringField("persona", script.map(RenderedScript::persona).orElse(null));
            g.writeStringField("channel", script.map(r -> r.channel().id()).orElse(null));
            g.writeStringField("failure", decision.failure().orElse(null));
            g.writeStringField("decisionId", decision.id());
            g.writeStringField("decidedAt", decision.decidedAt().map(Object::toString).orElse(null));
            g.writeStringField("arm", decision.arm().name());
            g.writeFieldName("counterfactual");
            if (decision.counterfactual().isPresent()) {
                Decision.Counterfactual c = decision.counterfactual().get();
                writeProposal(g, c.winner(), true, c.variantId().isEmpty() ? null : c.variantId());
            } else {
                g.writeNull();
            }
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException("cannot write a decision as JSON", e);
        }
        return out.toString();
    }

    private static void writeProposal(JsonGenerator g, Proposal p) throws IOException {
        writeProposal(g, p, false, null);
    }

    /** A proposal object; the counterfactual's has its script's {@code variant} too (null when none). */
    private static void writeProposal(JsonGenerator g, Proposal p, boolean withVariant, String variant)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("action", p.getAction());
        g.writeStringField("script", p.script().orElse(null));
        g.writeNumberField("priority", p.getPriority());
        g.writeStringField("reason", p.getReason());
        g.writeStringField("rule", p.getRule());
        g.writeNumberField("sequence", p.getSequence());
        if (withVariant) {
            g.writeStringField("variant", variant);
        }
        g.writeEndObject();
    }

    /**
     * Reads a decision written by {@link #write(Decision)} back: the result {@linkplain Decision#equals equals}
     * the decision written. A decision stored by an older version of the library, without the fields added
     * since ({@code winner}, {@code persona}, {@code channel}, {@code failure}, a proposal's {@code sequence}
     * and a veto's {@code proposal}), reads with those parts absent: no winner, hence action {@code NONE}
     * unless it failed — read such decisions for their other fields.
     *
     * @param json one JSON object, on one line or several
     * @return the decision
     * @throws JsonInputException listing every problem (a missing field, a wrong type, an unknown intent
     *                                level or channel), each with the file {@code <decision>}, the line and
     *                                column within {@code json} and the field's JSON path
     * @throws NullPointerException   when {@code json} is null
     */
    public Decision readDecision(String json) {
        Objects.requireNonNull(json, "json");
        JsonReader reader = reader(DECISION_DOCUMENT);
        Optional<Decision> decision = reader.parse(json).flatMap(root -> readDecision(reader, root));
        if (reader.hasErrors() || decision.isEmpty()) {
            String summary = reader.messages().format("decision.bad-document");
            List<Diagnostic> problems = reader.diagnostics();
            throw new JsonInputException(summary, problems.isEmpty()
                    ? List.of(Diagnostic.error(DECISION_DOCUMENT, 0, 0, "decision.bad-document", summary)) : problems);
        }
        return decision.get();
    }

    private static final String DECISION_DOCUMENT = "<decision>";
    private static final List<String> DECISION_FIELDS = List.of("id", "action", "script", "variant", "text", "intent",
            "score", "reasons", "firedRules", "vetoes", "losing", "packId", "packVersion", "winner", "persona",
            "channel", "failure", "decisionId", "decidedAt", "arm", "counterfactual", "line");
    private static final List<String> PROPOSAL_FIELDS = List.of("action", "script", "priority", "reason", "rule",
            "sequence");
    private static final List<String> VETO_FIELDS = List.of("action", "script", "reason", "rule", "proposal");

    private Optional<Decision> readDecision(JsonReader reader, JsonValue root) {
        Optional<JsonReader.ObjectView> object = reader.object(root, DECISION_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonReader.ObjectView o = object.get();
        Optional<String> id = rawText(reader, o, "id", true);
        Optional<String> packId = rawText(reader, o, "packId", true);
        Optional<String> packVersion = rawText(reader, o, "packVersion", true);
        IntentLevel intent = o.get("intent").flatMap(reader::text).flatMap(name -> level(reader, o, name))
                .orElse(IntentLevel.COLD);
        o.required("intent");
        int score = o.integer("score", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<Evidence> evidence = new ArrayList<>();
        for (JsonValue item : o.optionalArray("reasons")) {
            reader.object(item, List.of("points", "reason", "rule")).ifPresent(e -> {
                Optional<Integer> points = e.requiredInteger("points", Integer.MIN_VALUE, Integer.MAX_VALUE);
                Optional<String> reason = rawText(reader, e, "reason", true);
                Optional<String> rule = rawText(reader, e, "rule", true);
                if (points.isPresent() && reason.isPresent() && rule.isPresent()) {
                    evidence.add(new Evidence(points.get(), reason.get(), rule.get()));
                }
            });
        }
        List<String> fired = new ArrayList<>();
        for (JsonValue item : o.optionalArray("firedRules")) {
            if (item.kind() == JsonValue.Kind.STRING) {
                fired.add(item.text());
            } else {
                reader.text(item);
            }
        }
        List<Veto> vetoes = new ArrayList<>();
        for (JsonValue item : o.optionalArray("vetoes")) {
            reader.object(item, VETO_FIELDS).ifPresent(v -> {
                Optional<String> reason = rawText(reader, v, "reason", true);
                Optional<String> rule = rawText(reader, v, "rule", true);
                // Without "proposal" (written before it was added): the vetoed action and script only.
                Optional<Proposal> proposal = v.get("proposal").isPresent()
                        ? v.get("proposal").flatMap(p -> proposal(reader, p))
                        : rawText(reader, v, "action", true).map(action -> new Proposal(action,
                        rawText(reader, v, "script", false).orElse(""), 0, "", "", 0));
                if (reason.isPresent() && rule.isPresent() && proposal.isPresent()) {
                    vetoes.add(new Veto(proposal.get(), reason.get(), rule.get()));
                }
            });
        }
        List<Proposal> losing = new ArrayList<>();
        for (JsonValue item : o.optionalArray("losing")) {
            proposal(reader, item).ifPresent(losing::add);
        }
        Optional<Proposal> winner = o.get("winner").flatMap(p -> proposal(reader, p));
        Optional<String> failure = rawText(reader, o, "failure", false);
        Optional<java.time.Instant> decidedAt = rawText(reader, o, "decidedAt", false).flatMap(t -> {
            try {
                return Optional.of(java.time.Instant.parse(t));
            } catch (java.time.format.DateTimeParseException e) {
                reader.error(o.get("decidedAt").get(), "decision.bad-moment", t);
                return Optional.empty();
            }
        });
        rawText(reader, o, "decisionId", false); // derived from the rest: read for its type only
        boolean heldOut = rawText(reader, o, "arm", false).map(arm -> {
            if (!arm.equals("TREATMENT") && !arm.equals("HOLDOUT")) {
                reader.error(o.get("arm").get(), "decision.unknown-arm", arm);
            }
            return arm.equals("HOLDOUT");
        }).orElse(false);
        Optional<JsonValue> counterfactualValue = o.get("counterfactual");
        Optional<Proposal> counterfactual = counterfactualValue.flatMap(p -> proposal(reader, p, COUNTERFACTUAL_FIELDS));
        // The variant was checked (a text or null) with the proposal's other fields.
        String counterfactualVariant = counterfactualValue.map(v -> v.fields().get("variant"))
                .filter(v -> v.kind() == JsonValue.Kind.STRING).map(JsonValue::text).orElse("");
        String text = rawText(reader, o, "text", false).orElse("");
        Optional<String> variant = rawText(reader, o, "variant", false);
        Optional<String> persona = rawText(reader, o, "persona", false);
        Optional<Script.Channel> channel = o.get("channel").flatMap(reader::text).flatMap(c -> {
            Optional<Script.Channel> known = Script.Channel.fromId(c);
            if (known.isEmpty()) {
                reader.error(o.get("channel").get(), "decision.unknown-channel", c);
            }
            return known;
        });
        if (reader.hasErrors() || id.isEmpty() || packId.isEmpty() || packVersion.isEmpty()) {
            return Optional.empty();
        }
        Decision.Builder b = Decision.builder(id.get(), packId.get(), packVersion.get())
                .intent(intent, score, evidence).firedRules(fired).vetoed(vetoes).losing(losing);
        failure.ifPresent(b::failure);
        decidedAt.ifPresent(b::decidedAt);
        if (heldOut) {
            b.holdout(counterfactual.orElse(null), counterfactualVariant);
        }
        winner.ifPresent(w -> {
            b.winner(w);
            if (persona.isPresent() && channel.isPresent()) {
                b.script(new RenderedScript(w.getScriptId(), variant.orElse(""), text, persona.get(), channel.get()));
            }
        });
        return Optional.of(b.build());
    }

    private static Optional<IntentLevel> level(JsonReader reader, JsonReader.ObjectView o, String name) {
        for (IntentLevel level : IntentLevel.values()) {
            if (level.name().equals(name)) {
                return Optional.of(level);
            }
        }
        reader.error(o.get("intent").get(), "decision.unknown-intent", name);
        return Optional.empty();
    }

    private static final List<String> COUNTERFACTUAL_FIELDS = List.of("action", "script", "priority", "reason",
            "rule", "sequence", "variant");

    private static Optional<Proposal> proposal(JsonReader reader, JsonValue value) {
        return proposal(reader, value, PROPOSAL_FIELDS);
    }

    private static Optional<Proposal> proposal(JsonReader reader, JsonValue value, List<String> fields) {
        return reader.object(value, fields).flatMap(p -> {
            Optional<String> action = rawText(reader, p, "action", true);
            String script = rawText(reader, p, "script", false).orElse("");
            Optional<Integer> priority = p.requiredInteger("priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
            Optional<String> reason = rawText(reader, p, "reason", true);
            Optional<String> rule = rawText(reader, p, "rule", true);
            int sequence = p.integer("sequence", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (fields == COUNTERFACTUAL_FIELDS) {
                rawText(reader, p, "variant", false);
            }
            if (action.isEmpty() || priority.isEmpty() || reason.isEmpty() || rule.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Proposal(action.get(), script, priority.get(), reason.get(), rule.get(), sequence));
        });
    }

    /** A text field that may be empty (a rule may give an empty reason); absent or null is empty. */
    private static Optional<String> rawText(JsonReader reader, JsonReader.ObjectView o, String name,
                                            boolean required) {
        if (required) {
            o.required(name);
        }
        return o.optionalRawText(name);
    }
}
