package io.siyu.rules.script;

import io.siyu.rules.script.Script.Channel;
import java.util.Objects;

/**
 * A script rendered for one customer: the text to send, ready as it is.
 *
 * @param scriptId  the id of the script that was rendered
 * @param variantId the id of the A/B variant the customer was assigned, or {@code ""} when the script
 *                  has no variants
 * @param text      the text with every variable filled in (and, if the script allows it, truncated
 *                  to its {@code maxLength})
 * @param persona   the display name of the persona who speaks the script, e.g. {@code 小丸子}
 * @param channel   where the script is meant to be sent
 */
public record RenderedScript(String scriptId, String variantId, String text, String persona, Channel channel) {
    public RenderedScript {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(channel, "channel");
    }
}
