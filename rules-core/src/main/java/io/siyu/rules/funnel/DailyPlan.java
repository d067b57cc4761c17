package io.siyu.rules.funnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the operations team does on one day: each active group's content, the group days nothing was
 * planned for, and the customers to serve one to one.
 *
 * @param date           the day
 * @param groups         every active group that has content, in group creation order
 * @param missingContent every active group day the planner returned no content for
 * @param oneToOne       the journeys on their day 0 in one-to-one service, by customer id
 */
public record DailyPlan(LocalDate date, List<GroupPlan> groups, List<GroupDay> missingContent,
                        List<Journey> oneToOne) {

    /**
     * One group's content for the day.
     *
     * @param day     the group day
     * @param content the content, never empty
     */
    public record GroupPlan(GroupDay day, List<PlannedContent> content) {
        public GroupPlan {
            Objects.requireNonNull(day, "day");
            content = List.copyOf(content);
        }
    }

    public DailyPlan {
        Objects.requireNonNull(date, "date");
        groups = List.copyOf(groups);
        missingContent = List.copyOf(missingContent);
        oneToOne = List.copyOf(oneToOne);
    }

    /** Whether every active group has content. */
    public boolean isComplete() {
        return missingContent.isEmpty();
    }
}
