package io.siyu.rules.script;

import io.siyu.rules.script.Script.Channel;
import java.util.Objects;

/**
 * A script rendered for one customer (or, in a day's plan, one group): the text to send, ready as it is.
 * Immutable and thread-safe.
 *
 * @param scriptId  the id of the script that was rendered
 * @param variantId the id of the A/B variant the customer was assigned, or {@code ""} when the script
 *                  has no variants
 * @param text      the text with every variable filled in; at most the script's {@code maxLength} code
 *                  points (a script that allows truncation is cut to fit, ending with "…")
 * @param persona   the display name of the persona who speaks the script, e.g. {@code 小丸子}
 * @param channel   where the script is meant to be sent
 */
public record RenderedScript(String scriptId, String variantId, String text, String persona, Channel channel) {
    /**
     * Makes a rendered script; {@link ScriptLibrary#render} is what makes them.
     *
     * @param scriptId  the id of the script
     * @param variantId the id of the A/B variant, or {@code ""}
     * @param text      the text to send
     * @param persona   the display name of the persona
     * @param channel   where the script is meant to be sent
     * @throws NullPointerException when an argument is null
     */
    public RenderedScript {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(channel, "channel");
    }
}
