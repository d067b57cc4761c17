package io.siyu.rules.codebook;

import java.util.List;

/**
 * An immutable map from distinct ids to consecutive ints ({@code ids.get(i)} to {@code first + i}), with
 * -1 for an id it does not hold. It finds question indexes and option ordinals, so that an encode does
 * one lookup per answered option.
 *
 * <p>Why not a {@code HashMap<String, Integer>}: encoding runs once per customer on the decision hot path,
 * and this table (linear probing in a power-of-two array at most half full: a hash spread, a mask, usually
 * one {@code String.equals}, and no {@code Integer} to unbox) measured 8–13% less CPU per encode than
 * {@code HashMap} or {@code Map.copyOf} in its place (see {@code BENCHMARKS.md}, "Codebook: one file per
 * job"). Thread-safe.
 */
final class IdTable {
    private final String[] keys;
    private final int[] values;

    /**
     * @throws IllegalArgumentException when an id occurs twice (the codebook parser reports those first)
     */
    IdTable(List<String> ids, int first) {
        // At least twice the ids, so that a probe meets an empty slot soon.
        int size = Integer.highestOneBit(Math.max(1, ids.size() * 2 - 1)) << 1;
        this.keys = new String[size];
        this.values = new int[size];
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            int slot = spread(id.hashCode()) & (size - 1);
            while (keys[slot] != null) {
                if (keys[slot].equals(id)) {
                    throw new IllegalArgumentException("id " + id + " occurs twice");
                }
                slot = (slot + 1) & (size - 1);
            }
            keys[slot] = id;
            values[slot] = first + k;
        }
    }

    /** The int of this id, or -1 when the table does not hold it. */
    int get(String id) {
        int mask = keys.length - 1;
        int slot = spread(id.hashCode()) & mask;
        String key;
        while ((key = keys[slot]) != null) {
            if (key.equals(id)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Mixes the high bits into the low ones that the mask keeps, as {@code HashMap} does. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
