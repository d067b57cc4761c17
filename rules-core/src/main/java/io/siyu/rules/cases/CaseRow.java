package io.siyu.rules.cases;

import io.siyu.rules.decision.IntentLevel;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One case of a case table: a customer and the outcome the pack must decide for them. Immutable; the
 * lists and the map are unmodifiable copies.
 *
 * @param file       the table's file name, e.g. {@code cases.csv}
 * @param line       the 1-based line the row starts on
 * @param name       the case name (also the customer id)
 * @param codes      the customer's codes, e.g. {@code 34DU1}; empty for an untagged customer
 * @param messages   the customer's messages, oldest first
 * @param signals    the signals as written, e.g. {@code replied;silentHours=48} (see
 *                   {@link CaseTable#applySignals})
 * @param attributes free attributes, in the order written
 * @param action     the expected action, e.g. {@code OFFER_PRODUCT}, {@code NONE}
 * @param script     the expected script id, when checked
 * @param intent     the expected intent level, when checked
 * @param clock      the moment to decide at, when the row sets one
 */
public record CaseRow(String file, int line, String name, String codes, List<String> messages, String signals,
                      Map<String, String> attributes, String action, Optional<String> script,
                      Optional<IntentLevel> intent, Optional<OffsetDateTime> clock) {

    /** @throws NullPointerException when any component (or any element of the lists and map) is null */
    public CaseRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codes, "codes");
        messages = List.copyOf(messages);
        Objects.requireNonNull(signals, "signals");
        attributes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute name");
            Objects.requireNonNull(v, () -> "attribute " + k);
        });
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(clock, "clock");
    }

    /** {@code cases.csv:12}: where a person finds the row. */
    public String location() {
        return file + ":" + line;
    }

    /** {@code cases.csv:12 case name}: the name of the row's test. */
    public String displayName() {
        return location() + " " + name;
    }
}
