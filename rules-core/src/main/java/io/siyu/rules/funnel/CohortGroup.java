package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A cohort group as it stands on one day: customers with the same cohort tags and the same day 0.
 * Immutable and thread-safe; a snapshot, not updated as the funnel moves on.
 *
 * @param groupId   the readable group id, {@code <cohort codes>-<start date>-<n>}, e.g. {@code D-2026-11-23-1}
 *                  ({@code untagged} in place of the codes for customers who were not surveyed)
 * @param cohort    the members' tags on the cohort questions
 * @param startDate the members' day 0
 * @param stage     the group's stage on the day asked for ({@link Stage#SEEDING} or {@link Stage#CONVERSION})
 * @param day       the group's day number on the day asked for: days since {@code startDate}
 * @param members   how many members have not left, 0 or more
 */
public record CohortGroup(String groupId, TagSet cohort, LocalDate startDate, Stage stage, int day, int members) {
    /**
     * Makes a cohort group; {@link Funnel#activeGroups(LocalDate)} is what makes them.
     *
     * @param groupId   the group id
     * @param cohort    the members' cohort tags
     * @param startDate the members' day 0
     * @param stage     the group's stage on the day
     * @param day       the group's day number on the day
     * @param members   how many members have not left
     * @throws NullPointerException when an object argument is null
     */
    public CohortGroup {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(stage, "stage");
    }

    /**
     * The cohort codes.
     *
     * @return the codes of {@link #cohort()} in canonical order, e.g. {@code "D"}; empty for an untagged group
     */
    public String cohortCodes() {
        return cohort.codes();
    }
}
