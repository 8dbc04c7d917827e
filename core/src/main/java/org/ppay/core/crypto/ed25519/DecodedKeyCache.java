package org.ppay.core.crypto.ed25519;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, thread-safe cache of decoded Ed25519 public keys: decompression costs a field square root, and a
 * broker or owner verifies many signatures by the same few keys. Two-way set associative: each key hashes to a set
 * of two slots; a newly decoded key takes the first slot and pushes that slot's key to the second, evicting the
 * second's, so the cache never holds more than its capacity and two busy keys that share a set do not thrash. Entries are immutable and
 * published through an {@link AtomicReferenceArray}; a hit allocates nothing. Rejected keys are cached too.
 */
public final class DecodedKeyCache {

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;
    private final long seed = ThreadLocalRandom.current().nextLong() | 1L;

    /** A cache of at most {@code capacity} keys (rounded up to a power of two, at least 2). */
    public DecodedKeyCache(int capacity) {
        if (capacity < 1 || capacity > (1 << 24)) {
            throw new IllegalArgumentException("key cache capacity must be in [1, 2^24], was " + capacity);
        }
        int size = Math.max(2, Integer.highestOneBit(capacity));
        if (size < capacity) {
            size <<= 1;
        }
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    /** How many keys the cache can hold. */
    public int capacity() {
        return mask + 1;
    }

    /**
     * Decodes {@code key[offset, offset+32)} into {@code out} under the strict policy of {@link PointArithmetic#decompress}
     * and the rejection of small-order points; returns false (leaving {@code out} unspecified) when rejected.
     */
    public boolean decode(byte[] key, int offset, EdwardsPoint out, PointArithmetic arithmetic) {
        return lookup(key, offset, out, arithmetic) != null;
    }

    /**
     * As {@link #decode}, returning the key's Straus table of odd multiples (see
     * {@link MultiScalarMultiplier#oddMultiplesTable}), kept with the key so repeated keys skip building it; null when
     * the key is rejected. The table is shared and must not be changed.
     */
    public CachedPoint[] lookup(byte[] key, int offset, EdwardsPoint out, PointArithmetic arithmetic) {
        int first = slotOf(key, offset) & ~1;
        for (int index = first; index <= first + 1; index++) {
            Entry entry = slots.get(index);
            if (entry != null && Arrays.equals(entry.key, 0, 32, key, offset, offset + 32)) {
                if (entry.table != null) {
                    out.set(entry.point);
                }
                return entry.table;
            }
        }
        EdwardsPoint decoded = new EdwardsPoint();
        boolean valid = !PointArithmetic.isSmallOrderEncoding(key, offset) && arithmetic.decompress(key, offset, decoded);
        Entry pushedDown = slots.get(first);
        if (pushedDown != null) {
            slots.set(first + 1, pushedDown);
        }
        CachedPoint[] table = valid ? MultiScalarMultiplier.oddMultiplesTable(arithmetic, decoded) : null;
        slots.set(first, new Entry(Arrays.copyOfRange(key, offset, offset + 32), decoded, table));
        if (valid) {
            out.set(decoded);
        }
        return table;
    }

    private int slotOf(byte[] key, int offset) {
        long head = 0;
        for (int i = 7; i >= 0; i--) {
            head = (head << 8) | (key[offset + i] & 0xFFL);
        }
        long mixed = (head ^ seed) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }

    private static final class Entry {
        final byte[] key;
        final EdwardsPoint point;
        /** Null when the key is rejected. */
        final CachedPoint[] table;

        Entry(byte[] key, EdwardsPoint point, CachedPoint[] table) {
            this.key = key;
            this.point = point;
            this.table = table;
        }
    }
}
