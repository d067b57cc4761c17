package io.siyu.rules.pack;

import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a rule pack, from its {@code pack.json}:
 * <pre>{@code
 * {
 *   "id": "gaozi",
 *   "version": "2026.11.1",
 *   "description": "高姿 one-to-one and group playbook",
 *   "timezone": "Asia/Shanghai",
 *   "intent": { "warm": 30, "hot": 60 },
 *   "contact": { "dailyCap": 3, "quietHours": { "from": "22:00", "until": "08:00" } }
 * }
 * }</pre>
 * Immutable and thread-safe.
 *
 * @param id          the pack id
 * @param version     the pack version, recorded on every decision
 * @param description what the pack is for (may be empty)
 * @param zone        the timezone of "now" and quiet hours, and of funnel days when the pack has no
 *                    {@code funnel.json} (default {@code Asia/Shanghai})
 * @param thresholds  the intent thresholds (default WARM from 30, HOT from 60)
 * @param contact     the contact policy (default 3 a day, quiet 22:00–08:00)
 */
public record PackManifest(String id, String version, String description, ZoneId zone, IntentThresholds thresholds,
                           ContactPolicy contact) {

    /** The file name of the manifest inside a pack directory. */
    public static final String FILE = "pack.json";
    static final String MESSAGES = "io.siyu.rules.pack.messages";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Makes a manifest from its values; a pack's own is read from {@code pack.json} by
     * {@link RulePack#load(java.nio.file.Path, PackOptions)}.
     *
     * @param id          the pack id
     * @param version     the pack version
     * @param description what the pack is for (may be empty)
     * @param zone        the timezone of "now" and quiet hours
     * @param thresholds  the intent thresholds
     * @param contact     the contact policy
     * @throws NullPointerException when an argument is null
     */
    public PackManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(contact, "contact");
    }

    /**
     * Reads a manifest, adding every problem to {@code problems}.
     *
     * @return the manifest, or empty when it has errors
     */
    static Optional<PackManifest> parse(String text, Locale locale, List<Diagnostic> problems) {
        JsonReader reader = new JsonReader(FILE, MESSAGES, locale);
        Optional<PackManifest> manifest = reader.parse(text).flatMap(root -> read(reader, root));
        problems.addAll(reader.diagnostics());
        return reader.hasErrors() ? Optional.empty() : manifest;
    }

    private static Optional<PackManifest> read(JsonReader reader, JsonValue root) {
        return reader.object(root, List.of("id", "version", "description", "timezone", "intent", "contact"))
                .flatMap(obj -> {
                    Optional<String> id = obj.requiredTextOrNumber("id");
                    Optional<String> version = obj.requiredTextOrNumber("version");
                    String description = obj.optionalRawText("description").orElse("");
                    ZoneId zone = obj.get("timezone").flatMap(v -> zone(reader, v)).orElse(DEFAULT_ZONE);
                    IntentThresholds thresholds = obj.get("intent").map(v -> thresholds(reader, v))
                            .orElse(IntentThresholds.DEFAULT);
                    ContactPolicy contact = obj.get("contact").map(v -> contact(reader, v))
                            .orElse(ContactPolicy.DEFAULT);
                    if (id.isEmpty() || version.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PackManifest(id.get(), version.get(), description, zone, thresholds,
                            contact));
                });
    }

    private static Optional<ZoneId> zone(JsonReader reader, JsonValue value) {
        return reader.text(value).flatMap(name -> {
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                reader.error(value, "pack.unknown-timezone", name);
                return Optional.empty();
            }
        });
    }

    private static IntentThresholds thresholds(JsonReader reader, JsonValue value) {
        return reader.object(value, List.of("warm", "hot")).map(obj -> {
            int warm = obj.integer("warm", IntentThresholds.DEFAULT.warm(), -1000, 1000);
            int hot = obj.integer("hot", IntentThresholds.DEFAULT.hot(), -1000, 1000);
            if (hot <= warm) {
                reader.error(obj.get("hot").orElse(value), "pack.thresholds-order", hot, warm);
                return IntentThresholds.DEFAULT;
            }
            return new IntentThresholds(warm, hot);
        }).orElse(IntentThresholds.DEFAULT);
    }

    private static ContactPolicy contact(JsonReader reader, JsonValue value) {
        return reader.object(value, List.of("dailyCap", "quietHours")).map(obj -> {
            int cap = obj.integer("dailyCap", ContactPolicy.DEFAULT.dailyCap(), 0, 100);
            LocalTime from = ContactPolicy.DEFAULT.quietFrom();
            LocalTime until = ContactPolicy.DEFAULT.quietUntil();
            Optional<JsonValue> quiet = obj.get("quietHours");
            if (quiet.isPresent()) {
                Optional<JsonReader.ObjectView> q = reader.object(quiet.get(), List.of("from", "until"));
                if (q.isPresent()) {
                    from = q.get().required("from").flatMap(v -> time(reader, v)).orElse(from);
                    until = q.get().required("until").flatMap(v -> time(reader, v)).orElse(until);
                }
            }
            return new ContactPolicy(cap, from, until);
        }).orElse(ContactPolicy.DEFAULT);
    }

    private static Optional<LocalTime> time(JsonReader reader, JsonValue value) {
        return reader.text(value).flatMap(text -> {
            try {
                return Optional.of(LocalTime.parse(text));
            } catch (DateTimeParseException e) {
                reader.error(value, "pack.bad-time", text);
                return Optional.empty();
            }
        });
    }
}
