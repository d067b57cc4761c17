package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cohort group on one day, as the rules see it when they choose the group's content:
 * {@code GroupDay( seeding, day == 3, has("D") )}. Immutable and thread-safe.
 *
 * @param groupId the group
 * @param stage   the group's stage that day ({@link Stage#SEEDING} or {@link Stage#CONVERSION})
 * @param day     the funnel day, counted from the members' day 0 (1 to 5 seeding, 6 to 11 conversion by
 *                default)
 * @param tags    the members' shared cohort tags
 * @param date    the calendar date in the funnel's timezone
 */
public record GroupDay(String groupId, Stage stage, int day, TagSet tags, LocalDate date) {
    /**
     * Makes a group day; {@link Funnel#planFor} makes one per active group.
     *
     * @param groupId the group id
     * @param stage   the group's stage that day
     * @param day     the funnel day
     * @param tags    the members' cohort tags
     * @param date    the calendar date
     * @throws NullPointerException when an object argument is null
     */
    public GroupDay {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(date, "date");
    }

    /**
     * Whether the members share the tag with this code.
     *
     * @param code a codebook code, e.g. {@code "D"}; null is accepted and matches nothing
     * @return true when one of {@link #tags()} has this code
     */
    public boolean has(String code) {
        return tags.has(code);
    }

    /**
     * Whether the members share at least one of these codes: {@code GroupDay( hasAny("G", "H") )}.
     *
     * @param codes codebook codes; null elements match nothing
     * @return true when one of the codes is shared; false for no codes
     * @throws NullPointerException when {@code codes} is null
     */
    public boolean hasAny(String... codes) {
        return tags.hasAny(codes);
    }

    /**
     * Whether the members share all of these codes.
     *
     * @param codes codebook codes; a null element matches nothing
     * @return true when every code is shared; true for no codes
     * @throws NullPointerException when {@code codes} is null
     */
    public boolean hasAll(String... codes) {
        return tags.hasAll(codes);
    }

    /**
     * Whether this is a seeding day.
     *
     * @return true when the stage is {@link Stage#SEEDING}
     */
    public boolean isSeeding() {
        return stage == Stage.SEEDING;
    }

    /**
     * Whether this is a conversion day.
     *
     * @return true when the stage is {@link Stage#CONVERSION}
     */
    public boolean isConversion() {
        return stage == Stage.CONVERSION;
    }
}
