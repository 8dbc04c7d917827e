package org.ppay.core.crypto.ed25519;

import java.util.Arrays;

/**
 * Computes [b]B + sum_j [s_j]P_j for the base point B and n points P_j, by interleaved width-w NAF (Straus) for
 * small n and by signed-digit buckets (Pippenger) for large n. Scalars are 32-byte little-endian values below 2^253
 * (any value reduced mod L qualifies). Not constant-time: every input is public in signature verification.
 *
 * <p>An instance owns its scratch tables, grows them to the largest n seen, and then allocates nothing; it belongs
 * to one thread.
 */
public final class MultiScalarMultiplier {

    /**
     * Below this many points (base point included) Straus beats Pippenger: measured in thread CPU time on
     * batch-shaped inputs, see docs/batch-verification.md, "Straus or Pippenger".
     */
    public static final int PIPPENGER_THRESHOLD_POINTS = 400;

    private static final int POINT_NAF_WIDTH = 5;
    /** How many odd multiples [1]P, [3]P, ..., [15]P a point's Straus table holds. */
    public static final int TABLE_SIZE = 1 << (POINT_NAF_WIDTH - 2);
    static final int MIN_BUCKET_WIDTH = 5;
    private static final int MAX_BUCKET_WIDTH = 8;

    private final PointArithmetic arithmetic;
    private final ScalarDigits digits = new ScalarDigits();
    private final EdwardsPoint scratchA = new EdwardsPoint();
    private final EdwardsPoint scratchB = new EdwardsPoint();
    private final EdwardsPoint bucketSum = new EdwardsPoint();
    private final EdwardsPoint windowSum = new EdwardsPoint();
    private final EdwardsPoint[] buckets = new EdwardsPoint[1 << (MAX_BUCKET_WIDTH - 1)];
    private final byte[] baseNaf = new byte[256];
    private final boolean[] addsAt = new boolean[256];
    private final PippengerPlan plan = new PippengerPlan();
    private CachedPoint[][] ownRows = new CachedPoint[0][];
    private CachedPoint[][] rows = new CachedPoint[0][];
    private boolean[] rowUnitZ = new boolean[0];
    private byte[] nafs = new byte[0];

