package io.siyu.rules.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes a customer in the form {@link DecisionJson#readCustomer} reads. Kept apart from {@code DecisionJson}'s
 * reading code so that the two change independently; the form itself is documented in
 * {@code docs/decisions-json.md}. Stateless and thread-safe.
 */
final class CustomerJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    // The reader's limits (DecisionJson.read): what lies outside them would be written but not read back.
    static final int MAX_SILENT_HOURS = 1_000_000;
    static final int MAX_TOUCHES_TODAY = 10_000;
    static final int MIN_FUNNEL_DAY = -1;
    static final int MAX_FUNNEL_DAY = 10_000;

    private CustomerJsonWriter() {
    }

    /**
     * The customer as one line of JSON. Fields in a fixed order, attributes by name (the customer keeps them
     * sorted), so that equal customers give equal text.
     *
     * @param hasCodebook whether the reader this is for can read tags back
     * @throws IllegalArgumentException when the reader would refuse or change what is written
     */
    static String write(Customer customer, boolean hasCodebook) {
        check(customer, hasCodebook);
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", customer.getId());
            // No tags: no "codes" at all, which a pack without a codebook reads too.
            if (!customer.getTags().codes().isEmpty()) {
                g.writeStringField("codes", customer.getTags().codes());
            }
            g.writeArrayFieldStart("messages");
            for (String m : customer.getMessages()) {
                g.writeString(m);
            }
            g.writeEndArray();
            Customer.Signals s = customer.getSignals();
            g.writeObjectFieldStart("signals");
            g.writeBooleanField("replied", s.replied());
            g.writeNumberField("silentHours", s.silentHours());
            g.writeBooleanField("clickedLink", s.clickedLink());
            g.writeBooleanField("purchasedBefore", s.purchasedBefore());
            g.writeNumberField("touchesToday", s.touchesToday());
            g.writeEndObject();
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Object> a : customer.getAttributes().entrySet()) {
                g.writeFieldName(a.getKey());
                writeAttribute(g, a.getValue());
            }
            g.writeEndObject();
            g.writeStringField("stage", customer.getStage().name());
            g.writeNumberField("funnelDay", customer.getFunnelDay());
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException("cannot write a customer as JSON", e);
        }
        return out.toString();
    }

    private static void writeAttribute(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else {
            // Double or Float, checked finite in check(): its shortest decimal form, as Double.toString gives it.
            g.writeNumber(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
    }

    /** Everything the reader would refuse, said before anything is written. */
    private static void check(Customer customer, boolean hasCodebook) {
        String id = customer.getId();
        if (!hasCodebook && !customer.getTags().codes().isEmpty()) {
            throw new IllegalArgumentException("customer " + id + " has tags but this DecisionJson has no codebook"
                    + " to read them back; use the pack's own (RulePack.json())");
        }
        Customer.Signals s = customer.getSignals();
        if (s.silentHours() > MAX_SILENT_HOURS) {
            throw new IllegalArgumentException("customer " + id + ": silentHours must be at most " + MAX_SILENT_HOURS
                    + " to be read back, got " + s.silentHours());
        }
        if (s.touchesToday() > MAX_TOUCHES_TODAY) {
            throw new IllegalArgumentException("customer " + id + ": touchesToday must be at most "
                    + MAX_TOUCHES_TODAY + " to be read back, got " + s.touchesToday());
        }
        if (customer.getFunnelDay() < MIN_FUNNEL_DAY || customer.getFunnelDay() > MAX_FUNNEL_DAY) {
            throw new IllegalArgumentException("customer " + id + ": funnelDay must be " + MIN_FUNNEL_DAY + " to "
                    + MAX_FUNNEL_DAY + " to be read back, got " + customer.getFunnelDay());
        }
        for (Map.Entry<String, Object> a : customer.getAttributes().entrySet()) {
            Object v = a.getValue();
            boolean ok = v instanceof String || v instanceof Boolean || v instanceof BigDecimal
                    || v instanceof BigInteger || v instanceof Long || v instanceof Integer || v instanceof Short
                    || v instanceof Byte
                    || ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue()));
            if (!ok) {
                throw new IllegalArgumentException("customer " + id + ": attribute \"" + a.getKey() + "\" is a "
                        + v.getClass().getName() + " (" + (v instanceof Number ? "not finite" : "not a text, number"
                        + " or boolean") + "), which the JSON form cannot hold; set it as a String");
            }
        }
    }
}
