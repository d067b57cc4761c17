package io.siyu.rules.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siyu.rules.codebook.Codebook;
import io.siyu.rules.codebook.CodebookException;
import io.siyu.rules.decision.Customer;
import io.siyu.rules.decision.DecisionJson;
import io.siyu.rules.decision.DecisionException;
import io.siyu.rules.decision.JsonInputException;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.DailyPlan;
import io.siyu.rules.funnel.Funnel;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelException;
import io.siyu.rules.funnel.FunnelJson;
import io.siyu.rules.funnel.GroupDay;
import io.siyu.rules.funnel.PlannedContent;
import io.siyu.rules.pack.LiveRulePack;
import io.siyu.rules.pack.RulePack;
import io.siyu.rules.pack.RulePackException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service:
 * <ul>
 *   <li>{@code POST /decide}: a customer document (docs/decisions-json.md) in, the decision JSON out; a body with
 *       problems is a 400 listing each with its JSON path, line and column;</li>
 *   <li>{@code POST /events}: funnel events as JSON (one object or a list, docs/funnel.md), recorded idempotently: an
 *       event sent again is a {@code DUPLICATE} and changes nothing (a {@code CONFLICT} with a {@code "problem"} saying
 *       what to fix when its content differs); a body with a bad event (a Surveyed tag not in the pack's codebook
 *       included) is a 400 listing each problem with its line, column and field, and nothing is recorded;</li>
 *   <li>{@code GET /plan?date=2026-11-26}: each active group's content for the day (default, or empty: today);</li>
 *   <li>{@code GET /report}: the funnel's numbers.</li>
 * </ul>
 * Bodies are read by {@link JsonBody}: JSON content type, strict UTF-8, at most {@code crm.max-body-bytes} (413);
 * a list holds at most {@code crm.max-events} events (413), a customer at most {@code crm.max-messages} messages
 * (400). Every problem is in the language of {@code Accept-Language} (Chinese for {@code zh}, else English) and in
 * the documented shape ({@link CrmErrors}, which also answers Spring's own refusals).
 * While the pack is being built (it builds in the background), {@code /decide} and {@code /plan} answer 503 with
 * {@code {"error": "not-ready", ...}} and a {@code Retry-After}; the funnel's endpoints work meanwhile.
 */
@RestController
class CrmController {
    private final LiveRulePack live;
    private final Funnel funnel;
    private final ObjectMapper mapper;
    private final FunnelJson funnelJson = FunnelJson.create();
    private final long maxBodyBytes;
    private final int maxEvents;
    private final int maxMessages;

    CrmController(LiveRulePack live, Funnel funnel, ObjectMapper mapper,
                  @Value("${crm.max-body-bytes:4MB}") DataSize maxBodyBytes,
                  @Value("${crm.max-events:1000}") int maxEvents,
                  @Value("${crm.max-messages:1000}") int maxMessages) {
        this.live = live;
        this.funnel = funnel;
        this.mapper = mapper;
        this.maxBodyBytes = atLeastOne("crm.max-body-bytes", maxBodyBytes.toBytes());
        this.maxEvents = (int) atLeastOne("crm.max-events", maxEvents);
        this.maxMessages = (int) atLeastOne("crm.max-messages", maxMessages);
    }

    /** A limit under 1 would refuse every request: the service does not start with one. */
    private static long atLeastOne(String property, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, got " + value
                    + ": set it in application.properties or with --" + property + "=...");
        }
        return value;
    }

    @PostMapping(path = "/decide", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(HttpServletRequest request,
                                  @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language)
            throws IOException {
        Locale locale = locale(language);
        RulePack pack = serving();
        String body = JsonBody.read(request, maxBodyBytes, "bad-customer", locale);
        Optional<Diagnostic> tooMany = tooManyMessages(body, maxMessages, locale);
        if (tooMany.isPresent()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "bad-customer", tooMany.get().message(), List.of(tooMany.get()));
        }
        Customer customer;
        try {
            customer = DecisionJson.of(pack.hasCodebook() ? pack.codebook() : null, locale).readCustomer(body);
        } catch (JsonInputException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "bad-customer", e.getMessage().lines().findFirst().orElse(""),
                    e.diagnostics());
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack.json().write(pack.decide(customer)));
        } catch (DecisionException e) {
            // A rule that loops or throws for this customer: the message names the rule, not the customer's data.
            return json(HttpStatus.UNPROCESSABLE_ENTITY, error("decision-failed", e.getMessage()));
        }
    }

    /**
     * The customer's {@code "messages"} past the first {@code max}, as a diagnostic at the first one too many; empty
     * when there are not that many, or when the body is not well-formed JSON (the customer reader says where it
     * breaks). One streaming pass, before the customer is read: 200,000 messages are refused, not decided.
     */
    static Optional<Diagnostic> tooManyMessages(String body, int max, Locale locale) {
        try (JsonParser parser = SPLITTER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("messages".equals(field) && value == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (parser.currentToken() == null) {
                            return Optional.empty();
                        }
                        if (count == max) {
                            JsonLocation at = parser.currentTokenLocation();
                            return Optional.of(new Diagnostic(BODY, at.getLineNr(), at.getColumnNr(),
                                    Diagnostic.Severity.ERROR, "customer.too-many-messages", "messages[" + max + "]",
                                    SampleMessages.format(locale, "customer.too-many-messages", max)));
                        }
                        count++;
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException notJson) {
            // The customer reader reports it, with its line and column.
        }
        return Optional.empty();
    }

    @PostMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> events(HttpServletRequest request,
                                  @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language)
            throws IOException {
        Locale locale = locale(language);
        String body = JsonBody.read(request, maxBodyBytes, "bad-event", locale);
        List<EventText> texts = eventTexts(body, maxEvents);
        if (texts.size() > maxEvents) {
            throw new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-many-events",
                    SampleMessages.format(locale, "events.too-many", maxEvents), List.of());
        }
        Codebook codebook = codebook();
        List<FunnelEvent> events = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        // Every event is read before any is recorded: one bad event in a list and nothing is stored.
        for (EventText one : texts) {
            try {
                events.add(funnelJson.readEventLine(BODY, one.line(), one.text(), codebook, locale));
            } catch (FunnelJson.EventLineException e) {
                for (Diagnostic d : e.diagnostics()) {
                    diagnostics.add(one.inBody(d));
                }
            }
        }
        if (!diagnostics.isEmpty()) {
            throw new Problem(HttpStatus.BAD_REQUEST, "bad-event",
                    SampleMessages.format(locale, "events.not-recorded", diagnostics.size()), diagnostics);
        }
        List<Funnel.Recorded> recorded;
        try {
            recorded = funnel.recordAll(events);
        } catch (FunnelException e) {
            return json(HttpStatus.BAD_REQUEST, error(e.key(), e.message(locale)));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Funnel.Recorded r : recorded) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("eventId", r.event().eventId());
            one.put("customerId", r.event().customerId());
            one.put("outcome", r.outcome().name());
            one.put("stage", r.journey().stage().name());
            one.put("groupId", r.journey().groupId().isEmpty() ? null : r.journey().groupId());
            r.problem(locale).ifPresent(problem -> one.put("problem", problem));
            out.add(one);
        }
        return json(HttpStatus.OK, Map.of("recorded", out));
    }

    /** The name of the request body in diagnostics. */
    private static final String BODY = JsonBody.BODY;

    /** Chinese when the client prefers it (Accept-Language zh, zh-CN, zh-TW ...), English otherwise. */
    static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            // parse() orders the ranges by weight: the first Chinese or English one decides.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                if (range.getWeight() > 0 && (tag.equals("zh") || tag.startsWith("zh-"))) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read chooses no language: English, as when there is none.
        }
        return Locale.ENGLISH;
    }

    /**
     * The codebook that Surveyed tags must match: the serving pack's; while the pack is still being built, its
     * {@code codebook.json} read directly (small and quick); 503 when even that cannot be read.
     */
    private Codebook codebook() {
        if (live.isReady()) {
            return live.current().codebook();
        }
        try (InputStream in = live.source().open(RulePack.CODEBOOK_FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Codebook.parse(RulePack.CODEBOOK_FILE, text.startsWith("\uFEFF") ? text.substring(1) : text,
                    Locale.ENGLISH);
        } catch (IOException | CodebookException e) {
            // The pack's build reports the codebook's problems; until it is served, events wait.
            throw new PackNotReady();
        }
    }

    /**
     * One event of a request body: its text, the body's line (1-based) it starts on and the column (1-based) of its
     * first character on that line.
     */
    record EventText(int line, int column, String text) {
        EventText(int line, String text) {
            this(line, 1, text);
        }

        /**
         * A diagnostic of the event reader, which counts columns on the event's first line from the event's first
         * character, moved to the body's column (its other lines are the body's lines, whole).
         */
        Diagnostic inBody(Diagnostic d) {
            if (column == 1 || d.line() != line || d.column() == 0) {
                return d;
            }
            return new Diagnostic(d.file(), d.line(), d.column() + column - 1, d.severity(), d.key(), d.path(),
                    d.message());
        }
    }

    /** Lenient like the event reader itself: comments and trailing commas are fine. */
    private static final JsonFactory SPLITTER = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /**
     * The events of a body: the body itself when it is one object; each element of a list, with the line and column
     * where it starts, so that the diagnostics' line and column are the body's. Linear in the body's length: each
     * element is cut out once (a list of 300,000 events on one line is 31 MB of text, not 31 MB per event). A body
     * that is not well-formed JSON is given whole to the event reader, which says where it breaks.
     *
     * @param max the most events wanted: the list stops at {@code max + 1} elements, so that a caller can tell a
     *            list over its limit without cutting out the rest
     */
    static List<EventText> eventTexts(String body, int max) {
        if (!body.stripLeading().startsWith("[")) {
            return List.of(new EventText(1, body));
        }
        List<EventText> out = new ArrayList<>();
        try (JsonParser parser = SPLITTER.createParser(body)) {
            parser.nextToken(); // [
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    return List.of(new EventText(1, body));
                }
                JsonLocation start = parser.currentTokenLocation();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getCharOffset();
                int from = (int) start.getCharOffset();
                out.add(new EventText(start.getLineNr(), start.getColumnNr(), body.substring(from, end)));
                if (out.size() > max) {
                    return out;
                }
            }
            if (parser.nextToken() != null) {
                return List.of(new EventText(1, body)); // something after the list
            }
        } catch (IOException notJson) {
            return List.of(new EventText(1, body));
        }
        return out;
    }

    @GetMapping(path = "/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> plan(@RequestParam(required = false) String date,
                                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        RulePack pack = serving();
        LocalDate day;
        try {
            // ?date= (empty) is what a form sends for "no date": today, as without the parameter.
            day = date == null || date.isBlank() ? funnel.today() : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            String shown = date.length() > 40 ? date.substring(0, 40) + "…" : date;
            return json(HttpStatus.BAD_REQUEST, error("bad-date",
                    SampleMessages.format(locale(language), "plan.bad-date", shown)));
        }
        DailyPlan plan = pack.planFor(day, funnel);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", plan.date().toString());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DailyPlan.GroupPlan g : plan.groups()) {
            Map<String, Object> group = groupDay(g.day());
            List<Map<String, Object>> content = new ArrayList<>();
            for (PlannedContent c : g.content()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("script", c.scriptId());
                item.put("text", c.text());
                item.put("reason", c.reason());
                item.put("rule", c.rule());
                content.add(item);
            }
            group.put("content", content);
            groups.add(group);
        }
        out.put("groups", groups);
        out.put("missingContent", plan.missingContent().stream().map(CrmController::groupDay).toList());
        out.put("oneToOne", plan.oneToOne().stream().map(j -> j.customerId()).toList());
        return json(HttpStatus.OK, out);
    }

    @GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> report() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(funnelJson.write(funnel.report()));
    }

    private static Map<String, Object> groupDay(GroupDay day) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groupId", day.groupId());
        out.put("stage", day.stage().name());
        out.put("day", day.day());
        out.put("tags", day.tags().codes());
        return out;
    }

    /** The version serving; 503 (see {@link #notReady}) while there is none. */
    private RulePack serving() {
        if (!live.isReady()) {
            throw new PackNotReady();
        }
        return live.current();
    }

    /** The pack is not ready: its first build runs, or was rejected. */
    static final class PackNotReady extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PackNotReady() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(PackNotReady.class)
    ResponseEntity<String> notReady(HttpServletRequest request) {
        Locale locale = locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Map<String, Object> body;
        if (live.lastRejected().isPresent()) {
            RulePackException rejected = live.lastRejected().get();
            body = error("no-pack", SampleMessages.format(locale, "pack.rejected", live.source().name()));
            body.put("problems", CrmErrors.problems(rejected.diagnostics()));
        } else {
            body = error("not-ready", SampleMessages.format(locale, "pack.not-ready", live.source().name()));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_JSON).body(write(body));
    }

    private static Map<String, Object> error(String error, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", error);
        out.put("message", message);
        return out;
    }

    private ResponseEntity<String> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
    }

    private String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }
}
