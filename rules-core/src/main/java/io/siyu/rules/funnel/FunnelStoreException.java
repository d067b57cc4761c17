package io.siyu.rules.funnel;

import java.util.Objects;

/**
 * A {@link FunnelStore} that cannot do what was asked: its database cannot be reached or refuses the login,
 * its schema is newer than this library, or a read or write failed. The operation did not happen (a write is
 * all or nothing), so the caller may retry it: recording an event again is harmless (duplicates are
 * ignored), and advancing again resumes where the failed advance stopped.
 *
 * <p>{@link #getMessage()} is in English; {@link #message(java.util.Locale)} in another language. The cause
 * is the storage's own exception (a {@code java.sql.SQLException} for a database). Not changed after it is
 * made; safe to hand to another thread.
 */
public final class FunnelStoreException extends FunnelException {
    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Reason {
        /**
         * The storage cannot be reached or refuses the login. Arguments: where (a URL without its password)
         * and the storage's own message.
         */
        UNAVAILABLE("funnel.store-unavailable"),
        /**
         * The storage is a file another program holds open (an embedded H2 database used by a running
         * service). Arguments: where, and the storage's own message (not shown: the sentence says it all).
         */
        IN_USE("funnel.store-in-use"),
        /**
         * The storage is not a database the store can read: a damaged file, or one another program wrote.
         * Arguments: where, and the storage's own message.
         */
        DAMAGED("funnel.store-damaged"),
        /**
         * The storage holds a schema newer than this library knows. Arguments: the stored schema version and
         * the newest version this library knows.
         */
        SCHEMA_NEWER("funnel.store-schema-newer"),
        /** A read or write failed. Arguments: what was being done and the storage's own message. */
        FAILED("funnel.store-failed");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /**
         * The message key.
         *
         * @return the key, e.g. {@code funnel.store-unavailable}
         */
        public String key() {
            return key;
        }
    }

    /** The kind of failure. */
    private final Reason reason;

    /**
     * Makes the exception; for store implementations.
     *
     * @param reason the kind of failure
     * @param cause  the storage's exception, or null
     * @param args   the message arguments the reason lists (two texts for each reason); not null
     * @throws NullPointerException when {@code reason} or {@code args} is null
     */
    public FunnelStoreException(Reason reason, Throwable cause, Object... args) {
        super(Objects.requireNonNull(reason, "reason").key(), cause, withoutFinalStop(reason, args));
        this.reason = reason;
    }

    /**
     * The messages put a storage's own text inside a sentence of theirs ("...: {1}. Check the URL..."); a text
     * that ends a sentence itself (PostgreSQL's "...accepting TCP/IP connections.") would end it twice.
     */
    private static Object[] withoutFinalStop(Reason reason, Object[] args) {
        Object[] out = Objects.requireNonNull(args, "args").clone();
        // UNAVAILABLE and FAILED: the second argument is the storage's own message; the first (a URL, an
        // operation) is kept as it is.
        if (reason != Reason.SCHEMA_NEWER && out.length > 1 && out[1] instanceof String text) {
            out[1] = text.replaceFirst("[\\s.。!！]+$", "");
        }
        return out;
    }

    /**
     * The kind of failure.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
