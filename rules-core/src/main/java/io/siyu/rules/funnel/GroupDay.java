package io.siyu.rules.funnel;

import io.siyu.rules.codebook.TagSet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One cohort group on one day, as the rules see it when they choose the group's content:
 * {@code GroupDay( seeding, day == 3, has("D") )}.
 *
 * @param groupId the group
 * @param stage   the group's stage that day ({@link Stage#SEEDING} or {@link Stage#CONVERSION})
 * @param day     the funnel day (1 to 5 seeding, 6 to 11 conversion by default)
 * @param tags    the members' shared cohort tags
 * @param date    the calendar date in the funnel's timezone
 */
public record GroupDay(String groupId, Stage stage, int day, TagSet tags, LocalDate date) {
    public GroupDay {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(date, "date");
    }

    /** Whether the members share the tag with this code. */
    public boolean has(String code) {
        return tags.has(code);
    }

    /** Whether the members share at least one of these codes: {@code GroupDay( hasAny("G", "H") )}. */
    public boolean hasAny(String... codes) {
        return tags.hasAny(codes);
    }

    /** Whether the members share all of these codes. */
    public boolean hasAll(String... codes) {
        return tags.hasAll(codes);
    }

    /** Whether this is a seeding day. */
    public boolean isSeeding() {
        return stage == Stage.SEEDING;
    }

    /** Whether this is a conversion day. */
    public boolean isConversion() {
        return stage == Stage.CONVERSION;
    }
}
