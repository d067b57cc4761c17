package io.siyu.rules.funnel;

import io.siyu.rules.codebook.Tag;
import io.siyu.rules.codebook.TagSet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Forecasts a funnel's numbers by simulation: customers arrive each day, and each day every customer in
 * the funnel may buy or leave with the probability of their stage. The simulated events go through a
 * real {@link Funnel} (and so through the {@link FunnelMachine}), not through a separate formula, and the
 * result is the same {@link FunnelReport} the live funnel gives. Deterministic for a seed.
 *
 * <p>After the last intake day the simulation keeps running, without intake, until every customer has
 * finished the conversion days and every repurchase window (30 days) has closed, so the rates are those
 * of complete journeys. Memory and time grow with {@code dailyIntake × intakeDays} (every simulated
 * customer's journey is kept until the report).
 *
 * <p>Not instantiable; {@link #run} holds no shared state, so any number of threads may run forecasts
 * at once.
 */
public final class FunnelForecast {

    /**
     * What the forecast assumes. Probabilities are per customer per day, in [0, 1]; the two chances of a
     * stage (buy, leave), and the two repurchase chances, add up to at most 1. Immutable and thread-safe.
     *
     * @param dailyIntake            customers entering each day, 0 or more (Gaozi: 150)
     * @param intakeDays             days with intake, 0 or more
     * @param firstDay               the first intake day, in the funnel's timezone
     * @param cohorts                the cohort tag sets customers are drawn from, uniformly; an unmodifiable
     *                               copy, not empty
     * @param dayZeroConversion      chance to buy on day 0, one to one (Gaozi: 12%)
     * @param dayZeroLeave           chance to opt out on day 0
     * @param seedingConversion      daily chance to buy during seeding
     * @param seedingLeave           daily chance to leave the group during seeding
     * @param conversionConversion   daily chance to buy during the conversion days
     * @param conversionLeave        daily chance to leave during the conversion days
     * @param nurtureConversion      daily chance to buy in long-term nurture
     * @param repurchaseWithin7Days  chance that a buyer buys again 1 to 7 days after the first purchase
     * @param repurchaseWithin30Days chance that a buyer buys again 8 to 30 days after it instead
     * @param firstOrderFen          the value of a first order, in fen (1/100 yuan), 0 or more
     * @param repurchaseFen          the value of a repurchase, in fen, 0 or more
     */
    public record Assumptions(int dailyIntake, int intakeDays, LocalDate firstDay, List<TagSet> cohorts,
                              double dayZeroConversion, double dayZeroLeave, double seedingConversion,
                              double seedingLeave, double conversionConversion, double conversionLeave,
                              double nurtureConversion, double repurchaseWithin7Days, double repurchaseWithin30Days,
                              long firstOrderFen, long repurchaseFen) {

        /**
         * Checks the assumptions.
         *
         * @param dailyIntake            customers entering each day
         * @param intakeDays             days with intake
         * @param firstDay               the first intake day
         * @param cohorts                the cohorts to draw from; copied
         * @param dayZeroConversion      chance to buy on day 0
         * @param dayZeroLeave           chance to opt out on day 0
         * @param seedingConversion      daily chance to buy during seeding
         * @param seedingLeave           daily chance to leave during seeding
         * @param conversionConversion   daily chance to buy during conversion
         * @param conversionLeave        daily chance to leave during conversion
         * @param nurtureConversion      daily chance to buy in nurture
         * @param repurchaseWithin7Days  chance to buy again within 7 days
         * @param repurchaseWithin30Days chance to buy again in days 8 to 30
         * @param firstOrderFen          the value of a first order, in fen
         * @param repurchaseFen          the value of a repurchase, in fen
         * @throws NullPointerException     when {@code firstDay}, {@code cohorts} or a cohort is null
         * @throws IllegalArgumentException when a number is negative, {@code cohorts} is empty, or a chance
         *                                  is outside [0, 1] (or NaN) or a pair of chances adds up to more than 1
         */
        public Assumptions {
            Objects.requireNonNull(firstDay, "firstDay");
            cohorts = List.copyOf(cohorts);
            if (dailyIntake < 0 || intakeDays < 0 || firstOrderFen < 0 || repurchaseFen < 0) {
                throw new IllegalArgumentException("intake, days and order values must not be negative");
            }
            if (cohorts.isEmpty()) {
                throw new IllegalArgumentException("at least one cohort is needed");
            }
            checkChances(dayZeroConversion, dayZeroLeave);
            checkChances(seedingConversion, seedingLeave);
            checkChances(conversionConversion, conversionLeave);
            checkChances(nurtureConversion, 0);
            checkChances(repurchaseWithin7Days, repurchaseWithin30Days);
        }

        private static void checkChances(double first, double second) {
            if (!(first >= 0 && second >= 0 && first + second <= 1)) {
                throw new IllegalArgumentException("chances must be between 0 and 1 and add up to at most 1, got "
                        + first + " and " + second);
            }
        }

        /**
         * The Gaozi figures: 150 customers a day for 60 days from 2026-01-05, cohorts by concern, 12% day-0
         * conversion, about 45% cumulative conversion after the conversion days with a very low leave
         * rate, about 35% 7-day repurchase; ¥299 first orders, ¥199 repurchases.
         *
         * @return the Gaozi assumptions
         */
        public static Assumptions gaozi() {
            List<TagSet> cohorts = List.of(
                    TagSet.of(List.of(new Tag("concern", "acne", "D"))),
                    TagSet.of(List.of(new Tag("concern", "closed-comedones", "E"))),
                    TagSet.of(List.of(new Tag("concern", "dryness", "F"))));
            return new Assumptions(150, 60, LocalDate.of(2026, 1, 5), cohorts, 0.12, 0.0, 0.01, 0.003, 0.07, 0.003,
                    0.0, 0.35, 0.15, 29_900, 19_900);
        }

        /**
         * The same assumptions with another daily intake.
         *
         * @param intake customers entering each day, 0 or more
         * @return new assumptions
         * @throws IllegalArgumentException when {@code intake} is negative
         */
        public Assumptions withDailyIntake(int intake) {
            return new Assumptions(intake, intakeDays, firstDay, cohorts, dayZeroConversion, dayZeroLeave,
                    seedingConversion, seedingLeave, conversionConversion, conversionLeave, nurtureConversion,
                    repurchaseWithin7Days, repurchaseWithin30Days, firstOrderFen, repurchaseFen);
        }

        /**
         * The same assumptions with customers drawn from other cohorts.
         *
         * @param newCohorts the cohorts, not empty; copied
         * @return new assumptions
         * @throws NullPointerException     when {@code newCohorts} or one of its cohorts is null
         * @throws IllegalArgumentException when {@code newCohorts} is empty
         */
        public Assumptions withCohorts(List<TagSet> newCohorts) {
            return new Assumptions(dailyIntake, intakeDays, firstDay, newCohorts, dayZeroConversion, dayZeroLeave,
                    seedingConversion, seedingLeave, conversionConversion, conversionLeave, nurtureConversion,
                    repurchaseWithin7Days, repurchaseWithin30Days, firstOrderFen, repurchaseFen);
        }

        /**
         * The same assumptions with another number of intake days.
         *
         * @param days days with intake, 0 or more
         * @return new assumptions
         * @throws IllegalArgumentException when {@code days} is negative
         */
        public Assumptions withIntakeDays(int days) {
            return new Assumptions(dailyIntake, days, firstDay, cohorts, dayZeroConversion, dayZeroLeave,
                    seedingConversion, seedingLeave, conversionConversion, conversionLeave, nurtureConversion,
                    repurchaseWithin7Days, repurchaseWithin30Days, firstOrderFen, repurchaseFen);
        }
    }

    /**
     * An experiment to simulate on top of the assumptions: a holdout control group whose customers buy at another
     * rate, and one script sent on day 0 to every treatment customer, in A/B variants that each change the rate.
     * With known effects, a simulation shows whether {@code ConversionReport} recovers them. Immutable.
     *
     * @param holdout        who is held out (their journeys use control groups and get no send)
     * @param holdoutEffect  what a held-out customer's every daily chance to buy is multiplied by (e.g. 0.8: the
     *                       pack adds 25% to their chances), 0 or more
     * @param scriptId       the script sent on day 0, at intake, to every treatment customer
     * @param variantEffects the variants of that script (drawn uniformly for each customer) and what each
     *                       multiplies the customer's every daily chance to buy by; copied, sorted by variant id,
     *                       not empty (one entry {@code "" -> 1.0} for a script without variants)
     */
    public record Experiment(Holdout holdout, double holdoutEffect, String scriptId,
                             Map<String, Double> variantEffects) {
        /**
         * Checks the values.
         *
         * @param holdout        the holdout
         * @param holdoutEffect  the held-out customers' factor, 0 or more
         * @param scriptId       the script sent
         * @param variantEffects the variants' factors, each 0 or more
         * @throws NullPointerException     when an object argument, a key or a value is null
         * @throws IllegalArgumentException when {@code variantEffects} is empty or a factor is negative or NaN
         */
        public Experiment {
            Objects.requireNonNull(holdout, "holdout");
            Objects.requireNonNull(scriptId, "scriptId");
            variantEffects = java.util.Collections.unmodifiableMap(new TreeMap<>(variantEffects));
            if (variantEffects.isEmpty() || !(holdoutEffect >= 0)
                    || variantEffects.values().stream().anyMatch(f -> !(f >= 0))) {
                throw new IllegalArgumentException("an experiment has variants and factors of 0 or more");
            }
        }
    }

    private static final int REPURCHASE_WINDOW_DAYS = 30;
    private static final LocalTime INTAKE_TIME = LocalTime.of(9, 0);
    private static final LocalTime REPURCHASE_TIME = LocalTime.of(12, 0);
    private static final LocalTime DAILY_TIME = LocalTime.of(20, 0);

    private final FunnelConfig config;
    private final Assumptions assumptions;
    private final SplittableRandom random;
    private final Funnel funnel;
    private final List<String> customers = new ArrayList<>();
    private final List<List<String>> repurchasesByDay = new ArrayList<>();
    /** What each customer's chances to buy are multiplied by (1 without an experiment). */
    private final Map<String, Double> effects = new java.util.HashMap<>();
    private final Experiment experiment;
    private final List<String> variants;
    private long eventSequence;

    private FunnelForecast(FunnelConfig config, Assumptions assumptions, long seed, int totalDays,
                           Experiment experiment, FunnelStore store) {
        this.config = config;
        this.assumptions = assumptions;
        this.random = new SplittableRandom(seed);
        this.experiment = experiment;
        this.variants = experiment == null ? List.of() : List.copyOf(experiment.variantEffects().keySet());
        LocalDate lastDay = assumptions.firstDay().plusDays(totalDays);
        Clock endOfSimulation = Clock.fixed(lastDay.atTime(LocalTime.MAX).atZone(config.zone()).toInstant(),
                config.zone());
        this.funnel = Funnel.create(config, endOfSimulation, store,
                experiment == null ? Holdout.NONE : experiment.holdout());
        for (int day = 0; day <= totalDays; day++) {
            repurchasesByDay.add(new ArrayList<>());
        }
    }

    /**
     * Simulates the funnel and reports its numbers.
     *
     * @param config      the funnel settings (days, group capacity, exits, timezone)
     * @param assumptions intake and probabilities, e.g. {@link Assumptions#gaozi()}
     * @param seed        the random seed: the same seed gives the same report
     * @return the report of the simulated funnel, over every simulated customer
     * @throws NullPointerException when an argument is null
     */
    public static FunnelReport run(FunnelConfig config, Assumptions assumptions, long seed) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(assumptions, "assumptions");
        return run(config, assumptions, null, seed, FunnelStore.inMemory());
    }

    /**
     * Simulates the funnel with an experiment into a store, and reports its numbers. Besides the events of
     * {@link #run(FunnelConfig, Assumptions, long)}, every treatment customer is sent the experiment's script
     * ({@link FunnelEvent.Sent}, one millisecond after their survey, with a variant drawn uniformly), and every
     * customer's chances to buy are multiplied by their variant's effect, or the holdout's. The store keeps the
     * whole journal: {@code ConversionReport} reads it.
     *
     * @param config      the funnel settings
     * @param assumptions intake and probabilities
     * @param experiment  the holdout and the script's variants with their effects
     * @param seed        the random seed: the same seed gives the same events
     * @param store       where the simulated funnel keeps everything, normally empty
     * @return the report of the simulated funnel
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when an effect multiplies a chance (or a stage's pair of chances) past 1
     * @throws FunnelStoreException     when the store fails
     */
    public static FunnelReport run(FunnelConfig config, Assumptions assumptions, Experiment experiment, long seed,
                                   FunnelStore store) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(store, "store");
        int totalDays = assumptions.intakeDays() + config.lastConversionDay() + REPURCHASE_WINDOW_DAYS;
        FunnelForecast forecast = new FunnelForecast(config, assumptions, seed, totalDays, experiment, store);
        for (int day = 0; day <= totalDays; day++) {
            forecast.simulate(day);
        }
        return forecast.funnel.report();
    }

    private void simulate(int day) {
        LocalDate date = assumptions.firstDay().plusDays(day);
        funnel.advance(date);
        if (day < assumptions.intakeDays()) {
            Instant intakeStart = at(date, INTAKE_TIME);
            for (int i = 0; i < assumptions.dailyIntake(); i++) {
                String customer = "F" + day + "-" + i;
                customers.add(customer);
                Instant added = intakeStart.plusMillis(2L * i);
                TagSet tags = assumptions.cohorts().get(random.nextInt(assumptions.cohorts().size()));
                funnel.record(new FunnelEvent.Added(nextEventId(), customer, added));
                funnel.record(new FunnelEvent.Surveyed(nextEventId(), customer, added.plusMillis(1), tags));
                if (experiment != null) {
                    assign(customer, added.plusMillis(2));
                }
            }
        }
        Instant dailyStart = at(date, DAILY_TIME);
        for (int i = 0; i < customers.size(); i++) {
            Journey journey = funnel.journey(customers.get(i)).orElseThrow();
            Instant when = dailyStart.plusMillis(i);
            switch (journey.stage()) {
                case ONE_TO_ONE -> draw(journey, day, when, assumptions.dayZeroConversion(), assumptions.dayZeroLeave());
                case SEEDING -> draw(journey, day, when, assumptions.seedingConversion(), assumptions.seedingLeave());
                case CONVERSION -> draw(journey, day, when, assumptions.conversionConversion(),
                        assumptions.conversionLeave());
                case NURTURE -> draw(journey, day, when, assumptions.nurtureConversion(), 0);
                default -> {
                    // Converted and left customers only repurchase, as scheduled; NEW and GROUPED do not occur.
                }
            }
        }
        Instant repurchaseStart = at(date, REPURCHASE_TIME);
        List<String> repurchasing = repurchasesByDay.get(day);
        for (int i = 0; i < repurchasing.size(); i++) {
            funnel.record(new FunnelEvent.Purchased(nextEventId(), repurchasing.get(i), repurchaseStart.plusMillis(i),
                    assumptions.repurchaseFen()));
        }
    }

    /** Puts a customer in their arm: held out, or sent the script in a variant drawn uniformly. */
    private void assign(String customer, Instant at) {
        if (experiment.holdout().holdsOut(customer)) {
            effects.put(customer, experiment.holdoutEffect());
            return;
        }
        String variant = variants.get(random.nextInt(variants.size()));
        effects.put(customer, experiment.variantEffects().get(variant));
        funnel.record(new FunnelEvent.Sent(nextEventId(), customer, at, "sim-d-" + customer, experiment.scriptId(),
                variant));
    }

    private void draw(Journey journey, int day, Instant when, double chanceToBuy, double leave) {
        double chance = random.nextDouble();
        String customer = journey.customerId();
        double buy = chanceToBuy * effects.getOrDefault(customer, 1.0);
        if (buy + leave > 1) {
            throw new IllegalArgumentException("an effect takes a chance to buy to " + buy + " (leaving: " + leave
                    + "): more than 1");
        }
        if (chance < leave) {
            // In one-to-one service there is no group to leave yet: the customer opts out.
            funnel.record(journey.stage() == Stage.ONE_TO_ONE
                    ? new FunnelEvent.OptedOut(nextEventId(), customer, when)
                    : new FunnelEvent.LeftGroup(nextEventId(), customer, when));
        } else if (chance < leave + buy) {
            funnel.record(new FunnelEvent.Purchased(nextEventId(), customer, when, assumptions.firstOrderFen()));
            scheduleRepurchase(customer, day);
        }
    }

    private void scheduleRepurchase(String customer, int day) {
        double chance = random.nextDouble();
        int after;
        if (chance < assumptions.repurchaseWithin7Days()) {
            after = 1 + random.nextInt(7);
        } else if (chance < assumptions.repurchaseWithin7Days() + assumptions.repurchaseWithin30Days()) {
            after = 8 + random.nextInt(REPURCHASE_WINDOW_DAYS - 7);
        } else {
            return;
        }
        if (day + after < repurchasesByDay.size()) {
            repurchasesByDay.get(day + after).add(customer);
        }
    }

    private Instant at(LocalDate date, LocalTime time) {
        ZoneId zone = config.zone();
        return date.atTime(time).atZone(zone).toInstant();
    }

    private String nextEventId() {
        return "sim-" + (++eventSequence);
    }
}
