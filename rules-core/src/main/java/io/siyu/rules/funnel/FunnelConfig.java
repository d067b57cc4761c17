package io.siyu.rules.funnel;

import io.siyu.rules.internal.json.JsonReader;
import io.siyu.rules.internal.json.JsonValue;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a funnel, read from a rule pack's {@code funnel.json} (the format is documented in
 * {@code docs/funnel.md}). Immutable and thread-safe.
 *
 * @param seedingDays            how many seeding days follow day 0 (default 5; {@code funnel.json} allows
 *                               1 to 60)
 * @param conversionDays         how many conversion days follow the seeding days (default 6;
 *                               {@code funnel.json} allows 1 to 60)
 * @param cohortBy               the codebook question ids whose answers define a same-tag cohort
 *                               (default {@code ["concern"]}), in order; an unmodifiable copy; empty means
 *                               one cohort for everyone
 * @param groupCapacity          members per cohort group before a new group opens, 1 to 500 (default 200;
 *                               500 is WeChat's hard cap)
 * @param nurtureAfterConversion whether customers who have not bought when the conversion days end
 *                               move to {@link Stage#NURTURE} (true, default) or leave the funnel
 *                               ({@link Stage#LEFT})
 * @param leaveOnLeftGroup       whether leaving the group takes the customer out of the funnel (default
 *                               true); when false the event is recorded and the customer stays
 * @param leaveOnOptOut          whether opting out takes the customer out of the funnel (default true);
 *                               being blocked always does
 * @param zone                   the timezone in which days begin and end (default {@code Asia/Shanghai})
 * @param reentryAfterDays       how many days after leaving the funnel ({@link Stage#LEFT}) an {@code Added}
 *                               event starts a new journey for the customer (default 0: whenever they are
 *                               added again); {@link #NO_REENTRY} when a customer who left never re-enters
 *                               (the event is recorded and changes nothing). {@code funnel.json}:
 *                               {@code "reentry": {"afterDays": 30}} or {@code "reentry": "never"}
 */
public record FunnelConfig(int seedingDays, int conversionDays, List<String> cohortBy, int groupCapacity,
                           boolean nurtureAfterConversion, boolean leaveOnLeftGroup, boolean leaveOnOptOut,
                           ZoneId zone, int reentryAfterDays) {

    /** WeChat's hard cap on the members of one group. */
    public static final int WECHAT_GROUP_LIMIT = 500;

    /** {@link #reentryAfterDays()} of a funnel that a customer who left never re-enters. */
    public static final int NO_REENTRY = -1;

    /** The longest wait before re-entry that {@code funnel.json} accepts: ten years. */
    static final int MAX_REENTRY_DAYS = 3650;

    static final String BUNDLE = "io.siyu.rules.funnel.messages";
    private static final int MAX_STAGE_DAYS = 60;
    private static final List<String> ROOT_FIELDS = List.of("stages", "cohortBy", "groupCapacity", "exit", "timezone",
            "reentry");
    private static final List<String> REENTRY_FIELDS = List.of("afterDays");
    private static final List<String> STAGES_FIELDS = List.of("seeding", "conversion");
    private static final List<String> STAGE_FIELDS = List.of("days");
    private static final List<String> EXIT_FIELDS = List.of("nurtureAfterConversion", "leaveOnLeftGroup",
            "leaveOnOptOut");

    /**
     * Checks the values; {@link #parse} reports such problems as diagnostics instead, and also limits the
     * stage days to 60 and refuses a repeated cohort question.
     *
     * @param seedingDays            seeding days, at least 1
     * @param conversionDays         conversion days, at least 1
     * @param cohortBy               the cohort question ids; copied
     * @param groupCapacity          members per group, 1 to {@value #WECHAT_GROUP_LIMIT}
     * @param nurtureAfterConversion whether non-buyers move to nurture (else they leave)
     * @param leaveOnLeftGroup       whether leaving the group leaves the funnel
     * @param leaveOnOptOut          whether opting out leaves the funnel
     * @param zone                   the timezone of funnel days
     * @param reentryAfterDays       days after leaving before an {@code Added} starts a new journey, 0 or more,
     *                               or {@link #NO_REENTRY}
     * @throws NullPointerException     when {@code cohortBy}, one of its ids or {@code zone} is null
     * @throws IllegalArgumentException when a number is out of its range
     */
    public FunnelConfig {
        cohortBy = List.copyOf(cohortBy);
        Objects.requireNonNull(zone, "zone");
        if (seedingDays < 1 || conversionDays < 1) {
            throw new IllegalArgumentException("seeding and conversion need at least one day each");
        }
        if (groupCapacity < 1 || groupCapacity > WECHAT_GROUP_LIMIT) {
            throw new IllegalArgumentException("group capacity must be 1.." + WECHAT_GROUP_LIMIT + ", got "
                    + groupCapacity);
        }
        if (reentryAfterDays < NO_REENTRY) {
            throw new IllegalArgumentException("reentryAfterDays must be 0 or more, or NO_REENTRY, got "
                    + reentryAfterDays);
        }
    }

    /**
     * The Gaozi settings: 5 seeding days, 6 conversion days, cohorts by {@code concern}, 200 per group,
     * nurture after conversion, leaving on a group exit or an opt-out, {@code Asia/Shanghai}, and a customer
     * who left re-enters whenever they are added again (re-entry after 0 days).
     *
     * @return the default settings
     */
    public static FunnelConfig defaults() {
        return new FunnelConfig(5, 6, List.of("concern"), 200, true, true, true, ZoneId.of("Asia/Shanghai"), 0);
    }

    /**
     * Whether a customer who left the funnel starts a new journey when added again.
     *
     * @return false when {@link #reentryAfterDays()} is {@link #NO_REENTRY}
     */
    public boolean allowsReentry() {
        return reentryAfterDays != NO_REENTRY;
    }

    /**
     * The last day of seeding.
     *
     * @return the day number, counted from day 0 ({@code seedingDays}: 5 by default)
     */
    public int lastSeedingDay() {
        return seedingDays;
    }

    /**
     * The last day of conversion.
     *
     * @return the day number, counted from day 0 ({@code seedingDays + conversionDays}: 11 by default)
     */
    public int lastConversionDay() {
        return seedingDays + conversionDays;
    }

    /**
     * The same settings with another timezone.
     *
     * @param newZone the timezone
     * @return new settings
     * @throws NullPointerException when {@code newZone} is null
     */
    public FunnelConfig withZone(ZoneId newZone) {
        return new FunnelConfig(seedingDays, conversionDays, cohortBy, groupCapacity, nurtureAfterConversion,
                leaveOnLeftGroup, leaveOnOptOut, newZone, reentryAfterDays);
    }

    /**
     * The same settings with another group capacity.
     *
     * @param capacity members per group, 1 to {@value #WECHAT_GROUP_LIMIT}
     * @return new settings
     * @throws IllegalArgumentException when {@code capacity} is out of range
     */
    public FunnelConfig withGroupCapacity(int capacity) {
        return new FunnelConfig(seedingDays, conversionDays, cohortBy, capacity, nurtureAfterConversion,
                leaveOnLeftGroup, leaveOnOptOut, zone, reentryAfterDays);
    }

    /**
     * The same settings with another re-entry policy.
     *
     * @param afterDays days after leaving before an {@code Added} starts a new journey, 0 to
     *                  {@value #MAX_REENTRY_DAYS}, or {@link #NO_REENTRY}
     * @return new settings
     * @throws IllegalArgumentException when {@code afterDays} is less than {@link #NO_REENTRY}
     */
    public FunnelConfig withReentryAfterDays(int afterDays) {
        return new FunnelConfig(seedingDays, conversionDays, cohortBy, groupCapacity, nurtureAfterConversion,
                leaveOnLeftGroup, leaveOnOptOut, zone, afterDays);
    }

    /**
     * The same settings with the funnel's exit rules changed.
     *
     * @param nurture          whether non-buyers move to nurture when the conversion days end (else they leave)
     * @param leaveOnLeftGroup whether leaving the group leaves the funnel
     * @param leaveOnOptOut    whether opting out leaves the funnel
     * @return new settings
     */
    public FunnelConfig withExit(boolean nurture, boolean leaveOnLeftGroup, boolean leaveOnOptOut) {
        return new FunnelConfig(seedingDays, conversionDays, cohortBy, groupCapacity, nurture, leaveOnLeftGroup,
                leaveOnOptOut, zone, reentryAfterDays);
    }

    /**
     * Reads {@code funnel.json}. Every field is optional and falls back to {@link #defaults()}.
     *
     * @param fileName the file name to report in diagnostics
     * @param json     the file's text
     * @param locale   the language of the messages (English or Simplified Chinese)
     * @return the settings
     * @throws NullPointerException  when an argument is null
     * @throws FunnelConfigException listing every problem found, in reading order, each with line, column
     *                               and path
     */
    public static FunnelConfig parse(String fileName, String json, Locale locale) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(locale, "locale");
        JsonReader reader = new JsonReader(fileName, BUNDLE, locale);
        FunnelConfig defaults = defaults();
        Optional<JsonReader.ObjectView> root = reader.parse(json).flatMap(v -> reader.object(v, ROOT_FIELDS));
        if (root.isEmpty()) {
            throw FunnelConfigException.of(reader);
        }
        JsonReader.ObjectView view = root.get();

        int seeding = defaults.seedingDays();
        int conversion = defaults.conversionDays();
        Optional<JsonReader.ObjectView> stages = view.get("stages").flatMap(v -> reader.object(v, STAGES_FIELDS));
        if (stages.isPresent()) {
            seeding = stageDays(reader, stages.get(), "seeding", seeding);
            conversion = stageDays(reader, stages.get(), "conversion", conversion);
        }

        List<String> cohortBy = defaults.cohortBy();
        if (view.has("cohortBy")) {
            Set<String> seen = new LinkedHashSet<>();
            for (JsonValue item : view.optionalArray("cohortBy")) {
                reader.text(item).ifPresent(question -> {
                    if (!seen.add(question)) {
                        reader.error(item, "funnel.duplicate-cohort-question", question);
                    }
                });
            }
            cohortBy = List.copyOf(seen);
        }

        int capacity = view.integer("groupCapacity", defaults.groupCapacity(), 1, Integer.MAX_VALUE);
        if (capacity > WECHAT_GROUP_LIMIT) {
            reader.error(view.get("groupCapacity").orElseThrow(), "funnel.group-capacity-over-wechat-limit", capacity,
                    WECHAT_GROUP_LIMIT);
            capacity = defaults.groupCapacity();
        }

        boolean nurture = defaults.nurtureAfterConversion();
        boolean leaveOnLeftGroup = defaults.leaveOnLeftGroup();
        boolean leaveOnOptOut = defaults.leaveOnOptOut();
        Optional<JsonReader.ObjectView> exit = view.get("exit").flatMap(v -> reader.object(v, EXIT_FIELDS));
        if (exit.isPresent()) {
            nurture = exit.get().bool("nurtureAfterConversion", nurture);
            leaveOnLeftGroup = exit.get().bool("leaveOnLeftGroup", leaveOnLeftGroup);
            leaveOnOptOut = exit.get().bool("leaveOnOptOut", leaveOnOptOut);
        }

        ZoneId zone = defaults.zone();
        Optional<JsonValue> zoneValue = view.get("timezone");
        Optional<String> zoneId = view.optionalText("timezone");
        if (zoneId.isPresent()) {
            try {
                zone = ZoneId.of(zoneId.get());
            } catch (DateTimeException e) {
                // The reason is in the diagnostic; the exception itself only repeats the id.
                reader.error(zoneValue.orElseThrow(), "funnel.unknown-timezone", zoneId.get());
            }
        }

        int reentry = view.get("reentry").map(value -> reentry(reader, value)).orElse(defaults.reentryAfterDays());

        if (reader.hasErrors()) {
            throw FunnelConfigException.of(reader);
        }
        return new FunnelConfig(seeding, conversion, cohortBy, capacity, nurture, leaveOnLeftGroup, leaveOnOptOut,
                zone, reentry);
    }

    /** {@code "reentry": "never"} or {@code "reentry": {"afterDays": n}}; anything else is reported. */
    private static int reentry(JsonReader reader, JsonValue value) {
        int fallback = defaults().reentryAfterDays();
        if (value.kind() == JsonValue.Kind.STRING) {
            if (value.text().equals("never")) {
                return NO_REENTRY;
            }
            reader.error(value, "funnel.reentry-invalid", value.text());
            return fallback;
        }
        if (value.kind() != JsonValue.Kind.OBJECT) {
            reader.error(value, "funnel.reentry-invalid", value.kind().name().toLowerCase(Locale.ROOT));
            return fallback;
        }
        return reader.object(value, REENTRY_FIELDS)
                .map(policy -> policy.has("afterDays")
                        ? policy.integer("afterDays", fallback, 0, MAX_REENTRY_DAYS)
                        : missingAfterDays(reader, value, fallback))
                .orElse(fallback);
    }

    private static int missingAfterDays(JsonReader reader, JsonValue value, int fallback) {
        reader.error(value, "funnel.reentry-invalid", "{}");
        return fallback;
    }

    private static int stageDays(JsonReader reader, JsonReader.ObjectView stages, String name, int fallback) {
        return stages.get(name)
                .flatMap(v -> reader.object(v, STAGE_FIELDS))
                .map(stage -> stage.integer("days", fallback, 1, MAX_STAGE_DAYS))
                .orElse(fallback);
    }
}
