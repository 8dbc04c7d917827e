package org.ppay.core.crypto.ed25519;

/** Tables of odd multiples [1]P, [3]P, [5]P, ... for NAF-based scalar multiplication. */
final class OddMultiples {

    private OddMultiples() {
    }

    /** Fills {@code table[offset, offset+count)} with [1]P, [3]P, ..., [2 count - 1]P using the two scratch points. */
    static void fill(PointArithmetic arithmetic, EdwardsPoint p, CachedPoint[] table, int offset, int count,
                     EdwardsPoint twice, EdwardsPoint running) {
        arithmetic.toCached(p, table[offset]);
        if (count == 1) {
            return;
        }
        arithmetic.doublePoint(p, twice);
        CachedPoint twiceCached = table[offset + count - 1];
        arithmetic.toCached(twice, twiceCached);
        running.set(p);
        for (int i = 1; i < count; i++) {
            arithmetic.add(running, twiceCached, running);
            arithmetic.toCached(running, table[offset + i]);
        }
    }
}
