package io.siyu.rules.pack;

import io.siyu.rules.decision.ContactPolicy;
import io.siyu.rules.decision.IntentThresholds;
import io.siyu.rules.diagnostic.Diagnostic;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.math.BigDecimal;
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
 *   "contact": { "dailyCap": 3, "quietHours": { "from": "22:00", "until": "08:00" } },
 *   "holdout": { "percent": 5, "salt": "2026-q4" },
 *   "attribution": { "windowDays": 7 }
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
 * @param holdout     the holdout control group (default {@link Holdout#NONE}: nobody held out); {@code percent}
 *                    0 to 50 with at most two decimals, {@code salt} any text (default {@code ""})
 * @param attributionWindowDays how many days, counted in {@link #zone()} from the day of a send, a purchase is
 *                    attributed to that send: 1 to 90 (default 7: the day of the send and the six after it)
 */
public record PackManifest(String id, String version, String description, ZoneId zone, IntentThresholds thresholds,
                           ContactPolicy contact, Holdout holdout, int attributionWindowDays) {

    /** The file name of the manifest inside a pack directory. */
    public static final String FILE = "pack.json";
    static final String MESSAGES = "io.siyu.rules.pack.messages";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The attribution window when {@code pack.json} sets none: a week. */
    public static final int DEFAULT_ATTRIBUTION_DAYS = 7;
    private static final int MAX_ATTRIBUTION_DAYS = 90;

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
     * @param holdout     the holdout control group
     * @param attributionWindowDays the attribution window in days, 1 to 90
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code attributionWindowDays} is out of range
     */
    public PackManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(holdout, "holdout");
        if (attributionWindowDays < 1 || attributionWindowDays > MAX_ATTRIBUTION_DAYS) {
            throw new IllegalArgumentException("the attribution window is 1 to " + MAX_ATTRIBUTION_DAYS
                    + " days, got " + attributionWindowDays);
        }
    }

    /**
     * A manifest without a holdout and with the default attribution window (7 days): the form before the
     * holdout and attribution settings were added.
     *
     * @param id          the pack id
     * @param version     the pack version
     * @param description what the pack is for (may be empty)
     * @param zone        the timezone of "now" and quiet hours
     * @param thresholds  the intent thresholds
     * @param contact     the contact policy
     * @throws NullPointerException when an argument is null
     */
    public PackManifest(String id, String version, String description, ZoneId zone, IntentThresholds thresholds,
                        ContactPolicy contact) {
        this(id, version, description, zone, thresholds, contact, Holdout.NONE, DEFAULT_ATTRIBUTION_DAYS);
    }

    /**
     * Reads a {@code pack.json} on its own, without loading the pack (its rules are not compiled): for a tool that
     * needs only the pack's settings, such as the holdout of {@code siyu funnel}.
     *
     * @param text   the text of {@code pack.json}
     * @param locale the language of the problems
     * @return the manifest
     * @throws NullPointerException when an argument is null
     * @throws RulePackException    listing every problem of the file, each with its line, column and JSON path
     */
    public static PackManifest parse(String text, Locale locale) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        List<Diagnostic> problems = new java.util.ArrayList<>();
        Optional<PackManifest> manifest = parse(text, locale, problems);
        if (manifest.isEmpty() || problems.stream().anyMatch(Diagnostic::isError)) {
            io.siyu.rules.internal.i18n.Messages messages = io.siyu.rules.internal.i18n.Messages.of(MESSAGES, locale);
            throw new RulePackException(messages.format("pack.failed", FILE, problems.size()), problems);
        }
        return manifest.get();
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
        return reader.object(root, List.of("id", "version", "description", "timezone", "intent", "contact",
                        "holdout", "attribution"))
                .flatMap(obj -> {
                    Optional<String> id = obj.requiredText("id");
                    Optional<String> version = obj.requiredTextOrNumber("version");
                    String description = obj.optionalRawText("description").orElse("");
                    ZoneId zone = obj.get("timezone").flatMap(v -> zone(reader, v)).orElse(DEFAULT_ZONE);
                    IntentThresholds thresholds = obj.get("intent").map(v -> thresholds(reader, v))
                            .orElse(IntentThresholds.DEFAULT);
                    ContactPolicy contact = obj.get("contact").map(v -> contact(reader, v))
                            .orElse(ContactPolicy.DEFAULT);
                    Holdout holdout = obj.get("holdout").map(v -> holdout(reader, v)).orElse(Holdout.NONE);
                    int window = obj.get("attribution").flatMap(v -> reader.object(v, List.of("windowDays")))
                            .map(a -> a.integer("windowDays", DEFAULT_ATTRIBUTION_DAYS, 1, MAX_ATTRIBUTION_DAYS))
                            .orElse(DEFAULT_ATTRIBUTION_DAYS);
                    if (id.isEmpty() || version.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PackManifest(id.get(), version.get(), description, zone, thresholds,
                            contact, holdout, window));
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

    /** {@code {"percent": 5, "salt": "2026-q4"}}: percent 0 to 50 with at most two decimals (basis points). */
    private static Holdout holdout(JsonReader reader, JsonValue value) {
        return reader.object(value, List.of("percent", "salt")).map(obj -> {
            Optional<JsonValue> percent = obj.required("percent");
            String salt = obj.optionalRawText("salt").orElse("");
            if (percent.isEmpty()) {
                return Holdout.NONE;
            }
            double share = obj.decimal("percent", 0, 0, Holdout.MAX_BASIS_POINTS / 100.0);
            BigDecimal exact = percent.get().kind() == JsonValue.Kind.NUMBER ? percent.get().number() : null;
            if (exact == null || exact.compareTo(BigDecimal.valueOf(share)) != 0) {
                return Holdout.NONE; // wrong type or out of range: reported by decimal(...)
            }
            if (exact.stripTrailingZeros().scale() > 2) {
                reader.error(percent.get(), "pack.holdout-precision", JsonReader.excerptNumber(percent.get()));
                return Holdout.NONE;
            }
            return new Holdout(exact.movePointRight(2).intValueExact(), salt);
        }).orElse(Holdout.NONE);
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
