package io.siyu.rules.funnel;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads and writes journeys, events, journals (lists of events) and reports as JSON, so that a host
 * CRM can store them. Moments are ISO-8601 strings ({@code "2026-11-23T01:30:00Z"}), dates
 * {@code "2026-11-23"}, tag sets lists of {@code {"questionId", "optionId", "code"}}, and events carry
 * a {@code "type"} property ({@code "Added"}, {@code "Purchased"}, ...). The format is documented in
 * {@code docs/funnel.md}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FunnelJson {
    private static final TypeReference<List<FunnelEvent>> JOURNAL = new TypeReference<>() { };

    private final ObjectMapper mapper;

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

    /** The codec. */
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
                    return context.reportInputMismatch(Object.class, "not an ISO-8601 date or time: %s", text);
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

    /** A journey as JSON. */
    public String write(Journey journey) {
        return write(StoredJourney.of(Objects.requireNonNull(journey, "journey")));
    }

    /** An event as JSON, with its {@code "type"}. */
    public String write(FunnelEvent event) {
        Objects.requireNonNull(event, "event");
        return writeAs(event, FunnelEvent.class);
    }

    /** A journal (events in order) as a JSON list. */
    public String writeJournal(List<? extends FunnelEvent> journal) {
        Objects.requireNonNull(journal, "journal");
        try {
            return mapper.writerFor(JOURNAL).writeValueAsString(journal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal as JSON", e);
        }
    }

    /** A report as JSON, rates included. */
    public String write(FunnelReport report) {
        return write((Object) Objects.requireNonNull(report, "report"));
    }

    /**
     * Reads a journey written by {@link #write(Journey)}.
     *
     * @throws FunnelException when the text is not a stored journey
     */
    public Journey readJourney(String json) {
        return read(json, "journey", StoredJourney.class).journey();
    }

    /**
     * Reads an event written by {@link #write(FunnelEvent)}.
     *
     * @throws FunnelException when the text is not a stored event
     */
    public FunnelEvent readEvent(String json) {
        return read(json, "event", FunnelEvent.class);
    }

    /**
     * Reads a journal written by {@link #writeJournal}.
     *
     * @throws FunnelException when the text is not a list of stored events
     */
    public List<FunnelEvent> readJournal(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return List.copyOf(mapper.readValue(json, JOURNAL));
        } catch (JsonProcessingException e) {
            throw new FunnelException("funnel.json-unreadable", e, "journal", e.getOriginalMessage());
        }
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

    private <T> T read(String json, String what, Class<T> type) {
        Objects.requireNonNull(json, "json");
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new FunnelException("funnel.json-unreadable", e, what, e.getOriginalMessage());
        }
    }
}
