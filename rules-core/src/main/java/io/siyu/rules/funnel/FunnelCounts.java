package io.siyu.rules.funnel;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;

/**
 * The funnel's numbers over some journeys (all of them, one cohort or one group). Conversions are
 * counted by the stage of the first purchase, whatever happened after it; rates are fractions from 0
 * to 1 (in counts a {@link FunnelReport} made), and 0 when there is nothing to divide by. Every count but
 * {@code revenueFen} is a number of journeys. Immutable and thread-safe; {@link FunnelJson#write(FunnelReport)}
 * writes the rates along with the counts.
 *
 * @param entered             journeys that entered the funnel (past {@link Stage#NEW})
 * @param grouped             of those, put into a cohort group
 * @param reachedConversion   of those, that reached the conversion days (without buying before)
 * @param convertedDayZero    first purchase on day 0, in one-to-one service
 * @param convertedSeeding    first purchase in a group during the seeding days
 * @param convertedConversion first purchase during the conversion days
 * @param convertedLate       first purchase in long-term nurture, after the conversion days
 * @param convertedAfterLeaving first purchase after the customer left the funnel ({@link Stage#LEFT}): never
 *                            refused, reported here
 * @param boughtBeforeEntering  first purchase before the customer entered the funnel (an order recorded before
 *                            any {@code Added} or {@code Surveyed} of theirs); such a customer who never enters
 *                            is counted here and in the buyers and revenue, not in {@code entered}
 * @param active              journeys still between day 0 and the last conversion day
 * @param nurture             journeys in nurture now
 * @param left                journeys that left the funnel
 * @param buyers              journeys with at least one purchase (before entering and after leaving included)
 * @param repurchased7Days    buyers whose second purchase came within 7 days of the first
 * @param repurchased30Days   buyers whose second purchase came within 30 days of the first
 * @param revenueFen          the value of all purchases, in fen (1/100 yuan), wherever the journey was
 */
public record FunnelCounts(int entered, int grouped, int reachedConversion, int convertedDayZero,
                           int convertedSeeding, int convertedConversion, int convertedLate,
                           int convertedAfterLeaving, int boughtBeforeEntering, int active, int nurture,
                           int left, int buyers, int repurchased7Days, int repurchased30Days, long revenueFen) {

    private static final long SEVEN_DAYS = Duration.ofDays(7).toMillis();
    private static final long THIRTY_DAYS = Duration.ofDays(30).toMillis();

    /**
     * Conversions within the funnel's days: day 0, seeding and conversion (not late ones).
     *
     * @return the number of journeys
     */
    @JsonProperty
    public int converted() {
        return convertedDayZero + convertedSeeding + convertedConversion;
    }

    /**
     * Day-0 conversions of those who entered (Gaozi: about 12%).
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double dayZeroRate() {
        return rate(convertedDayZero, entered);
    }

    /**
     * Seeding conversions of those grouped.
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double seedingRate() {
        return rate(convertedSeeding, grouped);
    }

    /**
     * Conversion-day conversions of those who reached the conversion days.
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double conversionRate() {
        return rate(convertedConversion, reachedConversion);
    }

    /**
     * Day-0 and seeding conversions of those who entered.
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double cumulativeAfterSeedingRate() {
        return rate(convertedDayZero + convertedSeeding, entered);
    }

    /**
     * All conversions within the funnel's days of those who entered (Gaozi: about 45%).
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double cumulativeRate() {
        return rate(converted(), entered);
    }

    /**
     * Buyers who bought again within 7 days of their first purchase (Gaozi: about 35%).
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double repurchase7DaysRate() {
        return rate(repurchased7Days, buyers);
    }

    /**
     * Buyers who bought again within 30 days of their first purchase.
     *
     * @return the rate, 0 to 1
     */
    @JsonProperty
    public double repurchase30DaysRate() {
        return rate(repurchased30Days, buyers);
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Adds journeys up; mutable, for one report. */
    static final class Tally {
        private int entered;
        private int grouped;
        private int reachedConversion;
        private int convertedDayZero;
        private int convertedSeeding;
        private int convertedConversion;
        private int convertedLate;
        private int convertedAfterLeaving;
        private int boughtBeforeEntering;
        private int active;
        private int nurture;
        private int left;
        private int buyers;
        private int repurchased7Days;
        private int repurchased30Days;
        private long revenueFen;

        void add(Journey journey) {
            if (journey.stage() == Stage.NEW) {
                // Not in the funnel (yet): only an order recorded before entering counts, so that it is not lost.
                if (journey.purchases() > 0) {
                    boughtBeforeEntering++;
                    addPurchases(journey);
                }
                return;
            }
            entered++;
            if (journey.isGrouped()) {
                grouped++;
            }
            if (reachedConversion(journey)) {
                reachedConversion++;
            }
            Stage converted = journey.convertedIn();
            if (converted != null) {
                switch (converted) {
                    case ONE_TO_ONE -> convertedDayZero++;
                    case GROUPED, SEEDING -> convertedSeeding++;
                    case CONVERSION -> convertedConversion++;
                    case LEFT -> convertedAfterLeaving++;
                    case NEW -> boughtBeforeEntering++;
                    default -> convertedLate++;
                }
            }
            if (journey.stage().isInProgress()) {
                active++;
            } else if (journey.stage() == Stage.NURTURE) {
                nurture++;
            } else if (journey.stage() == Stage.LEFT) {
                left++;
            }
            addPurchases(journey);
        }

        private void addPurchases(Journey journey) {
            if (journey.purchases() > 0) {
                buyers++;
                if (journey.firstRepurchaseMillis() != Journey.NONE) {
                    long gap = journey.firstRepurchaseMillis() - journey.firstPurchaseMillis();
                    repurchased7Days += gap <= SEVEN_DAYS ? 1 : 0;
                    repurchased30Days += gap <= THIRTY_DAYS ? 1 : 0;
                }
            }
            revenueFen = Math.addExact(revenueFen, journey.revenueFen());
        }

        /** The furthest the journey got, by its stage now, where it bought and where it left. */
        private static boolean reachedConversion(Journey journey) {
            return atOrAfterConversion(journey.stage()) || atOrAfterConversion(journey.convertedIn())
                    || atOrAfterConversion(journey.leftIn());
        }

        private static boolean atOrAfterConversion(Stage stage) {
            return stage == Stage.CONVERSION || stage == Stage.NURTURE;
        }

        FunnelCounts counts() {
            return new FunnelCounts(entered, grouped, reachedConversion, convertedDayZero, convertedSeeding,
                    convertedConversion, convertedLate, convertedAfterLeaving, boughtBeforeEntering, active, nurture, left, buyers, repurchased7Days,
                    repurchased30Days, revenueFen);
        }
    }
}
