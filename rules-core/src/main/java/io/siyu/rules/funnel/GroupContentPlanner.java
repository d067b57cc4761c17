package io.siyu.rules.funnel;

import java.util.List;

/**
 * Chooses what a cohort group gets on a day; the rule engine implements it. Returning an empty list
 * means "nothing planned", which {@link DailyPlan#missingContent()} reports.
 */
@FunctionalInterface
public interface GroupContentPlanner {

    /** The content for one group on one day, in the order to send it; never null. */
    List<PlannedContent> contentFor(GroupDay day);
}
