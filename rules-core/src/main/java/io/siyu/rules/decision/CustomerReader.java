package io.siyu.rules.decision;

import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Stage;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads customers from JSON, one object per line (the input of {@code siyu decide} and of the demo):
 * <pre>{@code
 * {"id": "c001", "answers": {"problems": ["acne", "closed"], "concern": "acne", "urgency": "now"},
 *  "messages": ["这个多少钱？"], "signals": {"replied": true, "silentHours": 2, "clickedLink": false,
 *  "purchasedBefore": false, "touchesToday": 0}, "attributes": {"nickname": "小美", "city": "上海"}}
 * }</pre>
 * The tags come from exactly one of {@code answers} (encoded with the codebook), {@code codes}
 * (decoded, e.g. {@code "34DU1"}) or {@code remark} (the codes read out of a staff remark such as
 * {@code "王女士 34DU1"}); none of them means a customer with no tags yet. {@code stage} (a {@code Stage}
 * name such as {@code SEEDING}) and {@code funnelDay} ({@code -1} to {@code 10000}) give the funnel
 * position; {@code funnelDay} without {@code stage} is ignored. Signals missing from {@code signals} are
 * false or 0 ({@code silentHours} up to {@code 1000000}, {@code touchesToday} up to {@code 10000}).
 * Attribute values must be strings, numbers (kept as {@link java.math.BigDecimal}) or booleans; a
 * {@code null} attribute is left out. Fields not listed here are errors.
 *
 * <p>Every problem of a line is reported at once, as a {@link CustomerInputException} whose diagnostics
 * name the source, the line number, the column and the field. Immutable and thread-safe.
 */
public final class CustomerReader {
    private static final String MESSAGES = "io.siyu.rules.decision.messages";

    static final List<String> FIELDS = List.of("id", "answers", "codes", "remark", "messages", "signals",
            "attributes", "stage", "funnelDay");
    private static final List<String> SIGNALS = List.of("replied", "silentHours", "clickedLink", "purchasedBefore",
            "touchesToday");

    private final Codebook codebook;
    private final Locale locale;

    private CustomerReader(Codebook codebook, Locale locale) {
        this.codebook = codebook;
        this.locale = locale;
    }

    /**
     * A reader that encodes answers, codes and remarks with this codebook.
     *
     * @param codebook the pack's codebook, or <strong>null</strong> when the pack has none (then a line with
     *                 answers, codes or a remark is an error)
     * @param locale   the language of the diagnostics about the JSON; those about answers, codes and remarks
     *                 are in the codebook's own locale
     * @return the reader
     * @throws NullPointerException when {@code locale} is null
     */
    public static CustomerReader of(Codebook codebook, Locale locale) {
        return new CustomerReader(codebook, Objects.requireNonNull(locale, "locale"));
    }

    /**
     * Reads one customer.
     *
     * @param source     the name of the input, for diagnostics (a file name or {@code <stdin>})
     * @param lineNumber the 1-based line of {@code json} in the input, or 0 when not known; diagnostics use it
     *                   as their line, with the column within {@code json}
     * @param json       one JSON object
     * @return the customer
     * @throws CustomerInputException   listing every problem of the line, each with {@code source},
     *                                  {@code lineNumber}, column and field path
     * @throws NullPointerException     when {@code source} or {@code json} is null
     * @throws IllegalArgumentException when {@code lineNumber} is negative
     */
    public Customer read(String source, int lineNumber, String json) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
        // Checked up front: otherwise only a line with a problem would fail on it, and not with the
        // CustomerInputException it has.
        if (lineNumber < 0) {
            throw new IllegalArgumentException("lineNumber must be >= 0, got " + lineNumber);
        }
        JsonReader reader = new JsonReader(source, MESSAGES, locale);
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
            throw new CustomerInputException(reader.messages().format("customer.bad-line", source, lineNumber),
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
                if (s.name().equals(name)) {
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
}
