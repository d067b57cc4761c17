package io.siyu.rules.decision;

import io.siyu.rules.codebook.TagSet;
import io.siyu.rules.funnel.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One customer as the rules see it: codebook tags, recent messages, behaviour signals, free attributes
 * and the position in the funnel. Immutable and thread-safe; made with {@link #builder(String)}.
 *
 * <p>Its methods are written to read well inside a {@code .drl} file:
 * <pre>{@code
 * $c : Customer( has("D"), asked("多少钱", "怎么买"), silentHours < 48 )
 * }</pre>
 *
 * <p>Attributes (nickname, city, spend band, ...) are also the values a script template's
 * {@code {variables}} are filled from. They are personal data: the library never logs them.
 */
public final class Customer {
    private final String id;
    private final TagSet tags;
    private final List<String> messages;
    private final Signals signals;
    private final Map<String, Object> attributes;
    private final Stage stage;
    private final int funnelDay;

    private Customer(Builder b) {
        this.id = b.id;
        this.tags = b.tags;
        this.messages = List.copyOf(b.messages);
        this.signals = new Signals(b.replied, b.silentHours, b.clickedLink, b.purchasedBefore, b.touchesToday);
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(b.attributes));
        this.stage = b.stage;
        this.funnelDay = b.funnelDay;
    }

    /** A builder for the customer with this CRM id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder that starts as a copy of this customer. */
    public Builder toBuilder() {
        Builder b = new Builder(id).tags(tags).signals(signals).funnel(stage, funnelDay);
        messages.forEach(b::message);
        attributes.forEach(b::attribute);
        return b;
    }

    /** The customer's id in the host CRM. */
    public String getId() {
        return id;
    }

    /** The codebook tags. */
    public TagSet getTags() {
        return tags;
    }

    /** Whether the customer has the tag with this code: {@code Customer( has("D") )}. */
    public boolean has(String code) {
        return tags.has(code);
    }

    /** Whether the customer has at least one of these codes. */
    public boolean hasAny(String... codes) {
        return tags.hasAny(codes);
    }

    /** Whether the customer has all of these codes. */
    public boolean hasAll(String... codes) {
        return tags.hasAll(codes);
    }

    /** Whether survey question {@code questionId} was answered with option {@code optionId}. */
    public boolean answered(String questionId, String optionId) {
        return tags.answered(questionId, optionId);
    }

    /** The customer's recent messages, oldest first. */
    public List<String> getMessages() {
        return messages;
    }

    /** The most recent message, or the empty string. */
    public String getLastMessage() {
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
    }

    /**
     * Whether any recent message contains any of these keywords, e.g. {@code asked("多少钱", "怎么买")}.
     * Matching is plain substring matching, case-insensitive for Latin letters.
     */
    public boolean asked(String... keywords) {
        for (String message : messages) {
            for (String keyword : keywords) {
                if (containsIgnoreCase(message, keyword)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String keyword) {
        if (keyword.isEmpty()) {
            return false;
        }
        int max = text.length() - keyword.length();
        for (int i = 0; i <= max; i++) {
            if (text.regionMatches(true, i, keyword, 0, keyword.length())) {
                return true;
            }
        }
        return false;
    }

    /** The behaviour signals as one value. */
    public Signals getSignals() {
        return signals;
    }

    /** Whether the customer replied to the last message. */
    public boolean isReplied() {
        return signals.replied();
    }

    /** Hours since the customer's last message. */
    public int getSilentHours() {
        return signals.silentHours();
    }

    /** Whether the customer opened a link we sent. */
    public boolean isClickedLink() {
        return signals.clickedLink();
    }

    /** Whether the customer bought from the brand before. */
    public boolean isPurchasedBefore() {
        return signals.purchasedBefore();
    }

    /** How many messages the brand already sent this customer today. */
    public int getTouchesToday() {
        return signals.touchesToday();
    }

    /** All attributes, sorted by name. */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /** An attribute's value, or {@code null} when absent: {@code Customer( attribute("city") == "上海" )}. */
    public Object attribute(String name) {
        return attributes.get(name);
    }

    /** Whether the customer has this attribute. */
    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** An attribute as text, or the empty string when absent. */
    public String text(String name) {
        Object value = attributes.get(name);
        return value == null ? "" : value.toString();
    }

    /** An attribute as a number, or 0 when absent or not a number. */
    public double number(String name) {
        Object value = attributes.get(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException notANumber) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The customer's stage in the group funnel, {@link Stage#NEW} when not in the funnel; never null.
     * In a rule: {@code Customer( stage == Stage.SEEDING, funnelDay == 3 )}.
     */
    public Stage getStage() {
        return stage;
    }

    /** The day in the funnel (0 = the one-to-one day), or -1 when not in the funnel. */
    public int getFunnelDay() {
        return funnelDay;
    }

    /** Whether the customer is in the funnel. */
    public boolean isInFunnel() {
        return stage != Stage.NEW;
    }

    /** The customer's id only: a customer's data is personal and stays out of logs. */
    @Override
    public String toString() {
        return "Customer[" + id + "]";
    }

    /** Builds a {@link Customer}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private TagSet tags = TagSet.none();
        private final List<String> messages = new ArrayList<>();
        private final Map<String, Object> attributes = new TreeMap<>();
        private boolean replied;
        private int silentHours;
        private boolean clickedLink;
        private boolean purchasedBefore;
        private int touchesToday;
        private Stage stage = Stage.NEW;
        private int funnelDay = -1;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a customer id must not be blank");
            }
        }

        /** The codebook tags, from {@code Codebook.encode}, {@code decode} or {@code readRemark}. */
        public Builder tags(TagSet tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /** Adds a recent message from the customer (call in chronological order). */
        public Builder message(String text) {
            messages.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        /** Sets a free attribute (nickname, city, spend band, ...); a null value removes it. */
        public Builder attribute(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
            return this;
        }

        /** Sets every behaviour signal at once. */
        public Builder signals(Signals signals) {
            Objects.requireNonNull(signals, "signals");
            this.replied = signals.replied();
            this.silentHours = signals.silentHours();
            this.clickedLink = signals.clickedLink();
            this.purchasedBefore = signals.purchasedBefore();
            this.touchesToday = signals.touchesToday();
            return this;
        }

        /** The customer replied to the last message. */
        public Builder replied(boolean replied) {
            this.replied = replied;
            return this;
        }

        /** Hours since the customer's last message. */
        public Builder silentHours(int hours) {
            if (hours < 0) {
                throw new IllegalArgumentException("silentHours must be >= 0, got " + hours);
            }
            this.silentHours = hours;
            return this;
        }

        /** The customer opened a link we sent. */
        public Builder clickedLink(boolean clicked) {
            this.clickedLink = clicked;
            return this;
        }

        /** The customer bought from the brand before. */
        public Builder purchasedBefore(boolean purchased) {
            this.purchasedBefore = purchased;
            return this;
        }

        /** How many messages were already sent to this customer today. */
        public Builder touchesToday(int touches) {
            if (touches < 0) {
                throw new IllegalArgumentException("touchesToday must be >= 0, got " + touches);
            }
            this.touchesToday = touches;
            return this;
        }

        /**
         * The funnel position: the stage (e.g. {@link Stage#SEEDING}; {@link Stage#NEW} when not in the
         * funnel) and the day number (0 = the one-to-one day, -1 when not in the funnel).
         *
         * @throws NullPointerException when {@code stage} is null
         */
        public Builder funnel(Stage stage, int day) {
            this.stage = Objects.requireNonNull(stage, "stage");
            this.funnelDay = day;
            return this;
        }

        /** The customer. */
        public Customer build() {
            return new Customer(this);
        }
    }

    /** Two customers are equal when every field is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c && id.equals(c.id) && tags.equals(c.tags) && messages.equals(c.messages)
                && signals.equals(c.signals) && attributes.equals(c.attributes) && stage == c.stage
                && funnelDay == c.funnelDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tags, messages, signals, attributes, stage, funnelDay);
    }

    /**
     * What the CRM observed of a customer's behaviour, as plain values a rule can test.
     *
     * @param replied         the customer replied to the last message
     * @param silentHours     hours since the customer's last message (0 when unknown or just now)
     * @param clickedLink     the customer opened a link we sent
     * @param purchasedBefore the customer has bought from the brand before
     * @param touchesToday    how many messages the brand has already sent this customer today
     *                        (for the daily frequency cap)
     */
    public record Signals(boolean replied, int silentHours, boolean clickedLink, boolean purchasedBefore,
                          int touchesToday) {

        /** No signals: a customer we know nothing about yet. */
        public static final Signals NONE = new Signals(false, 0, false, false, 0);

        public Signals {
            if (silentHours < 0) {
                throw new IllegalArgumentException("silentHours must be >= 0, got " + silentHours);
            }
            if (touchesToday < 0) {
                throw new IllegalArgumentException("touchesToday must be >= 0, got " + touchesToday);
            }
        }
    }
}
