package io.siyu.rules.funnel;

import io.siyu.rules.internal.i18n.Messages;

import java.util.Locale;
import java.util.Objects;

/**
 * A funnel operation that cannot be done: an event from the future, stored JSON that cannot be read, a
 * store that fails ({@link FunnelStoreException}). Unchecked: it signals bad data from the host or a
 * failing store, not a condition to recover from locally.
 *
 * <p>{@link #getMessage()} is in English (for logs); {@link #message(Locale)} gives the same sentence
 * in another language. Not changed after it is made; safe to hand to another thread.
 */
public class FunnelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The message key, e.g. {@code funnel.event-rejected}. */
    private final String key;
    private final transient Object[] args;

    /** The message's pattern key, {@link #key} unless one kind of problem has several wordings. */
    private final String messageKey;

    FunnelException(String key, Throwable cause, Object... args) {
        this(key, key, cause, args);
    }

    /** A problem of kind {@code key} worded by the pattern {@code messageKey} (a variant of it). */
    FunnelException(String key, String messageKey, Throwable cause, Object... args) {
        super(Messages.of(FunnelConfig.BUNDLE, Locale.ROOT).format(messageKey, args), cause);
        this.key = Objects.requireNonNull(key, "key");
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    FunnelException(String key, Object... args) {
        this(key, null, args);
    }

    /**
     * The stable identifier of the kind of problem.
     *
     * @return the key, e.g. {@code funnel.event-rejected}
     */
    public String key() {
        return key;
    }

    /**
     * The explanation in the given language.
     *
     * @param locale the language; English serves any language but Simplified Chinese
     * @return the message
     * @throws NullPointerException when {@code locale} is null
     */
    public String message(Locale locale) {
        return Messages.of(FunnelConfig.BUNDLE, locale).format(messageKey, args);
    }
}
