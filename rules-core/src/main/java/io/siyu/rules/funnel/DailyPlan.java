package io.siyu.rules.funnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the operations team does on one day: each active group's content, the group days nothing was
 * planned for, and the customers to serve one to one. Made by {@link Funnel#planFor}. Immutable and
 * thread-safe; its lists are unmodifiable copies.
 *
 * @param date           the day
 * @param groups         every active group that has content, in group creation order
 * @param missingContent every active group day the planner returned no content for, in group creation order
 * @param oneToOne       the journeys on their day 0 in one-to-one service, in customer id order
 */
public record DailyPlan(LocalDate date, List<GroupPlan> groups, List<GroupDay> missingContent,
                        List<Journey> oneToOne) {

    /**
     * One group's content for the day. Immutable and thread-safe.
     *
     * @param day     the group day
     * @param content the content in the order to send it; an unmodifiable copy, never empty in a plan made
     *                by {@link Funnel#planFor}
     */
    public record GroupPlan(GroupDay day, List<PlannedContent> content) {
        /**
         * Makes a group plan.
         *
         * @param day     the group day
         * @param content the content; copied
         * @throws NullPointerException when an argument or a content element is null
         */
        public GroupPlan {
            Objects.requireNonNull(day, "day");
            content = List.copyOf(content);
        }
    }

    /**
     * Makes a plan.
     *
     * @param date           the day
     * @param groups         the groups with content; copied
     * @param missingContent the group days without content; copied
     * @param oneToOne       the journeys in one-to-one service; copied
     * @throws NullPointerException when an argument or a list element is null
     */
    public DailyPlan {
        Objects.requireNonNull(date, "date");
        groups = List.copyOf(groups);
        missingContent = List.copyOf(missingContent);
        oneToOne = List.copyOf(oneToOne);
    }

    /**
     * Whether every active group has content.
     *
     * @return true when {@link #missingContent()} is empty
     */
    public boolean isComplete() {
        return missingContent.isEmpty();
    }
}
