package org.ppay.sim.credit;

import java.util.Arrays;

/**
 * A map from a pair of peers (packed in a long, never negative) to a long balance, missing pairs reading 0. Open
 * addressing with linear probing and a strong 64-bit mix of the key: pair keys are dense and regular
 * ({@code a * peers + b}), which clusters badly under weak hashes. Entries are never removed: a settled balance is
 * stored as 0, so the table holds every pair that ever traded (a few hundred per peer).
 *
 * <p>Up to {@link #DENSE_MAX_PEERS} peers the pairs live in a dense int matrix instead (4 MB for 1000 peers): the
 * lookup is one array access that stays in cache, where a hashed table of every pair ever seen does not. Balances fit
 * in an int: they stay within a window of at most 1,000,000 picopayments.
 */
final class PairTable {

    private static final long EMPTY = -1L;
    private static final double MAX_LOAD = 0.5;

    static final int DENSE_MAX_PEERS = 3000;

    private final int[] dense;
    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    PairTable(int peers) {
        dense = peers <= DENSE_MAX_PEERS ? new int[peers * peers] : null;
        keys = new long[1 << 12];
        values = new long[1 << 12];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
    }

    long get(long key) {
        if (dense != null) {
            return dense[(int) key];
        }
        int i = slot(key);
        while (true) {
            final long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the pair's balance in one probe and returns the new balance. */
    long add(long key, long delta) {
        if (dense != null) {
            return dense[(int) key] += (int) delta;
        }
        int i = slot(key);
        while (true) {
            final long k = keys[i];
            if (k == key) {
                return values[i] += delta;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = delta;
                if (++size > keys.length * MAX_LOAD) {
                    grow();
                }
                return delta;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, long value) {
        if (dense != null) {
            dense[(int) key] = (int) value;
            return;
        }
        int i = slot(key);
        while (true) {
            final long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size > keys.length * MAX_LOAD) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void grow() {
        final long[] oldKeys = keys;
        final long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
