package io.siyu.rules.funnel;

import java.util.Objects;

/**
 * One piece of content chosen for a group on a day. Immutable and thread-safe.
 *
 * @param scriptId the script (话术) in the pack's script library; empty when the rule proposed no script
 * @param text     the script rendered for the group; empty when there is no script
 * @param reason   why it was chosen, in the words of the rule author (may be empty)
 * @param rule     the rule that chose it (empty when the planner is not rule-based)
 */
public record PlannedContent(String scriptId, String text, String reason, String rule) {
    /**
     * Makes a piece of content.
     *
     * @param scriptId the script id
     * @param text     the rendered text
     * @param reason   why it was chosen
     * @param rule     the rule that chose it
     * @throws NullPointerException when an argument is null
     */
    public PlannedContent {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
