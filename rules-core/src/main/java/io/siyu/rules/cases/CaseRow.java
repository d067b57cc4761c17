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
 * One case of a case table: a customer and the outcome the pack must decide for them. Immutable and
 * thread-safe; the lists and the map are unmodifiable copies. Rows read from a table are checked as
 * described in {@link CaseTable}; a row made in code is only checked for nulls, and
 * {@link CaseRunner#run(CaseRow)} reports what else is wrong with it.
 *
 * @param file       the table's file name, e.g. {@code cases.csv}
 * @param line       the 1-based line the row starts on
 * @param name       the case name (also the customer id); not blank in a table
 * @param codes      the customer's codes, e.g. {@code 34DU1}; empty for an untagged customer
 * @param messages   the customer's messages, oldest first
 * @param signals    the signals as written, e.g. {@code replied;silentHours=48} (see
 *                   {@link CaseTable#applySignals}); empty for none
 * @param attributes free attributes, name to value, in the order written
 * @param action     the expected action, e.g. {@code OFFER_PRODUCT}, {@code NONE}
 * @param script     the expected script id; empty when not checked
 * @param intent     the expected intent level; empty when not checked
 * @param clock      the moment to decide at; empty to use the runner's time
 */
public record CaseRow(String file, int line, String name, String codes, List<String> messages, String signals,
                      Map<String, String> attributes, String action, Optional<String> script,
                      Optional<IntentLevel> intent, Optional<OffsetDateTime> clock) {

    /**
     * A case.
     *
     * @param file       the table's file name
     * @param line       the 1-based line the row starts on; not checked
     * @param name       the case name
     * @param codes      the customer's codes, or {@code ""}
     * @param messages   the customer's messages; copied
     * @param signals    the signals as written, or {@code ""}
     * @param attributes free attributes; copied, keeping their order
     * @param action     the expected action
     * @param script     the expected script id, or empty
     * @param intent     the expected intent level, or empty
     * @param clock      the moment to decide at, or empty
     * @throws NullPointerException when any component (or any element of the lists and map) is null
     */
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

    /**
     * Where a person finds the row.
     *
     * @return {@code file:line}, e.g. {@code cases.csv:12}
     */
    public String location() {
        return file + ":" + line;
    }

    /**
     * The name of the row's test.
     *
     * @return {@code file:line name}, e.g. {@code cases.csv:12 痘痘急需问价}
     */
    public String displayName() {
        return location() + " " + name;
    }
}
