package io.siyu.rules.funnel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.json.JsonReader;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads and writes journeys, events, journals (lists of events) and reports as JSON, so that a host
 * CRM can store them. Moments are ISO-8601 strings ({@code "2026-11-23T01:30:00Z"}), dates
 * {@code "2026-11-23"}, tag sets lists of {@code {"questionId", "optionId", "code"}}, and events carry
 * a {@code "type"} property ({@code "Added"}, {@code "Purchased"}, ...). The format is documented in
 * {@code docs/funnel.md}. Absent values (a journey's start date before day 0, its first purchase ...)
 * are written as JSON {@code null}.
 *
 * <p>Immutable and thread-safe: create one and share it.
 */
public final class FunnelJson {
    private static final TypeReference<List<FunnelEvent>> JOURNAL = new TypeReference<>() { };
    private static final String UNREADABLE = "funnel.json-unreadable";
    private static final java.util.regex.Pattern MISSING_PROPERTY =
            java.util.regex.Pattern.compile("Missing required creator property '([^']*)'");
    /** What was read, as the messages' {@code {0,choice,...}} tells them apart. */
    private static final int EVENT = 0;
    private static final int JOURNAL_TEXT = 1;
    private static final int JOURNEY = 2;

    private final ObjectMapper mapper;
    /**
     * The message files of event-line readers, read once per locale: reading them (from the jar) cost more
     * than an event, which made a long list of events slow to read.
     */
    private final Map<Locale, Messages[]> lineMessages = new ConcurrentHashMap<>();

    private FunnelJson() {
        SimpleModule time = new SimpleModule("siyu-funnel")
                .addSerializer(Instant.class, toText(Instant::toString))
                .addDeserializer(Instant.class, fromText(Instant::parse))
                .addSerializer(LocalDate.class, toText(LocalDate::toString))
                .addDeserializer(LocalDate.class, fromText(LocalDate::parse))
                .addSerializer(TagSet.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(TagSet tags, JsonGenerator out, SerializerProvider provider)
                            throws IOException {
                        provider.defaultSerializeValue(tags.tags(), out);
                    }
                })
                .addDeserializer(TagSet.class, new JsonDeserializer<>() {
                    @Override
                    public TagSet deserialize(JsonParser in, DeserializationContext context) throws IOException {
                        List<Tag> tags = context.readValue(in,
                                context.getTypeFactory().constructCollectionType(List.class, Tag.class));
                        return TagSet.of(tags);
                    }
                });
        this.mapper = JsonMapper.builder()
                .addModule(time)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
    }

    /**
     * A new codec. Creating one sets up a JSON mapper: share it rather than create one per call.
     *
     * @return the codec
     */
    public static FunnelJson create() {
        return new FunnelJson();
    }

    private static <T> JsonSerializer<T> toText(Function<T, String> format) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> fromText(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String text = in.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (DateTimeException e) {
                    // An InvalidFormatException keeps the text, which the message then quotes (shortened).
                    throw context.weirdStringException(text, context.getContextualType() == null ? Instant.class
                            : context.getContextualType().getRawClass(), "not an ISO-8601 date or time");
                }
            }
        };
    }

    /** The stored form of a journey: moments as ISO-8601 instants rather than epoch milliseconds. */
    private record StoredJourney(String customerId, Stage stage, TagSet cohort, String groupId, LocalDate startDate,
                                 @JsonAlias("day") int stageDay, int purchases, long revenueFen,
                                 Instant firstPurchaseAt, Instant firstRepurchaseAt, Stage convertedIn, Stage leftIn,
                                 String lastEventId, Instant lastEventAt) {

        static StoredJourney of(Journey j) {
            return new StoredJourney(j.customerId(), j.stage(), j.cohort(), j.groupId(), j.startDate(), j.stageDay(),
                    j.purchases(), j.revenueFen(), j.firstPurchaseAt().orElse(null),
                    j.firstRepurchaseAt().orElse(null), j.convertedIn(), j.leftIn(), j.lastEventId(),
                    j.lastEventAt().orElse(null));
        }

        Journey journey() {
            return new Journey(customerId, stage, cohort == null ? TagSet.none() : cohort,
                    groupId == null ? "" : groupId, startDate, stageDay, purchases, revenueFen, millis(firstPurchaseAt),
                    millis(firstRepurchaseAt), convertedIn, leftIn, lastEventId, millis(lastEventAt));
        }

        private static long millis(Instant instant) {
            return instant == null ? Journey.NONE : instant.toEpochMilli();
        }
    }

    /**
     * A journey as JSON, with its moments as ISO-8601 instants ({@code firstPurchaseAt} ...) rather than
     * epoch milliseconds.
     *
     * @param journey the journey
     * @return one JSON object, on one line
     * @throws NullPointerException when {@code journey} is null
     */
    public String write(Journey journey) {
        return write(StoredJourney.of(Objects.requireNonNull(journey, "journey")));
    }

    /**
     * An event as JSON, with its {@code "type"}.
     *
     * @param event the event
     * @return one JSON object, on one line
     * @throws NullPointerException when {@code event} is null
     */
    public String write(FunnelEvent event) {
        Objects.requireNonNull(event, "event");
        return writeAs(event, FunnelEvent.class);
    }

    /**
     * A journal (events in order) as a JSON list.
     *
     * @param journal the events, in order; may be empty
     * @return one JSON array of event objects, in the same order, on one line
     * @throws NullPointerException when {@code journal} or one of its events is null
     */
    public String writeJournal(List<? extends FunnelEvent> journal) {
        Objects.requireNonNull(journal, "journal");
        for (FunnelEvent event : journal) {
            // A null would be written as JSON null, which no journal reader accepts.
            Objects.requireNonNull(event, "journal event");
        }
        try {
            return mapper.writerFor(JOURNAL).writeValueAsString(journal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal as JSON", e);
        }
    }

    /**
     * A report as JSON, rates included ({@link FunnelCounts#cumulativeRate()} ...).
     *
     * @param report the report
     * @return one JSON object, on one line
     * @throws NullPointerException when {@code report} is null
     */
    public String write(FunnelReport report) {
        return write((Object) Objects.requireNonNull(report, "report"));
    }

    /**
     * Reads a journey written by {@link #write(Journey)} (also one that stores {@code stageDay} under its
     * older name {@code day}).
     *
     * @param json one JSON object
     * @return the journey
     * @throws NullPointerException when {@code json} is null
     * @throws FunnelException      when the text is not a stored journey (not JSON, a missing or mistyped
     *                              field, or values no journey can have), with key
     *                              {@code funnel.json-unreadable}
     */
    public Journey readJourney(String json) {
        StoredJourney stored = read(json, JOURNEY, StoredJourney.class);
        try {
            return stored.journey();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The journey's own invariants (a customer id, a start date after NEW ...) refuse the stored
            // values: bad data from the store, reported like any other unreadable journey.
            throw new FunnelException("funnel.json-unreadable", e, JOURNEY, e.getMessage());
        }
    }

    /**
     * Reads an event written by {@link #write(FunnelEvent)}.
     *
     * @param json one JSON object with a {@code "type"}
     * @return the event
     * @throws NullPointerException when {@code json} is null
     * @throws FunnelException      when the text is not a stored event (not JSON, JSON {@code null}, an
     *                              unknown type, a missing or mistyped field, a negative amount), with key
     *                              {@code funnel.json-unreadable}
     */
    public FunnelEvent readEvent(String json) {
        return read(json, EVENT, FunnelEvent.class);
    }

    /**
     * Reads one event that a person or a CRM wrote: a line of a JSON-lines input such as {@code siyu funnel
     * record}'s. Unlike {@link #readEvent(String)} (for stored events), every problem is a typed diagnostic in
     * {@code locale}, as customer lines get them: an unknown field (with the allowed ones), a missing field, an
     * unknown {@code "type"} (with the types), a value of the wrong type, a timestamp that is not ISO-8601, a
     * negative amount. With a codebook, every tag of a {@code Surveyed} event must name one of its questions and
     * one of that question's options, with that option's code. Comments and trailing commas are accepted as in
     * customer lines.
     *
     * @param source     the name of the input, for diagnostics (a file name or {@code <stdin>})
     * @param lineNumber the 1-based line of {@code json} in the input, or 0 when not known
     * @param json       one JSON object, usually on one line; when it spans several, its line {@code n} is the
     *                   input's line {@code lineNumber + n - 1} in the diagnostics
     * @param codebook   the pack's codebook, to check tags against; null when there is none (tags are then
     *                   taken as written)
     * @param locale     the language of the diagnostics (English or Simplified Chinese)
     * @return the event
     * @throws EventLineException       listing every problem of the line, each with {@code source},
     *                                  {@code lineNumber}, column and field path; nothing is read
     * @throws NullPointerException     when {@code source}, {@code json} or {@code locale} is null
     * @throws IllegalArgumentException when {@code lineNumber} is negative
     */
    public FunnelEvent readEventLine(String source, int lineNumber, String json, Codebook codebook, Locale locale) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(locale, "locale");
        if (lineNumber < 0) {
            throw new IllegalArgumentException("lineNumber must be >= 0, got " + lineNumber);
        }
        Messages[] messages = lineMessages.computeIfAbsent(locale, l -> new Messages[] {
                JsonReader.jsonMessages(l), Messages.of(FunnelConfig.BUNDLE, l)});
        return EventLines.read(new JsonReader(source, messages[0], messages[1]), lineNumber, json, codebook);
    }

    /**
     * An event line that cannot be read ({@link #readEventLine}), with every problem found in it. A
     * {@link FunnelException} (key {@code funnel.event.bad-line}) so that a caller handling funnel problems
     * handles it too; {@link #diagnostics()} gives each problem with its line, column and field path, worded in
     * the locale the line was read with. Not changed after it is made; safe to hand to another thread.
     */
    public static final class EventLineException extends FunnelException {
        private static final long serialVersionUID = 1L;

        /** Diagnostics are immutable records of strings and numbers. */
        private final List<Diagnostic> diagnostics;

        EventLineException(String source, int lineNumber, List<Diagnostic> diagnostics) {
            super("funnel.event.bad-line", source, lineNumber, diagnostics.stream().map(Diagnostic::format)
                    .collect(java.util.stream.Collectors.joining("; ")));
            this.diagnostics = List.copyOf(diagnostics);
        }

        /**
         * Every problem of the line, in reading order.
         *
         * @return the diagnostics; not empty; unmodifiable
         */
        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /**
     * Reads a journal written by {@link #writeJournal}.
     *
     * @param json one JSON array of event objects
     * @return the events in the order they are written; unmodifiable, empty for {@code []}
     * @throws NullPointerException when {@code json} is null
     * @throws FunnelException      when the text is not a list of stored events (JSON {@code null} and
     *                              {@code null} elements included), with key {@code funnel.json-unreadable}
     */
    public List<FunnelEvent> readJournal(String json) {
        Objects.requireNonNull(json, "json");
        List<FunnelEvent> events;
        try {
            events = mapper.readValue(json, JOURNAL);
        } catch (JsonProcessingException e) {
            throw unreadable(JOURNAL_TEXT, e);
        }
        if (events == null) {
            throw new FunnelException(UNREADABLE, UNREADABLE + ".null", null, JOURNAL_TEXT);
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new FunnelException(UNREADABLE, UNREADABLE + ".null-event", null, JOURNAL_TEXT,
                        String.valueOf(i));
            }
        }
        return List.copyOf(events);
    }

    private String write(Object value) {
        return writeAs(value, value.getClass());
    }

    private String writeAs(Object value, Class<?> type) {
        try {
            return mapper.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Every written type is ours and serialisable: this is a bug, not bad input.
            throw new IllegalStateException("cannot write " + type.getSimpleName() + " as JSON", e);
        }
    }

    /** Reads one value; JSON {@code null} (which Jackson reads as a null value) is unreadable too. */
    private <T> T read(String json, int what, Class<T> type) {
        Objects.requireNonNull(json, "json");
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(what, e);
        }
        if (value == null) {
            throw new FunnelException(UNREADABLE, UNREADABLE + ".null", null, what);
        }
        return value;
    }

    /**
     * Jackson's complaint about stored JSON said in our words, in English and Chinese: Jackson's sentences name
     * Java classes ({@code io.siyu.rules.funnel.FunnelEvent$Purchased}) and its own terms (type ids, creator
     * properties), which mean nothing to the person who has to fix the data. The key stays
     * {@code funnel.json-unreadable}; the wording says where (line, column, field) and what is wrong. Jackson's
     * exception is kept as the cause, for a developer.
     */
    private static FunnelException unreadable(int what, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String line = String.valueOf(at == null ? 0 : Math.max(at.getLineNr(), 0));
        String column = String.valueOf(at == null ? 0 : Math.max(at.getColumnNr(), 0));
        String path = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null || t.getTypeId().isEmpty()
                    ? new FunnelException(UNREADABLE, UNREADABLE + ".no-type", e, what, line, column,
                            EventLines.typeNames())
                    : new FunnelException(UNREADABLE, UNREADABLE + ".unknown-type", e, what, line, column,
                            JsonReader.excerpt(t.getTypeId()), EventLines.typeNames());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new FunnelException(UNREADABLE, UNREADABLE + ".unknown-field", e, what, line, column,
                    JsonReader.excerpt(u.getPropertyName()), String.join(", ", known));
        }
        if (e instanceof InvalidFormatException f && !path.isEmpty() && f.getValue() instanceof String
                && (f.getTargetType() == Instant.class || f.getTargetType() == LocalDate.class)) {
            return new FunnelException(UNREADABLE, UNREADABLE + ".bad-value", e, what, line, column, path,
                    JsonReader.excerpt(String.valueOf(f.getValue())));
        }
        if (e instanceof ValueInstantiationException) {
            return new FunnelException(UNREADABLE, UNREADABLE + ".impossible", e, what, line, column);
        }
        java.util.regex.Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof MismatchedInputException && missing.find()) {
            // Jackson names a missing field only in its sentence (the path ends at the object).
            return new FunnelException(UNREADABLE, UNREADABLE + ".missing", e, what, line, column,
                    JsonReader.excerpt(missing.group(1)));
        }
        if (e instanceof MismatchedInputException) {
            return path.isEmpty() || path.matches("\\[\\d+]")
                    ? new FunnelException(UNREADABLE, UNREADABLE + ".shape", e, what, line, column)
                    : new FunnelException(UNREADABLE, UNREADABLE + ".field", e, what, line, column, path);
        }
        if (e instanceof StreamReadException) {
            return new FunnelException(UNREADABLE, UNREADABLE + ".syntax", e, what, line, column);
        }
        return new FunnelException(UNREADABLE, UNREADABLE + ".other", e, what, line, column);
    }

    /** Where Jackson was, as a field path: {@code [3].amountFen}, {@code tags[0].code}; empty at the top. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(JsonReader.excerpt(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
