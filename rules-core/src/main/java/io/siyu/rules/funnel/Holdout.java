package io.siyu.rules.funnel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A holdout control group: a fixed share of customers who get nothing from the pack — no script one to one
 * ({@code HOLDOUT} decisions), no group content — so that what the pack does can be measured against them.
 * Set in {@code pack.json} as {@code "holdout": {"percent": 5, "salt": "2026-q4"}}.
 *
 * <p><b>Who is held out.</b> Sticky per customer, the same on every run, JVM, machine, locale and default
 * charset: take the UTF-8 bytes of {@code salt + ":" + customerId}, their SHA-256, the first 8 bytes of the
 * digest as an unsigned big-endian number, modulo 10,000: a customer is held out when that bucket is below
 * {@link #basisPoints()}. Changing the salt or the share draws the arms again: do it between experiments,
 * never during one.
 *
 * <p>Immutable and thread-safe, with value equality.
 *
 * @param basisPoints the share held out, in hundredths of a percent: 0 (nobody, {@link #NONE}) to 5,000 (half)
 * @param salt        what the draw is salted with, so that another experiment holds out other customers; may be
 *                    empty
 */
public record Holdout(int basisPoints, String salt) {
    /** No holdout: every customer is in the treatment arm. */
    public static final Holdout NONE = new Holdout(0, "");

    /** The most {@link #basisPoints()} a holdout may have: half of the customers. */
    public static final int MAX_BASIS_POINTS = 5_000;

    /**
     * What the ids of a control group start with: {@code holdout-D-2026-11-23-1} is the first control group of
     * cohort {@code D} starting on 2026-11-23.
     */
    public static final String GROUP_PREFIX = "holdout-";

    private static final int BUCKETS = 10_000;

    /** The arm of an experiment a customer is in. */
    public enum Arm {
        /** Served by the pack as usual. */
        TREATMENT,
        /** Held out: gets nothing from the pack. */
        HOLDOUT
    }

    /**
     * Checks the values.
     *
     * @param basisPoints the share held out, 0 to {@value #MAX_BASIS_POINTS}
     * @param salt        the salt
     * @throws NullPointerException     when {@code salt} is null
     * @throws IllegalArgumentException when {@code basisPoints} is out of range
     */
    public Holdout {
        Objects.requireNonNull(salt, "salt");
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("a holdout holds out 0 to " + MAX_BASIS_POINTS
                    + " basis points (0-50%), got " + basisPoints);
        }
    }

    /**
     * Whether anyone is held out.
     *
     * @return true when {@link #basisPoints()} is more than 0
     */
    public boolean isActive() {
        return basisPoints > 0;
    }

    /**
     * The share held out.
     *
     * @return the percentage, 0 to 50 (e.g. 5.0, or 2.5 for 250 basis points)
     */
    public double percent() {
        return basisPoints / 100.0;
    }

    /**
     * The bucket of a customer: the first 8 bytes of SHA-256 over the UTF-8 bytes of
     * {@code salt + ":" + customerId}, as an unsigned big-endian number, modulo 10,000.
     *
     * @param customerId the customer's id
     * @return the bucket, 0 to 9,999
     * @throws NullPointerException when {@code customerId} is null
     */
    public int bucket(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        byte[] digest = sha256().digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
        long first = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            first = (first << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first, BUCKETS);
    }

    /**
     * Whether a customer is held out. Costs one SHA-256 of a short text (about a microsecond) when the holdout
     * is active, nothing otherwise.
     *
     * @param customerId the customer's id
     * @return true when the customer is in the holdout arm
     * @throws NullPointerException when {@code customerId} is null
     */
    public boolean holdsOut(String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return basisPoints > 0 && bucket(customerId) < basisPoints;
    }

    /**
     * The arm of a customer.
     *
     * @param customerId the customer's id
     * @return {@link Arm#HOLDOUT} when {@link #holdsOut held out}, else {@link Arm#TREATMENT}
     * @throws NullPointerException when {@code customerId} is null
     */
    public Arm arm(String customerId) {
        return holdsOut(customerId) ? Arm.HOLDOUT : Arm.TREATMENT;
    }

    /**
     * Whether a group id is that of a control group (seated with held-out customers, never sent content).
     *
     * @param groupId a group id
     * @return true when it starts with {@value #GROUP_PREFIX}
     * @throws NullPointerException when {@code groupId} is null
     */
    public static boolean isControlGroup(String groupId) {
        return groupId.startsWith(GROUP_PREFIX);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's documentation).
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
