package io.siyu.rules.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.siyu.rules.funnel.FunnelEvent;
import io.siyu.rules.funnel.FunnelStore;
import io.siyu.rules.funnel.Holdout;
import io.siyu.rules.internal.i18n.Messages;
import io.siyu.rules.internal.text.TextTable;
import io.siyu.rules.pack.PackManifest;
import io.siyu.rules.pack.RulePack;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which script converts, and whether the pack converts at all: purchases attributed to the sends that preceded
 * them, conversion per script and A/B variant with 95% intervals, and the uplift of the treatment arm over the
 * holdout control group, each with a plain verdict in English or Chinese.
 *
 * <p><b>Attribution.</b> Each purchase ({@link FunnelEvent.Purchased}) is attributed to the customer's last send
 * ({@link FunnelEvent.Sent}) at or before it, when the purchase's date is less than {@code windowDays} days after
 * the send's date, dates taken in the pack's timezone: with a 7-day window a send at 23:50 on 23 Nov covers the
 * purchases of 23 to 29 Nov, not one at 00:10 on 30 Nov (only 6 days and 20 minutes later). A customer converts
 * for a script and variant when at least one of their purchases is attributed to a send of it.
 *
 * <p><b>Arms.</b> Every customer who entered the funnel (an {@code Added} or {@code Surveyed} event) is in the
 * holdout or the treatment arm by {@link Holdout#arm}; a customer of an arm converts when they bought at or after
 * entering, whatever was sent.
 *
 * <p><b>Statistics</b> (computed with Apache Commons Statistics: its Wilson score interval and normal distribution,
 * 95% two-sided): a rate's interval is Wilson's score interval; a difference of two rates has Newcombe's hybrid score interval (his method
 * 10, built from the two Wilson intervals) and the two-proportion z-test's p-value (pooled variance). "A beats B"
 * when the difference's interval excludes zero; otherwise the verdict says how many more customers per arm would
 * let a difference as large as the one seen show at 5% significance with 80% power (the usual sample-size formula
 * for two proportions), or that no difference is seen at all.
 *
 * <p>Immutable and thread-safe; built one customer at a time by a {@link Builder} (not thread-safe), or over a
 * whole store with {@link #of(RulePack, FunnelStore)}.
 */
public final class ConversionReport {
    private static final String MESSAGES = "io.siyu.rules.report.messages";
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    /** The error rate of the 95% intervals. */
    private static final double ALPHA = 0.05;
    /** z for a two-sided 95% interval: Φ⁻¹(0.975) ≈ 1.95996. */
    private static final double Z = NORMAL.inverseCumulativeProbability(0.975);
    /** z for 80% power: Φ⁻¹(0.8) ≈ 0.84162. */
    private static final double Z_POWER = NORMAL.inverseCumulativeProbability(0.8);
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * A proportion with its 95% Wilson score interval.
     *
     * @param successes how many succeeded (bought), 0 to {@code trials}
     * @param trials    how many tried (customers), 0 or more
     * @param rate      {@code successes / trials}, 0 when there are no trials
     * @param low       the interval's lower end, 0 to 1
     * @param high      the interval's upper end, 0 to 1 (0 to 1 as a whole when there are no trials)
     */
    public record Rate(long successes, long trials, double rate, double low, double high) {
        /**
         * The rate of {@code successes} in {@code trials}, with its Wilson interval.
         *
         * @param successes the successes
         * @param trials    the trials
         * @return the rate
         * @throws IllegalArgumentException when a count is negative or successes exceed trials
         * @throws ArithmeticException      when {@code trials} is more than {@link Integer#MAX_VALUE}
         */
        public static Rate of(long successes, long trials) {
            if (successes < 0 || trials < 0 || successes > trials) {
                throw new IllegalArgumentException("0 <= successes <= trials, got " + successes + " of " + trials);
            }
            if (trials == 0) {
                return new Rate(0, 0, 0, 0, 1);
            }
            Interval wilson = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(Math.toIntExact(trials),
                    Math.toIntExact(successes), ALPHA);
            double p = successes / (double) trials;
            // At 0 and at n the ends are exactly 0 and 1; the formula leaves a rounding error there.
            double low = successes == 0 ? 0 : Math.max(0, wilson.getLowerBound());
            double high = successes == trials ? 1 : Math.min(1, wilson.getUpperBound());
            return new Rate(successes, trials, p, low, high);
        }
    }

    /** What a comparison of two rates concludes. */
    public enum Outcome {
        /** The first rate is higher, and the interval of the difference excludes zero. */
        BETTER,
        /** The first rate is lower, and the interval of the difference excludes zero. */
        WORSE,
        /** Not enough data to tell: see {@link Comparison#moreNeeded()}. */
        NOT_YET,
        /** One side has no customers yet. */
        NO_DATA
    }

    /**
     * Two rates compared: {@code a} minus {@code b}.
     *
     * @param a          the name of the first (e.g. {@code treatment}, {@code B})
     * @param b          the name of the second (e.g. {@code holdout}, {@code A})
     * @param rateA      the first rate
     * @param rateB      the second rate
     * @param difference {@code rateA.rate() - rateB.rate()}, from -1 to 1
     * @param low        the lower end of the difference's 95% Newcombe interval
     * @param high       the upper end of the difference's 95% Newcombe interval
     * @param pValue     the two-sided p-value of the two-proportion z-test, 0 to 1 (1 when it cannot be computed)
     * @param outcome    what it concludes
     * @param moreNeeded about how many more customers each side needs before a difference as large as this one
     *                   would show (80% power at 5%), 0 when it shows already, -1 when no difference is seen at
     *                   all (or there is no data)
     */
    public record Comparison(String a, String b, Rate rateA, Rate rateB, double difference, double low, double high,
                             double pValue, Outcome outcome, long moreNeeded) {
        /**
         * Compares two rates.
         *
         * @param a     the first's name
         * @param rateA the first rate
         * @param b     the second's name
         * @param rateB the second rate
         * @return the comparison of {@code rateA} minus {@code rateB}
         * @throws NullPointerException when an argument is null
         */
        public static Comparison of(String a, Rate rateA, String b, Rate rateB) {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            double p1 = rateA.rate();
            double p2 = rateB.rate();
            double d = p1 - p2;
            if (rateA.trials() == 0 || rateB.trials() == 0) {
                return new Comparison(a, b, rateA, rateB, d, -1, 1, 1, Outcome.NO_DATA, -1);
            }
            double low = d - Math.sqrt(square(p1 - rateA.low()) + square(rateB.high() - p2));
            double high = d + Math.sqrt(square(rateA.high() - p1) + square(p2 - rateB.low()));
            double n1 = rateA.trials();
            double n2 = rateB.trials();
            double pooled = (rateA.successes() + rateB.successes()) / (n1 + n2);
            double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
            double pValue = se == 0 ? 1 : Math.min(1, 2 * NORMAL.survivalProbability(Math.abs(d) / se));
            Outcome outcome = low > 0 ? Outcome.BETTER : high < 0 ? Outcome.WORSE : Outcome.NOT_YET;
            long more;
            if (outcome != Outcome.NOT_YET) {
                more = 0;
            } else if (d == 0) {
                more = -1;
            } else {
                double mean = (p1 + p2) / 2;
                double needed = square(Z * Math.sqrt(2 * mean * (1 - mean))
                        + Z_POWER * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) / square(d);
                more = Math.max(1, (long) Math.ceil(needed - Math.min(n1, n2)));
            }
            return new Comparison(a, b, rateA, rateB, d, low, high, pValue, outcome, more);
        }

        /**
         * The verdict in words an operator can act on, e.g. {@code "treatment beats holdout: 45.1% vs 38.0% bought,
         * +7.1 points (95% interval +3.2 to +11.0; p = 0.0004)."} or {@code "Not enough data yet: about 1,200 more
         * customers each ..."}.
         *
         * @param locale English, or Simplified Chinese for {@code zh}
         * @return one sentence
         * @throws NullPointerException when {@code locale} is null
         */
        public String verdict(Locale locale) {
            Messages m = Messages.of(MESSAGES, Objects.requireNonNull(locale, "locale"));
            String ra = percent(rateA.rate());
            String rb = percent(rateB.rate());
            String a = name(m, this.a);
            String b = name(m, this.b);
            return switch (outcome) {
                case BETTER -> m.format("verdict.beats", a, b, ra, rb, points(difference), points(low), points(high),
                        formatP(pValue));
                case WORSE -> m.format("verdict.beats", b, a, rb, ra, points(-difference), points(-high),
                        points(-low), formatP(pValue));
                case NOT_YET -> moreNeeded < 0 ? m.format("verdict.no-difference", a, b, ra, rb,
                        rateA.trials(), rateB.trials())
                        : m.format("verdict.more-data", String.format(Locale.ROOT, "%,d", moreNeeded), a, b, ra, rb,
                        points(low), points(high));
                case NO_DATA -> m.format("verdict.no-data", rateA.trials() == 0 ? a : b);
            };
        }
    }

    /** The arms by their name in the locale; other names (variants) as they are. */
    private static String name(Messages m, String name) {
        return name.equals(TREATMENT) || name.equals(HOLDOUT) ? m.format("arm." + name) : name;
    }

    private static final String TREATMENT = "treatment";
    private static final String HOLDOUT = "holdout";

    /**
     * One A/B variant of a script (or the script itself, when it has none: variant {@code ""}).
     *
     * @param scriptId   the script
     * @param variant    the variant id, {@code ""} for a script without variants
     * @param sends      how many sends were recorded
     * @param conversion buyers (customers with a purchase attributed to a send of it) of customers sent it
     * @param purchases  how many purchases were attributed to it
     * @param revenueFen their value, in fen
     */
    public record Variant(String scriptId, String variant, long sends, Rate conversion, long purchases,
                          long revenueFen) {
        /**
         * Checks the values.
         *
         * @param scriptId   the script
         * @param variant    the variant, or {@code ""}
         * @param sends      the sends
         * @param conversion the conversion
         * @param purchases  the purchases attributed
         * @param revenueFen their value in fen
         * @throws NullPointerException when an object argument is null
         */
        public Variant {
            Objects.requireNonNull(scriptId, "scriptId");
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    /**
     * A script with its variants, and the best variant compared with the next best.
     *
     * @param scriptId   the script
     * @param variants   its variants, by variant id; unmodifiable
     * @param comparison the best variant (highest conversion) against the runner-up; empty with fewer than two
     */
    public record ScriptConversion(String scriptId, List<Variant> variants, Optional<Comparison> comparison) {
        /**
         * Checks the values.
         *
         * @param scriptId   the script
         * @param variants   the variants; copied
         * @param comparison the comparison, or empty
         * @throws NullPointerException when an argument is null
         */
        public ScriptConversion {
            Objects.requireNonNull(scriptId, "scriptId");
            variants = List.copyOf(variants);
            Objects.requireNonNull(comparison, "comparison");
        }
    }

    private final Holdout holdout;
    private final int windowDays;
    private final Rate treatment;
    private final Rate heldOut;
    private final Comparison uplift;
    private final List<ScriptConversion> scripts;
    private final long unattributedPurchases;

    private ConversionReport(Builder b) {
        this.holdout = b.holdout;
        this.windowDays = b.windowDays;
        this.treatment = Rate.of(b.armBuyers[0], b.armCustomers[0]);
        this.heldOut = Rate.of(b.armBuyers[1], b.armCustomers[1]);
        this.uplift = Comparison.of("treatment", treatment, "holdout", heldOut);
        this.unattributedPurchases = b.unattributed;
        Map<String, List<Variant>> byScript = new TreeMap<>();
        b.variants.forEach((key, tally) -> byScript.computeIfAbsent(key.scriptId, k -> new ArrayList<>())
                .add(new Variant(key.scriptId, key.variant, tally.sends, Rate.of(tally.buyers, tally.customers),
                        tally.purchases, tally.revenueFen)));
        List<ScriptConversion> out = new ArrayList<>();
        byScript.forEach((script, variants) -> {
            Optional<Comparison> comparison = Optional.empty();
            if (variants.size() >= 2) {
                List<Variant> ranked = new ArrayList<>(variants);
                ranked.sort(Comparator.comparingDouble((Variant v) -> v.conversion().rate()).reversed()
                        .thenComparing(Variant::variant));
                comparison = Optional.of(Comparison.of(label(ranked.get(0)), ranked.get(0).conversion(),
                        label(ranked.get(1)), ranked.get(1).conversion()));
            }
            out.add(new ScriptConversion(script, variants, comparison));
        });
        this.scripts = List.copyOf(out);
    }

    private static String label(Variant v) {
        return v.variant().isEmpty() ? v.scriptId() : v.variant();
    }

    /**
     * A builder for a report over customers' journals.
     *
     * @param holdout    who is held out
     * @param windowDays the attribution window in days, 1 or more
     * @param zone       the timezone of the window's days (the pack's)
     * @return a new builder
     * @throws NullPointerException     when an object argument is null
     * @throws IllegalArgumentException when {@code windowDays} is less than 1
     */
    public static Builder builder(Holdout holdout, int windowDays, ZoneId zone) {
        return new Builder(holdout, windowDays, zone);
    }

    /**
     * The report over every customer of a store, with the pack's holdout, attribution window and timezone
     * ({@code pack.json}). Reads the store's journal once ({@link FunnelStore#forEachJournal}).
     *
     * @param pack  the pack whose settings apply
     * @param store the funnel's store
     * @return the report
     * @throws NullPointerException when an argument is null
     * @throws io.siyu.rules.funnel.FunnelStoreException when the store fails
     */
    public static ConversionReport of(RulePack pack, FunnelStore store) {
        PackManifest m = pack.manifest();
        Builder b = builder(m.holdout(), m.attributionWindowDays(), m.zone());
        store.forEachJournal(b::add);
        return b.build();
    }

    /**
     * The holdout the arms were drawn with.
     *
     * @return the holdout
     */
    public Holdout holdout() {
        return holdout;
    }

    /**
     * The attribution window.
     *
     * @return days, 1 or more
     */
    public int windowDays() {
        return windowDays;
    }

    /**
     * Conversion of the treatment arm: customers who entered and were not held out.
     *
     * @return buyers of customers
     */
    public Rate treatment() {
        return treatment;
    }

    /**
     * Conversion of the holdout arm.
     *
     * @return buyers of customers; no trials without a holdout
     */
    public Rate holdoutArm() {
        return heldOut;
    }

    /**
     * Treatment minus holdout: what the pack adds.
     *
     * @return the comparison ({@link Outcome#NO_DATA} without a holdout)
     */
    public Comparison uplift() {
        return uplift;
    }

    /**
     * Every script sent, by id, with its variants.
     *
     * @return the scripts in id order; unmodifiable
     */
    public List<ScriptConversion> scripts() {
        return scripts;
    }

    /**
     * Purchases with no send in the window before them (by customers of either arm).
     *
     * @return how many, 0 or more
     */
    public long unattributedPurchases() {
        return unattributedPurchases;
    }

    /**
     * The report as text: the arms and the uplift with its verdict, then one row per script variant (sends,
     * customers, buyers, rate and interval), each script with two or more variants followed by its verdict.
     *
     * @param locale English, or Simplified Chinese for {@code zh}
     * @return the table, each line ending with {@code \n}
     * @throws NullPointerException when {@code locale} is null
     */
    public String toTable(Locale locale) {
        Messages m = Messages.of(MESSAGES, Objects.requireNonNull(locale, "locale"));
        StringBuilder out = new StringBuilder();
        out.append(m.format("table.arms", holdout.percent(), windowDays)).append('\n');
        List<String[]> rows = new ArrayList<>();
        // An arm is every customer of it, sent something or not: no sends column.
        rows.add(new String[] {m.format("column.segment"), m.format("column.customers"), m.format("column.buyers"),
                m.format("column.rate"), m.format("column.interval")});
        rows.add(row(m.format("arm.treatment"), treatment));
        rows.add(row(m.format("arm.holdout"), heldOut));
        out.append(align(rows));
        out.append("  ").append(uplift.verdict(locale)).append('\n').append('\n');
        rows = new ArrayList<>();
        rows.add(new String[] {m.format("column.script"), m.format("column.sends"), m.format("column.customers"),
                m.format("column.buyers"), m.format("column.rate"), m.format("column.interval")});
        for (ScriptConversion s : scripts) {
            for (Variant v : s.variants()) {
                rows.add(row(v.variant().isEmpty() ? s.scriptId() : s.scriptId() + " " + v.variant(), v.sends(),
                        v.conversion()));
            }
        }
        if (scripts.isEmpty()) {
            out.append(m.format("table.no-sends")).append('\n');
        } else {
            out.append(align(rows));
            for (ScriptConversion s : scripts) {
                s.comparison().ifPresent(c -> out.append("  ").append(s.scriptId()).append(": ")
                        .append(c.verdict(locale)).append('\n'));
            }
        }
        out.append(m.format("table.unattributed", unattributedPurchases)).append('\n');
        return out.toString();
    }

    private static String[] row(String name, long sends, Rate r) {
        String[] rate = row(name, r);
        String[] row = new String[rate.length + 1];
        row[0] = name;
        row[1] = Long.toString(sends);
        System.arraycopy(rate, 1, row, 2, rate.length - 1);
        return row;
    }

    private static String[] row(String name, Rate r) {
        return new String[] {name, Long.toString(r.trials()), Long.toString(r.successes()), percent(r.rate()),
                percent(r.low()) + " - " + percent(r.high())};
    }

    private static String align(List<String[]> rows) {
        return TextTable.format(rows.stream().map(List::of).toList(), column -> column > 0);
    }

    /**
     * The report as one line of JSON: {@code {"holdoutPercent", "windowDays", "treatment": rate, "holdout": rate,
     * "uplift": comparison, "scripts": [{"scriptId", "variants": [{"variant", "sends", "conversion": rate,
     * "purchases", "revenueFen"}], "comparison": comparison or null}], "unattributedPurchases"}}; a rate is
     * {@code {"successes", "trials", "rate", "low", "high"}}, a comparison {@code {"a", "b", "difference", "low",
     * "high", "pValue", "outcome", "moreNeeded", "verdict", "verdictZh"}}. Rates are fractions from 0 to 1.
     *
     * @return the JSON object, on one line
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("holdoutPercent", holdout.percent());
            g.writeNumberField("windowDays", windowDays);
            g.writeFieldName("treatment");
            write(g, treatment);
            g.writeFieldName("holdout");
            write(g, heldOut);
            g.writeFieldName("uplift");
            write(g, uplift);
            g.writeArrayFieldStart("scripts");
            for (ScriptConversion s : scripts) {
                g.writeStartObject();
                g.writeStringField("scriptId", s.scriptId());
                g.writeArrayFieldStart("variants");
                for (Variant v : s.variants()) {
                    g.writeStartObject();
                    g.writeStringField("variant", v.variant());
                    g.writeNumberField("sends", v.sends());
                    g.writeFieldName("conversion");
                    write(g, v.conversion());
                    g.writeNumberField("purchases", v.purchases());
                    g.writeNumberField("revenueFen", v.revenueFen());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeFieldName("comparison");
                if (s.comparison().isPresent()) {
                    write(g, s.comparison().get());
                } else {
                    g.writeNull();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("unattributedPurchases", unattributedPurchases);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a report as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Rate r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("successes", r.successes());
        g.writeNumberField("trials", r.trials());
        g.writeNumberField("rate", r.rate());
        g.writeNumberField("low", r.low());
        g.writeNumberField("high", r.high());
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, Comparison c) throws IOException {
        g.writeStartObject();
        g.writeStringField("a", c.a());
        g.writeStringField("b", c.b());
        g.writeNumberField("difference", c.difference());
        g.writeNumberField("low", c.low());
        g.writeNumberField("high", c.high());
        g.writeNumberField("pValue", c.pValue());
        g.writeStringField("outcome", c.outcome().name());
        g.writeNumberField("moreNeeded", c.moreNeeded());
        g.writeStringField("verdict", c.verdict(Locale.ENGLISH));
        g.writeStringField("verdictZh", c.verdict(Locale.SIMPLIFIED_CHINESE));
        g.writeEndObject();
    }

    private static double square(double x) {
        return x * x;
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f", difference * 100);
    }

    private static String formatP(double p) {
        return p < 0.0001 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
    }

    /** Adds up customers one journal at a time. Not thread-safe. */
    public static final class Builder {
        private final Holdout holdout;
        private final int windowDays;
        private final ZoneId zone;
        private final long[] armCustomers = new long[2];
        private final long[] armBuyers = new long[2];
        private final Map<VariantKey, Tally> variants = new TreeMap<>();
        private long unattributed;

        private record VariantKey(String scriptId, String variant) implements Comparable<VariantKey> {
            @Override
            public int compareTo(VariantKey o) {
                int c = scriptId.compareTo(o.scriptId);
                return c != 0 ? c : variant.compareTo(o.variant);
            }
        }

        private static final class Tally {
            long sends;
            long customers;
            long buyers;
            long purchases;
            long revenueFen;
        }

        private Builder(Holdout holdout, int windowDays, ZoneId zone) {
            this.holdout = Objects.requireNonNull(holdout, "holdout");
            this.zone = Objects.requireNonNull(zone, "zone");
            if (windowDays < 1) {
                throw new IllegalArgumentException("the attribution window is at least 1 day, got " + windowDays);
            }
            this.windowDays = windowDays;
        }

        /**
         * Adds one customer: all of their events (sends, purchases and the rest, in any order).
         *
         * @param journal the customer's events, all of one customer; an empty list adds nothing
         * @return this builder
         * @throws NullPointerException     when {@code journal} or an event is null
         * @throws IllegalArgumentException when the events are of more than one customer
         */
        public Builder add(List<? extends FunnelEvent> journal) {
            Objects.requireNonNull(journal, "journal");
            if (journal.isEmpty()) {
                return this;
            }
            String customer = journal.get(0).customerId();
            List<FunnelEvent> events = new ArrayList<>(journal);
            for (FunnelEvent e : events) {
                if (!e.customerId().equals(customer)) {
                    throw new IllegalArgumentException("a journal of " + customer + " holds an event of "
                            + e.customerId());
                }
            }
            // Time order; a send before anything else of its millisecond, so that a purchase stamped in the same
            // millisecond as the send is attributed to it ("at or before").
            events.sort(Comparator.comparing(FunnelEvent::timestamp)
                    .thenComparing(e -> e.kind() != FunnelEvent.Kind.SENT)
                    .thenComparing(FunnelEvent::kind).thenComparing(FunnelEvent::eventId));
            long entered = Long.MIN_VALUE;
            boolean boughtAfterEntering = false;
            FunnelEvent.Sent last = null;
            Set<VariantKey> sentTo = new HashSet<>();
            Set<VariantKey> boughtFrom = new HashSet<>();
            for (FunnelEvent e : events) {
                if (e instanceof FunnelEvent.Added || e instanceof FunnelEvent.Surveyed) {
                    entered = entered == Long.MIN_VALUE ? e.timestamp().toEpochMilli() : entered;
                } else if (e instanceof FunnelEvent.Sent s) {
                    last = s;
                    VariantKey key = new VariantKey(s.scriptId(), s.variant());
                    variants.computeIfAbsent(key, k -> new Tally()).sends++;
                    sentTo.add(key);
                } else if (e instanceof FunnelEvent.Purchased p) {
                    if (entered != Long.MIN_VALUE) {
                        boughtAfterEntering = true;
                    }
                    if (last != null && days(last, p) < windowDays) {
                        VariantKey key = new VariantKey(last.scriptId(), last.variant());
                        Tally t = variants.get(key);
                        t.purchases++;
                        t.revenueFen += p.amountFen();
                        boughtFrom.add(key);
                    } else {
                        unattributed++;
                    }
                }
                // Messages, leaving, blocking: no part in conversion.
            }
            for (VariantKey key : sentTo) {
                Tally t = variants.get(key);
                t.customers++;
                if (boughtFrom.contains(key)) {
                    t.buyers++;
                }
            }
            if (entered != Long.MIN_VALUE) {
                int arm = holdout.arm(customer).ordinal();
                armCustomers[arm]++;
                if (boughtAfterEntering) {
                    armBuyers[arm]++;
                }
            }
            return this;
        }

        /** Whole days, in the zone, from the send's date to the purchase's date. */
        private long days(FunnelEvent.Sent sent, FunnelEvent.Purchased purchase) {
            return LocalDate.ofInstant(purchase.timestamp(), zone).toEpochDay()
                    - LocalDate.ofInstant(sent.timestamp(), zone).toEpochDay();
        }

        /**
         * The report over the customers added so far.
         *
         * @return the report
         */
        public ConversionReport build() {
            return new ConversionReport(this);
        }
    }
}
