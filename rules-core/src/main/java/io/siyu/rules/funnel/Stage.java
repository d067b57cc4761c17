package io.siyu.rules.funnel;

/**
 * Where a customer is in the group seeding funnel. {@code docs/funnel.md} lists every transition.
 *
 * <p>The funnel days are counted from the customer's start date (day 0) in the funnel's timezone:
 * day 0 is one-to-one service, days 1 to {@code seedingDays} are seeding, the next
 * {@code conversionDays} days are concentrated conversion. Immutable and thread-safe.
 */
public enum Stage {
    /** Not in the funnel yet: the blank journey before its first event. */
    NEW,
    /** Day 0: served one to one after adding the service account or filling in the survey. */
    ONE_TO_ONE,
    /**
     * Day 0 is over without a purchase and the customer is being put into a cohort group; a journey
     * leaves this stage for the stage of its day as soon as it has a group id.
     */
    GROUPED,
    /** In a cohort group during the seeding days (种草, by default days 1 to 5). */
    SEEDING,
    /** In a cohort group during the concentrated conversion days (集中转化, by default days 6 to 11). */
    CONVERSION,
    /** Bought; later purchases are repurchases. */
    CONVERTED,
    /** The conversion days ended without a purchase: kept in the long-term group. */
    NURTURE,
    /** Left the group, opted out or blocked the account; final. */
    LEFT;

    /**
     * Whether this stage is one of the cohort-group stages whose content the rules plan each day.
     *
     * @return true for {@link #SEEDING} and {@link #CONVERSION}
     */
    public boolean isGroupStage() {
        return this == SEEDING || this == CONVERSION;
    }

    /**
     * Whether the funnel still moves this journey on day boundaries (day 0 up to the last conversion day).
     *
     * @return true for {@link #ONE_TO_ONE}, {@link #GROUPED}, {@link #SEEDING} and {@link #CONVERSION}
     */
    public boolean isInProgress() {
        return this == ONE_TO_ONE || this == GROUPED || this == SEEDING || this == CONVERSION;
    }
}
