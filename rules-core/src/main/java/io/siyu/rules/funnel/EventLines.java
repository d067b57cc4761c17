package io.siyu.rules.funnel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Question;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one event a person or a CRM wrote (a line of {@code siyu funnel record}'s input) with the same reader
 * and the same typed diagnostics as customer lines ({@link JsonReader}: line, column, field path, in the user's
 * language): an unknown field with the allowed ones, a missing field, an unknown type with the types, a wrong
 * type; and, when a codebook is known, every tag against it. Stateless; a new {@link JsonReader} per line
 * (its message files read once by the caller).
 */
final class EventLines {
    /** The {@code "type"} of each kind of event, as {@link FunnelEvent}'s JSON names them, in that order. */
    private static final Map<String, Class<?>> TYPES = types();
    private static final List<String> TAG_FIELDS = List.of("questionId", "optionId", "code");

    private EventLines() {
    }

    /** The kinds of event ({@code "type"}s), comma-separated, for messages. */
    static String typeNames() {
        return String.join(", ", TYPES.keySet());
    }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (JsonSubTypes.Type t : FunnelEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            out.put(t.name(), t.value());
        }
        return out;
    }

    /** The fields an event of this kind has: its record's components, and {@code "type"}. */
    private static List<String> fields(Class<?> type) {
        List<String> out = new ArrayList<>(List.of("type"));
        Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).forEach(out::add);
        return out;
    }

    /**
     * Reads one event with a new reader (made with the funnel's messages: {@link FunnelConfig#BUNDLE}).
     */
    static FunnelEvent read(JsonReader reader, int lineNumber, String json, Codebook codebook) {
        String source = reader.file();
        Optional<FunnelEvent> event = reader.parse(json).flatMap(root -> event(reader, root, codebook));
        if (event.isPresent() && !reader.hasErrors()) {
            return event.get();
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (Diagnostic d : reader.diagnostics()) {
            // The document's line 1 is the input's line lineNumber; a document of several lines (an HTTP body)
            // keeps its later lines' columns. With no line known, a column on a later line would mislead.
            boolean known = lineNumber > 0 || d.line() <= 1;
            problems.add(new Diagnostic(d.file(), d.line() <= 1 || lineNumber == 0 ? lineNumber
                    : lineNumber + d.line() - 1, known ? d.column() : 0, d.severity(), d.key(), d.path(), d.message()));
        }
        if (problems.isEmpty()) {
            problems.add(Diagnostic.error(source, lineNumber, 0, "funnel.event.bad-line",
                    reader.messages().format("funnel.event.bad-line", source, lineNumber)));
        }
        throw new FunnelJson.EventLineException(source, lineNumber, problems);
    }

    private static Optional<FunnelEvent> event(JsonReader reader, JsonValue root, Codebook codebook) {
        if (root.kind() != JsonValue.Kind.OBJECT) {
            reader.object(root, List.of()); // reports that the line is not an object
            return Optional.empty();
        }
        JsonValue typeValue = root.fields().get("type");
        String types = String.join(", ", TYPES.keySet());
        if (typeValue == null || typeValue.isNull()) {
            reader.error(root, "funnel.event.no-type", types);
            return Optional.empty();
        }
        Optional<String> typeName = reader.text(typeValue);
        if (typeName.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = TYPES.get(typeName.get());
        if (type == null) {
            reader.error(typeValue, "funnel.event.unknown-type", typeName.get(), types);
            return Optional.empty();
        }
        Optional<JsonReader.ObjectView> object = reader.object(root, fields(type));
        if (object.isEmpty()) {
            return Optional.empty();
        }
        JsonReader.ObjectView o = object.get();
        Optional<String> eventId = o.requiredText("eventId");
        Optional<String> customerId = o.requiredText("customerId");
        Optional<Instant> timestamp = o.requiredText("timestamp").flatMap(t -> instant(reader, o, t));
        Optional<FunnelEvent> made = switch (typeName.get()) {
            case "Surveyed" -> tags(reader, o, codebook).map(tags -> new FunnelEvent.Surveyed(
                    eventId.orElse(""), customerId.orElse(""), timestamp.orElse(Instant.EPOCH), tags));
            case "Purchased" -> amount(reader, o).map(fen -> new FunnelEvent.Purchased(
                    eventId.orElse(""), customerId.orElse(""), timestamp.orElse(Instant.EPOCH), fen));
            case "Sent" -> {
                Optional<String> decisionId = o.requiredText("decisionId");
                Optional<String> scriptId = o.requiredText("scriptId");
                String variant = o.optionalRawText("variant").orElse("");
                yield decisionId.isEmpty() || scriptId.isEmpty() ? Optional.empty()
                        : Optional.of(new FunnelEvent.Sent(eventId.orElse(""), customerId.orElse(""),
                        timestamp.orElse(Instant.EPOCH), decisionId.get(), scriptId.get(), variant));
            }
            case "Added" -> Optional.of(new FunnelEvent.Added(eventId.orElse(""), customerId.orElse(""),
                    timestamp.orElse(Instant.EPOCH)));
            case "MessageReceived" -> Optional.of(new FunnelEvent.MessageReceived(eventId.orElse(""),
                    customerId.orElse(""), timestamp.orElse(Instant.EPOCH)));
            case "LeftGroup" -> Optional.of(new FunnelEvent.LeftGroup(eventId.orElse(""), customerId.orElse(""),
                    timestamp.orElse(Instant.EPOCH)));
            case "OptedOut" -> Optional.of(new FunnelEvent.OptedOut(eventId.orElse(""), customerId.orElse(""),
                    timestamp.orElse(Instant.EPOCH)));
            case "Blocked" -> Optional.of(new FunnelEvent.Blocked(eventId.orElse(""), customerId.orElse(""),
                    timestamp.orElse(Instant.EPOCH)));
            default -> throw new IllegalStateException("a type of FunnelEvent without a reader: " + typeName.get());
        };
        if (eventId.isEmpty() || customerId.isEmpty() || timestamp.isEmpty()) {
            return Optional.empty();
        }
        return made;
    }

    private static Optional<Instant> instant(JsonReader reader, JsonReader.ObjectView o, String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeException e) {
            // The reason is in the diagnostic; the exception only repeats the text.
            reader.error(o.get("timestamp").orElseThrow(), "funnel.event.bad-timestamp", text);
            return Optional.empty();
        }
    }

    private static Optional<Long> amount(JsonReader reader, JsonReader.ObjectView o) {
        Optional<JsonValue> value = o.required("amountFen");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonValue v = value.get();
        String shown = v.kind() == JsonValue.Kind.NUMBER ? JsonReader.excerptNumber(v)
                : v.kind() == JsonValue.Kind.STRING ? "\"" + JsonReader.excerpt(v.text()) + "\""
                : v.kind().name().toLowerCase(Locale.ROOT);
        if (v.kind() != JsonValue.Kind.NUMBER || v.number().stripTrailingZeros().scale() > 0
                || v.number().signum() < 0
                || v.number().compareTo(BigDecimal.valueOf(FunnelEvent.Purchased.MAX_AMOUNT_FEN)) > 0) {
            reader.error(v, "funnel.event.bad-amount", shown);
            return Optional.empty();
        }
        return Optional.of(v.number().longValueExact());
    }

    private static Optional<TagSet> tags(JsonReader reader, JsonReader.ObjectView o, Codebook codebook) {
        Optional<List<JsonValue>> items = o.requiredArray("tags");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Tag> tags = new ArrayList<>();
        boolean ok = true;
        for (JsonValue item : items.get()) {
            Optional<Tag> tag = reader.object(item, TAG_FIELDS).flatMap(t -> {
                Optional<String> q = t.requiredText("questionId");
                Optional<String> option = t.requiredText("optionId");
                Optional<String> code = t.requiredText("code");
                if (q.isEmpty() || option.isEmpty() || code.isEmpty()) {
                    return Optional.empty();
                }
                return codebook == null || known(reader, t, codebook, q.get(), option.get(), code.get())
                        ? Optional.of(new Tag(q.get(), option.get(), code.get())) : Optional.empty();
            });
            ok &= tag.isPresent();
            tag.ifPresent(tags::add);
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(TagSet.of(tags));
    }

    /** Whether a tag names a question and an option of the codebook, with the option's own code; else reports. */
    private static boolean known(JsonReader reader, JsonReader.ObjectView tag, Codebook codebook, String questionId,
                                 String optionId, String code) {
        Optional<Question> question = codebook.question(questionId);
        if (question.isEmpty()) {
            reader.error(tag.get("questionId").orElseThrow(), "funnel.event.unknown-question", questionId,
                    codebook.fileName(), String.join(", ", codebook.questions().stream().map(Question::id).toList()));
            return false;
        }
        Optional<Question.Option> option = question.get().option(optionId);
        if (option.isEmpty()) {
            reader.error(tag.get("optionId").orElseThrow(), "funnel.event.unknown-option", questionId, optionId,
                    String.join(", ", question.get().options().stream().map(Question.Option::id).toList()));
            return false;
        }
        if (!option.get().code().equals(code)) {
            reader.error(tag.get("code").orElseThrow(), "funnel.event.wrong-code", questionId, optionId,
                    option.get().code(), code);
            return false;
        }
        return true;
    }
}