    public MultiScalarMultiplier(PointArithmetic arithmetic) {
        this.arithmetic = arithmetic;
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new EdwardsPoint();
        }
    }

    /**
     * result = [baseScalar]B + sum_{first <= j < first + count} [scalars[32 j, 32 j + 32)] points[j].
     */
    public void multiply(byte[] baseScalar, int baseOffset, EdwardsPoint[] points, byte[] scalars, int first,
                         int count, EdwardsPoint result) {
        multiply(baseScalar, baseOffset, points, null, scalars, first, count, result);
    }

    /**
     * As {@link #multiply(byte[], int, EdwardsPoint[], byte[], int, int, EdwardsPoint)}, where {@code tables[j]},
     * when not null, is point j's table from {@link #oddMultiplesTable}, which Straus then need not build.
     */
    public void multiply(byte[] baseScalar, int baseOffset, EdwardsPoint[] points, CachedPoint[][] tables,
                         byte[] scalars, int first, int count, EdwardsPoint result) {
        if (count + 1 < PIPPENGER_THRESHOLD_POINTS) {
            straus(baseScalar, baseOffset, points, tables, scalars, first, count, result);
        } else {
            pippenger(baseScalar, baseOffset, points, scalars, first, count, result);
        }
    }

    /**
     * A new table of the odd multiples of {@code point} for Straus, to keep with a long-lived key; its points are
     * scaled to Z = 1, so each addition from it saves a multiplication.
     */
    public static CachedPoint[] oddMultiplesTable(PointArithmetic arithmetic, EdwardsPoint point) {
        CachedPoint[] table = new CachedPoint[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++) {
            table[i] = new CachedPoint();
        }
        OddMultiples.fill(arithmetic, point, table, 0, TABLE_SIZE, new EdwardsPoint(), new EdwardsPoint());
        arithmetic.normalize(table);
        return table;
    }

    void straus(byte[] baseScalar, int baseOffset, EdwardsPoint[] points, byte[] scalars, int first, int count,
                EdwardsPoint result) {
        straus(baseScalar, baseOffset, points, null, scalars, first, count, result);
    }

    private void straus(byte[] baseScalar, int baseOffset, EdwardsPoint[] points, CachedPoint[][] tables,
                        byte[] scalars, int first, int count, EdwardsPoint result) {
        ensureStrausCapacity(count);
        digits.nonAdjacentForm(baseScalar, baseOffset, BasePoint.NAF_WIDTH, baseNaf, 0);
        int top = highestNonZero(baseNaf, 0);
        for (int j = 0; j < count; j++) {
            digits.nonAdjacentForm(scalars, 32 * (first + j), POINT_NAF_WIDTH, nafs, 256 * j);
            top = Math.max(top, highestNonZero(nafs, 256 * j));
            CachedPoint[] given = tables == null ? null : tables[first + j];
            if (given != null) {
                rows[j] = given;
                rowUnitZ[j] = true;
            } else {
                OddMultiples.fill(arithmetic, points[first + j], ownRows[j], 0, TABLE_SIZE, scratchA, scratchB);
                rows[j] = ownRows[j];
                rowUnitZ[j] = false;
            }
        }
        for (int i = 0; i <= top; i++) {
            boolean any = baseNaf[i] != 0;
            for (int j = 0; j < count && !any; j++) {
                any = nafs[256 * j + i] != 0;
            }
            addsAt[i] = any;
        }
        result.setIdentity();
        for (int i = top; i >= 0; i--) {
            arithmetic.doublePoint(result, result, addsAt[i] || i == 0);
            int baseDigit = baseNaf[i];
            if (baseDigit > 0) {
                arithmetic.add(result, BasePoint.oddMultiple(baseDigit >> 1), result);
            } else if (baseDigit < 0) {
                arithmetic.subtract(result, BasePoint.oddMultiple((-baseDigit) >> 1), result);
            }
            for (int j = 0; j < count; j++) {
                int digit = nafs[256 * j + i];
                if (digit > 0) {
                    if (rowUnitZ[j]) {
                        arithmetic.addAffine(result, rows[j][digit >> 1], result);
                    } else {
                        arithmetic.add(result, rows[j][digit >> 1], result);
                    }
                } else if (digit < 0) {
                    if (rowUnitZ[j]) {
                        arithmetic.subtractAffine(result, rows[j][(-digit) >> 1], result);
                    } else {
                        arithmetic.subtract(result, rows[j][(-digit) >> 1], result);
                    }
                }
            }
        }
    }

    void pippenger(byte[] baseScalar, int baseOffset, EdwardsPoint[] points, byte[] scalars, int first, int count,
                   EdwardsPoint result) {
        plan.reset(count + 1);
        plan.preparePoints(arithmetic, digits, points, scalars, first, 0, count);
        plan.prepareBase(digits, baseScalar, baseOffset, count);
        sumWindows(plan, 0, plan.digitCount(), result);
    }

    /**
     * result = sum over windows w in [windowFrom, windowTo) of 2^(width (w - windowFrom)) S_w, where S_w is the sum
     * of every planned point times its digit in window w. For disjoint ranges on different threads, use
     * {@link #sumWindowRange}, whose results simply add up.
     */
    public void sumWindows(PippengerPlan plan, int windowFrom, int windowTo, EdwardsPoint result) {
        int width = plan.width();
        int total = plan.total();
        int bucketCount = 1 << (width - 1);
        result.setIdentity();
        for (int window = windowTo - 1; window >= windowFrom; window--) {
            for (int k = 0; k < bucketCount; k++) {
                buckets[k].setIdentity();
            }
            for (int j = 0; j < total; j++) {
                int digit = plan.digit(j, window);
                if (digit > 0) {
                    EdwardsPoint bucket = buckets[digit - 1];
                    if (plan.hasUnitZ(j)) {
                        arithmetic.addAffine(bucket, plan.prepared(j), bucket);
                    } else {
                        arithmetic.add(bucket, plan.prepared(j), bucket);
                    }
                } else if (digit < 0) {
                    EdwardsPoint bucket = buckets[-digit - 1];
                    if (plan.hasUnitZ(j)) {
                        arithmetic.subtractAffine(bucket, plan.prepared(j), bucket);
                    } else {
                        arithmetic.subtract(bucket, plan.prepared(j), bucket);
                    }
                }
            }
            // sum_k (k+1) bucket[k] as a running sum from the top bucket down
            bucketSum.setIdentity();
            windowSum.setIdentity();
            for (int k = bucketCount - 1; k >= 0; k--) {
                arithmetic.add(bucketSum, buckets[k], bucketSum);
                arithmetic.add(windowSum, bucketSum, windowSum);
            }
            if (window != windowTo - 1) {
                arithmetic.doublePoint(result, width, result);
            }
            arithmetic.add(result, windowSum, result);
        }
    }

    /**
     * result = sum over windows w in [windowFrom, windowTo) of 2^(width w) S_w: {@link #sumWindows} followed by the
     * doublings that put the range in place, so the results of ranges that partition the windows simply add up, and
     * the doublings run on the thread that summed the range instead of after the join.
     */
    public void sumWindowRange(PippengerPlan plan, int windowFrom, int windowTo, EdwardsPoint result) {
        sumWindows(plan, windowFrom, windowTo, result);
        if (windowFrom > 0 && windowTo > windowFrom) {
            arithmetic.doublePoint(result, plan.width() * windowFrom, result);
        }
    }

    /** The bucket width that minimises point additions for this many points of up to 253-bit scalars. */
    static int bucketWidth(int pointCount) {
        int best = MIN_BUCKET_WIDTH;
        long bestCost = Long.MAX_VALUE;
        for (int width = MIN_BUCKET_WIDTH; width <= MAX_BUCKET_WIDTH; width++) {
            long windows = ScalarDigits.radixDigitCount(width);
            long cost = windows * (pointCount + (1L << width));
            if (cost < bestCost) {
                bestCost = cost;
                best = width;
            }
        }
        return best;
    }

    private static int highestNonZero(byte[] naf, int offset) {
        for (int i = 255; i >= 0; i--) {
            if (naf[offset + i] != 0) {
                return i;
            }
        }
        return -1;
    }

    private void ensureStrausCapacity(int count) {
        if (ownRows.length < count) {
            int capacity = Math.max(count, 2 * ownRows.length);
            CachedPoint[][] grown = Arrays.copyOf(ownRows, capacity);
            for (int j = ownRows.length; j < capacity; j++) {
                grown[j] = new CachedPoint[TABLE_SIZE];
                for (int i = 0; i < TABLE_SIZE; i++) {
                    grown[j][i] = new CachedPoint();
                }
            }
            ownRows = grown;
            rows = new CachedPoint[capacity][];
            rowUnitZ = new boolean[capacity];
        }
        if (nafs.length < 256 * count) {
            nafs = new byte[256 * count];
        }
    }
}
