package io.siyu.rules.examples;

import java.time.LocalDate;
import java.util.Set;

/**
 * A stand-in for the core's coming {@code GroupDay} fact (a cohort group on one funnel day), with the
 * properties {@code rules/content.drl} uses, so that the content rules can be compiled before the core
 * has the real type.
 */
// TODO(lead): delete once io.siyu.rules has GroupDay, and load content.drl with the pack.
public final class GroupDay {
    private final String groupId;
    private final String stage;
    private final int day;
    private final Set<String> tags;
    private final LocalDate date;

    public GroupDay(String groupId, String stage, int day, Set<String> tags, LocalDate date) {
        this.groupId = groupId;
        this.stage = stage;
        this.day = day;
        this.tags = Set.copyOf(tags);
        this.date = date;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getStage() {
        return stage;
    }

    public int getDay() {
        return day;
    }

    public LocalDate getDate() {
        return date;
    }

    public boolean isSeeding() {
        return "SEEDING".equals(stage);
    }

    public boolean isConversion() {
        return "CONVERSION".equals(stage);
    }

    public boolean has(String code) {
        return tags.contains(code);
    }

    public boolean hasAny(String... codes) {
        for (String code : codes) {
            if (tags.contains(code)) {
                return true;
            }
        }
        return false;
    }
}
