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
 * and the position in the funnel. Made with {@link #builder(String)}; value equality over every field.
 *
 * <p>Immutable and thread-safe, provided the attribute values are: they are kept as given, not copied
 * (they are strings, numbers or booleans; pass immutable numbers).
 *
 * <p>Its methods are written to read well inside a {@code .drl} file:
 * <pre>{@code
 * $c : Customer( has("D"), asked("多少钱", "怎么买"), silentHours < 48 )
 * }</pre>
 *
 * <p>Attributes (nickname, city, spend band, ...) are also the values a script template's
 * {@code {variables}} are filled from. They are personal data: the library never logs them.
 *
 * <p>The tag queries ({@link #has}, {@link #hasAny}, {@link #hasAll}, {@link #answered}) are those of
 * {@link TagSet}: a null code or id matches no tag instead of throwing.
 */
public final class Customer {
    private final String id;
    private final TagSet tags;
    private final List<String> messages;
    private final Signals signals;
    private final Map<String, Object> attributes;
    private final Stage stage;
    private final int funnelDay;
    /** The messages folded for {@link #asked}, made on first use; not part of the value. */
    private Folded folded;

    private Customer(Builder b) {
        this.id = b.id;
        this.tags = b.tags;
        this.messages = List.copyOf(b.messages);
        this.signals = new Signals(b.replied, b.silentHours, b.clickedLink, b.purchasedBefore, b.touchesToday);
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(b.attributes));
        this.stage = b.stage;
        this.funnelDay = b.funnelDay;
    }

    /**
     * A builder for the customer with this CRM id, starting with no tags, messages, signals or attributes,
     * outside the funnel.
     *
     * @param id the customer's id in the host CRM; not blank
     * @return a new builder
     * @throws NullPointerException     when {@code id} is null
     * @throws IllegalArgumentException when {@code id} is blank
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * A builder that starts as a copy of this customer, to make a changed one.
     *
     * @return a new builder with every field of this customer
     */
    public Builder toBuilder() {
        Builder b = new Builder(id).tags(tags).signals(signals).funnel(stage, funnelDay);
        messages.forEach(b::message);
        attributes.forEach(b::attribute);
        return b;
    }

    /**
     * The customer's id in the host CRM.
     *
     * @return the id; not blank
     */
    public String getId() {
        return id;
    }

    /**
     * The codebook tags.
     *
     * @return the tags; {@link TagSet#none()} when none were set
     */
    public TagSet getTags() {
        return tags;
    }

    /**
     * Whether the customer has the tag with this code: {@code Customer( has("D") )}.
     *
     * @param code a whole code (case-sensitive); null is never present
     * @return whether a tag has exactly this code
     */
    public boolean has(String code) {
        return tags.has(code);
    }

    /**
     * Whether the customer has at least one of these codes.
     *
     * @param codes the codes; a null element is never present
     * @return true when some code is present; false for no codes
     * @throws NullPointerException when the array itself is null
     */
    public boolean hasAny(String... codes) {
        return tags.hasAny(codes);
    }

    /**
     * Whether the customer has all of these codes.
     *
     * @param codes the codes; a null element is never present
     * @return true when every code is present, and for no codes
     * @throws NullPointerException when the array itself is null
     */
    public boolean hasAll(String... codes) {
        return tags.hasAll(codes);
    }

    /**
     * Whether survey question {@code questionId} was answered with option {@code optionId}.
     *
     * @param questionId the question's id; null matches no tag
     * @param optionId   the option's id; null matches no tag
     * @return whether a tag has both this question and this option
     */
    public boolean answered(String questionId, String optionId) {
        return tags.answered(questionId, optionId);
    }

    /**
     * The customer's recent messages.
     *
     * @return the messages as added, oldest first; empty when there are none; unmodifiable
     */
    public List<String> getMessages() {
        return messages;
    }

    /**
     * The most recent message.
     *
     * @return the last message added, or {@code ""} when there are none
     */
    public String getLastMessage() {
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
    }

    /**
     * Whether any recent message contains any of these keywords, e.g. {@code asked("多少钱", "怎么买")}.
     * Matching is plain substring matching that ignores the case of letters ({@code char} by {@code char},
     * as {@link String#equalsIgnoreCase} does); an empty keyword matches nothing.
     *
     * @param keywords the keywords
     * @return whether some message contains some keyword; false for no keywords or no messages
     * @throws NullPointerException when the array or one of its keywords is null, whether or not the
     *                              customer has messages
     */
    public boolean asked(String... keywords) {
        // Checked up front, so that a null keyword in a rule fails for every customer, not only for those
        // with messages.
        for (String keyword : keywords) {
            Objects.requireNonNull(keyword, "keyword");
        }
        if (messages.isEmpty()) {
            return false;
        }
        String[] folded = foldedMessages();
        for (String keyword : keywords) {
            if (keyword.isEmpty()) {
                continue;
            }
            String k = CaselessText.fold(keyword);
            for (int m = 0; m < folded.length; m++) {
                String text = folded[m];
                if (k != null && text != null ? text.contains(k)
                        : CaselessText.containsIgnoreCase(messages.get(m), keyword)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The messages folded for {@link #asked} ({@link CaselessText#fold}; null for one that cannot be), made on
     * first use: a decision asks a customer's messages about a dozen times. A race makes two equal arrays, and
     * the final field of {@link Folded} publishes either safely.
     */
    private String[] foldedMessages() {
        Folded f = folded;
        if (f == null) {
            String[] texts = new String[messages.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = CaselessText.fold(messages.get(i));
            }
            f = new Folded(texts);
            folded = f;
        }
        return f.texts;
    }

    /** The folded messages; a holder, so that its final field publishes the array to other threads. */
    private static final class Folded {
        private final String[] texts;

        private Folded(String[] texts) {
            this.texts = texts;
        }
    }

    /**
     * The behaviour signals as one value.
     *
     * @return the signals; {@link Signals#NONE} when none were set
     */
    public Signals getSignals() {
        return signals;
    }

    /**
     * Whether the customer replied to the last message.
     *
     * @return {@link Signals#replied()}
     */
    public boolean isReplied() {
        return signals.replied();
    }

    /**
     * Hours since the customer's last message.
     *
     * @return {@link Signals#silentHours()}: 0 or more, 0 when unknown
     */
    public int getSilentHours() {
        return signals.silentHours();
    }

    /**
     * Whether the customer opened a link we sent.
     *
     * @return {@link Signals#clickedLink()}
     */
    public boolean isClickedLink() {
        return signals.clickedLink();
    }

    /**
     * Whether the customer bought from the brand before.
     *
     * @return {@link Signals#purchasedBefore()}
     */
    public boolean isPurchasedBefore() {
        return signals.purchasedBefore();
    }

    /**
     * How many messages the brand already sent this customer today.
     *
     * @return {@link Signals#touchesToday()}: 0 or more
     */
    public int getTouchesToday() {
        return signals.touchesToday();
    }

    /**
     * All attributes.
     *
     * @return attribute name to value, sorted by name ({@link String#compareTo} order); values are never
     *         null and are the objects given to the builder; empty when there are none; unmodifiable
     */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /**
     * An attribute's value: {@code Customer( attribute("city") == "上海" )}.
     *
     * @param name the attribute's name
     * @return the value as given to the builder, or <strong>{@code null}</strong> when the customer has no
     *         such attribute (so that a rule can compare it directly)
     * @throws NullPointerException when {@code name} is null
     */
    public Object attribute(String name) {
        return attributes.get(name);
    }

    /**
     * Whether the customer has this attribute.
     *
     * @param name the attribute's name
     * @return whether the attribute is set
     * @throws NullPointerException when {@code name} is null
     */
    public boolean hasAttribute(String name) {
        return attributes.containsKey(name);
    }

    /**
     * An attribute as text.
     *
     * @param name the attribute's name
     * @return the value's {@code toString()}, or {@code ""} when absent
     * @throws NullPointerException when {@code name} is null
     */
    public String text(String name) {
        Object value = attributes.get(name);
        return value == null ? "" : value.toString();
    }

    /**
     * An attribute as a number.
     *
     * @param name the attribute's name
     * @return a {@link Number}'s {@code doubleValue()}, or a text read by {@link Double#parseDouble} after
     *         trimming; 0 when the attribute is absent, is text that is not a number, or is anything else
     * @throws NullPointerException when {@code name} is null
     */
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
     * The customer's stage in the group funnel. In a rule:
     * {@code Customer( stage == Stage.SEEDING, funnelDay == 3 )}.
     *
     * @return the stage; {@link Stage#NEW} when not in the funnel
     */
    public Stage getStage() {
        return stage;
    }

    /**
     * The day in the funnel, as given to {@link Builder#funnel}.
     *
     * @return the day (0 = the one-to-one day), or -1 when no funnel position was set
     */
    public int getFunnelDay() {
        return funnelDay;
    }

    /**
     * Whether the customer is in the funnel.
     *
     * @return whether the stage is not {@link Stage#NEW}
     */
    public boolean isInFunnel() {
        return stage != Stage.NEW;
    }

    /**
     * The customer's id only: a customer's data is personal and stays out of logs.
     *
     * @return e.g. {@code Customer[wx-10086]}
     */
    @Override
    public String toString() {
        return "Customer[" + id + "]";
    }

    /**
     * Builds a {@link Customer}. Each setter replaces what it sets, except {@link #message}, which adds.
     * Not thread-safe: use one builder on one thread.
     */
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

        /**
         * Sets the codebook tags.
         *
         * @param tags from {@code Codebook.encode}, {@code decode} or {@code readRemark}
         * @return this builder
         * @throws NullPointerException when {@code tags} is null
         */
        public Builder tags(TagSet tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * Adds a recent message from the customer. Call in chronological order.
         *
         * @param text the message as the customer wrote it; may be empty
         * @return this builder
         * @throws NullPointerException when {@code text} is null
         */
        public Builder message(String text) {
            messages.add(Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Sets a free attribute (nickname, city, spend band, ...).
         *
         * <p>The value is a {@link String}, a number of the JDK's immutable kinds ({@link Integer}, {@link Long},
         * {@link Short}, {@link Byte}, {@link Double}, {@link Float}, {@link java.math.BigDecimal},
         * {@link java.math.BigInteger}; not a mutable one such as an {@code AtomicInteger}) or a {@link Boolean}, as in
         * a customer's JSON:
         * those are what {@link Customer#text}, {@link Customer#number} and a rule's comparisons read, and
         * what a script's {@code {variables}} print. Any other object is refused, rather than its
         * {@code toString()} (such as {@code java.lang.Object@6b580b88}) reaching a customer's message.
         *
         * @param name  the attribute's name
         * @param value the value: a {@link String}, one of the number types above or a {@link Boolean}, kept as
         *              given; <strong>null removes</strong> the attribute
         * @return this builder
         * @throws NullPointerException     when {@code name} is null
         * @throws IllegalArgumentException when {@code value} is of another type (the message names the
         *                                  attribute and the type, never the value)
         */
        public Builder attribute(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                attributes.remove(name);
            } else {
                if (!(value instanceof String || value instanceof Boolean || isPlainNumber(value))) {
                    throw new IllegalArgumentException("attribute \"" + name + "\" must be a String, a number "
                            + "(Integer, Long, Short, Byte, Double, Float, BigDecimal or BigInteger) or a Boolean, not a "
                            + value.getClass().getName() + "; convert it (e.g. to its text) before setting it");
                }
                attributes.put(name, value);
            }
            return this;
        }

        private static boolean isPlainNumber(Object value) {
            return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                    || value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal
                    || value instanceof java.math.BigInteger;
        }

        /**
         * Sets every behaviour signal at once, replacing those set before.
         *
         * @param signals the signals
         * @return this builder
         * @throws NullPointerException when {@code signals} is null
         */
        public Builder signals(Signals signals) {
            Objects.requireNonNull(signals, "signals");
            this.replied = signals.replied();
            this.silentHours = signals.silentHours();
            this.clickedLink = signals.clickedLink();
            this.purchasedBefore = signals.purchasedBefore();
            this.touchesToday = signals.touchesToday();
            return this;
        }

        /**
         * Sets whether the customer replied to the last message.
         *
         * @param replied whether they replied
         * @return this builder
         */
        public Builder replied(boolean replied) {
            this.replied = replied;
            return this;
        }

        /**
         * Sets the hours since the customer's last message.
         *
         * @param hours whole hours, 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code hours} is negative
         */
        public Builder silentHours(int hours) {
            if (hours < 0) {
                throw new IllegalArgumentException("silentHours must be >= 0, got " + hours);
            }
            this.silentHours = hours;
            return this;
        }

        /**
         * Sets whether the customer opened a link we sent.
         *
         * @param clicked whether they opened one
         * @return this builder
         */
        public Builder clickedLink(boolean clicked) {
            this.clickedLink = clicked;
            return this;
        }

        /**
         * Sets whether the customer bought from the brand before.
         *
         * @param purchased whether they bought before
         * @return this builder
         */
        public Builder purchasedBefore(boolean purchased) {
            this.purchasedBefore = purchased;
            return this;
        }

        /**
         * Sets how many messages were already sent to this customer today.
         *
         * @param touches the number of messages, 0 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code touches} is negative
         */
        public Builder touchesToday(int touches) {
            if (touches < 0) {
                throw new IllegalArgumentException("touchesToday must be >= 0, got " + touches);
            }
            this.touchesToday = touches;
            return this;
        }

        /**
         * Sets the funnel position. The two are not checked against each other.
         *
         * @param stage the stage, e.g. {@link Stage#SEEDING}; {@link Stage#NEW} when not in the funnel
         * @param day   the day number: 0 = the one-to-one day, -1 when not in the funnel; not checked
         * @return this builder
         * @throws NullPointerException when {@code stage} is null
         */
        public Builder funnel(Stage stage, int day) {
            this.stage = Objects.requireNonNull(stage, "stage");
            this.funnelDay = day;
            return this;
        }

        /**
         * Builds the customer. The builder may be used on and built again; customers built earlier do
         * not change.
         *
         * @return a customer with what was set
         */
        public Customer build() {
            return new Customer(this);
        }
    }

    /**
     * Two customers are equal when every field is equal: id, tags, messages, signals, attributes, stage and
     * funnel day.
     *
     * @param o the object to compare with; may be null
     * @return whether {@code o} is an equal customer
     */
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
     * What the CRM observed of a customer's behaviour, as plain values a rule can test. Immutable and
     * thread-safe.
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

        /**
         * Signals.
         *
         * @param replied         the customer replied to the last message
         * @param silentHours     hours since the customer's last message, 0 or more
         * @param clickedLink     the customer opened a link we sent
         * @param purchasedBefore the customer has bought from the brand before
         * @param touchesToday    messages already sent today, 0 or more
         * @throws IllegalArgumentException when {@code silentHours} or {@code touchesToday} is negative
         */
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
