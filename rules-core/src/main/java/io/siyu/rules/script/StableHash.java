package io.siyu.rules.script;

import java.nio.charset.StandardCharsets;

/**
 * The hash that assigns customers to A/B variants. It must give the same number for the same input on
 * every run and every JVM, so it works on UTF-8 bytes (never {@link String#hashCode()} or a random
 * generator). Changing it would move customers between variants in running experiments: treat it as
 * a stored format.
 */
final class StableHash {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    /** FNV-1a, 64 bits, over {@code bytes}. */
    static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /**
     * The bucket in {@code [0, buckets)} of a (script, customer) pair. A zero byte separates the two
     * ids so that ("ab", "c") and ("a", "bc") differ; murmur3's finalizer spreads FNV's weak low bits
     * before the remainder is taken.
     */
    static long bucket(String scriptId, String customerId, long buckets) {
        byte[] script = scriptId.getBytes(StandardCharsets.UTF_8);
        byte[] customer = customerId.getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[script.length + 1 + customer.length];
        System.arraycopy(script, 0, joined, 0, script.length);
        System.arraycopy(customer, 0, joined, script.length + 1, customer.length);
        return Long.remainderUnsigned(mix(fnv1a64(joined)), buckets);
    }

    /** murmur3's 64-bit finalizer (fmix64). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a2ec4L;
        h ^= h >>> 33;
        return h;
    }
}
