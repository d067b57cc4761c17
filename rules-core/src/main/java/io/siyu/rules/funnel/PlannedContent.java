package io.siyu.rules.funnel;

import java.util.Objects;

/**
 * One piece of content chosen for a group on a day.
 *
 * @param scriptId the script (话术) in the pack's script library
 * @param text     the script rendered for the group
 * @param reason   why it was chosen, in the words of the rule author
 * @param rule     the rule that chose it (empty when the planner is not rule-based)
 */
public record PlannedContent(String scriptId, String text, String reason, String rule) {
    public PlannedContent {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
