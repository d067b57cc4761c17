package io.siyu.rules.script;

import io.siyu.rules.script.ScriptLibrary.Persona;
import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One script (话术) of a {@link ScriptLibrary}: a template text, or several A/B variants of it, spoken
 * by a persona on a channel. Obtained from {@link ScriptLibrary#script(String)}; rendered with
 * {@link ScriptLibrary#render(String, String, Map)}.
 *
 * <p>Immutable and thread-safe. Its templates are compiled when the library loads.
 */
public final class Script {
    private final String id;
    private final String description;
    private final Persona persona;
    private final Channel channel;
    private final List<String> tags;
    private final Map<String, String> defaults;
    /** The library's variable defaults overlaid with this script's defaults: the fallback after the caller's values. */
    private final Map<String, String> fallbacks;
    private final int maxLength;
    private final boolean truncate;
    private final Optional<String> text;
    private final List<Variant> variants;
    /** One template for a plain script; otherwise one per variant, in the same order. */
    private final List<Template> templates;
    /** {@code cumulativeWeights[i]} is the sum of the weights of variants 0..i. */
    private final long[] cumulativeWeights;
    private final Set<String> variables;
    private final Set<String> requiredVariables;

    Script(String id, String description, Persona persona, Channel channel, List<String> tags,
           Map<String, String> defaults, Map<String, String> libraryDefaults, int maxLength, boolean truncate,
           List<Variant> variants, List<Template> templates) {
        this.id = id;
        this.description = description;
        this.persona = persona;
        this.channel = channel;
        this.tags = List.copyOf(tags);
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        Map<String, String> merged = new LinkedHashMap<>(libraryDefaults);
        merged.putAll(defaults);
        this.fallbacks = Map.copyOf(merged);
        this.maxLength = maxLength;
        this.truncate = truncate;
        this.variants = List.copyOf(variants);
        this.templates = List.copyOf(templates);
        this.text = variants.isEmpty() ? Optional.of(templates.get(0).source()) : Optional.empty();
        this.cumulativeWeights = new long[variants.size()];
        long sum = 0;
        for (int i = 0; i < variants.size(); i++) {
            sum += variants.get(i).weight();
            cumulativeWeights[i] = sum;
        }
        Set<String> used = new LinkedHashSet<>();
        templates.forEach(t -> t.slots().forEach(slot -> used.add(slot.name())));
        this.variables = Collections.unmodifiableSet(used);
        Set<String> required = new LinkedHashSet<>(used);
        required.remove(ScriptLibrary.PERSONA_VARIABLE);
        required.removeAll(fallbacks.keySet());
        this.requiredVariables = Collections.unmodifiableSet(required);
    }

    /**
     * The script's id, which rules use to choose it.
     *
     * @return the id, unique in its library
     */
    public String id() {
        return id;
    }

    /**
     * A note for staff on when to use the script.
     *
     * @return the note; empty when not given
     */
    public String description() {
        return description;
    }

    /**
     * The persona who speaks the script.
     *
     * @return the persona, one of its library's {@link ScriptLibrary#personas()}
     */
    public Persona persona() {
        return persona;
    }

    /**
     * Where the script is sent.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /**
     * The codebook codes the script suits, as written (checked against the codebook by the rule pack).
     *
     * @return the codes in file order; unmodifiable, empty when not given
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * The script's own variable values, used when the caller gives none (before the library's defaults).
     *
     * @return the values by variable name, in file order; unmodifiable, empty when not given
     */
    public Map<String, String> defaults() {
        return defaults;
    }

    /**
     * The most code points a rendering may have: the script's own {@code maxLength}, else the library's.
     *
     * @return the limit, at least 1; empty when there is no limit
     */
    public OptionalInt maxLength() {
        return maxLength > 0 ? OptionalInt.of(maxLength) : OptionalInt.empty();
    }

    /**
     * Whether a rendering longer than {@link #maxLength()} is cut rather than refused.
     *
     * @return true when a too-long rendering keeps its first {@code maxLength - 1} code points and ends
     *         with "…"; false when it fails with a {@link ScriptRenderException}
     */
    public boolean truncate() {
        return truncate;
    }

    /**
     * The template text, as written.
     *
     * @return the text; empty when the script has {@link #variants()} instead
     */
    public Optional<String> text() {
        return text;
    }

    /**
     * The A/B variants.
     *
     * @return the variants in file order; unmodifiable, empty when the script has a single {@link #text()}
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * Every variable its texts use, {@code persona} included.
     *
     * @return the names in order of first use (variants in file order); unmodifiable, empty when the
     *         texts use none
     */
    public Set<String> variables() {
        return variables;
    }

    /**
     * The variables its texts use that have no default (in the script or the library) and are not
     * {@code persona}: the caller must supply them, e.g. from the customer's attributes.
     *
     * @return the names in order of first use; unmodifiable, empty when the defaults cover every variable
     */
    public Set<String> requiredVariables() {
        return requiredVariables;
    }

    /** The index of the variant of a customer, or 0 for a script without variants. */
    int variantIndex(String customerId) {
        if (variants.isEmpty()) {
            return 0;
        }
        long total = cumulativeWeights[cumulativeWeights.length - 1];
        long bucket = StableHash.bucket(id, customerId, total);
        int i = 0;
        while (bucket >= cumulativeWeights[i]) {
            i++;
        }
        return i;
    }

    /** The id of variant {@code index}, or "" for a script without variants. */
    String variantId(int index) {
        return variants.isEmpty() ? "" : variants.get(index).id();
    }

    Template template(int index) {
        return templates.get(index);
    }

    /** The value of a variable when the caller gives none, or {@code null}. */
    String fallback(String name) {
        return fallbacks.get(name);
    }

    int maxLengthOrZero() {
        return maxLength;
    }


    @Override
    public String toString() {
        return "Script[" + id + "]";
    }

    /**
     * One version of a script in an A/B test. A customer is assigned a variant by a stable hash of the
     * script id and the customer id, with probability proportional to its weight. Immutable and
     * thread-safe.
     *
     * @param id     the variant's id, recorded in {@link RenderedScript#variantId()}, e.g. {@code a}
     * @param text   the template text of this variant, as written in {@code scripts.json}
     * @param weight the variant's share of customers, relative to the other variants' weights; positive
     */
    public record Variant(String id, String text, int weight) {
        /**
         * Makes a variant; a library's own are read from {@code scripts.json}.
         *
         * @param id     the variant's id
         * @param text   the template text
         * @param weight the variant's relative share; positive
         * @throws NullPointerException     when {@code id} or {@code text} is null
         * @throws IllegalArgumentException when {@code weight} is not positive
         */
        public Variant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive, got " + weight);
            }
        }
    }

    /** Where a script is sent: to one customer, or to a group of customers. Immutable and thread-safe. */
    public enum Channel {
        /** A private, one-to-one chat with one customer (written {@code one_to_one} in {@code scripts.json}). */
        ONE_TO_ONE("one_to_one"),
        /** A group chat, such as a same-tag cohort group (written {@code group} in {@code scripts.json}). */
        GROUP("group");

        private final String id;

        Channel(String id) {
            this.id = id;
        }

        /**
         * The name of the channel as written in {@code scripts.json}.
         *
         * @return the name, e.g. {@code one_to_one}
         */
        public String id() {
            return id;
        }

        /**
         * The channel written as {@code id} in {@code scripts.json}.
         *
         * @param id the name, exact and lower case, e.g. {@code group}
         * @return the channel; empty when no channel has that name
         * @throws NullPointerException when {@code id} is null
         */
        public static Optional<Channel> fromId(String id) {
            Objects.requireNonNull(id, "id");
            for (Channel channel : values()) {
                if (channel.id.equals(id)) {
                    return Optional.of(channel);
                }
            }
            return Optional.empty();
        }
    }
}
