package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A cohort group as it stands on one day: customers with the same cohort tags and the same day 0.
 *
 * @param groupId   the readable group id, {@code <cohort codes>-<start date>-<n>}, e.g. {@code D-2026-11-23-1}
 *                  ({@code untagged} in place of the codes for customers who were not surveyed)
 * @param cohort    the members' tags on the cohort questions
 * @param startDate the members' day 0
 * @param stage     the group's stage on the day asked for ({@link Stage#SEEDING} or {@link Stage#CONVERSION})
 * @param day       the group's day number on the day asked for
 * @param members   how many members have not left
 */
public record CohortGroup(String groupId, TagSet cohort, LocalDate startDate, Stage stage, int day, int members) {
    public CohortGroup {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(stage, "stage");
    }

    /** The cohort codes, e.g. {@code "D"}. */
    public String cohortCodes() {
        return cohort.codes();
    }
}
