package org.ppay.core.crypto.ed25519;

/** The base point B and its precomputed table of odd multiples [1]B, [3]B, ..., [127]B for width-8 NAF. */
final class BasePoint {

    static final int NAF_WIDTH = 8;
    static final EdwardsPoint POINT = new EdwardsPoint();
    static final CachedPoint CACHED = new CachedPoint();
    private static final CachedPoint[] ODD_MULTIPLES = new CachedPoint[1 << (NAF_WIDTH - 2)];

    static {
        PointArithmetic arithmetic = new PointArithmetic();
        if (!arithmetic.decompress(Curve.BASE_POINT_ENCODED, 0, POINT)) {
            throw new IllegalStateException("the base point encoding does not decode");
        }
        arithmetic.toCached(POINT, CACHED);
        for (int i = 0; i < ODD_MULTIPLES.length; i++) {
            ODD_MULTIPLES[i] = new CachedPoint();
        }
        OddMultiples.fill(arithmetic, POINT, ODD_MULTIPLES, 0, ODD_MULTIPLES.length, new EdwardsPoint(),
                new EdwardsPoint());
    }

    private BasePoint() {
    }

    /** [2 i + 1]B. */
    static CachedPoint oddMultiple(int i) {
        return ODD_MULTIPLES[i];
    }
}
