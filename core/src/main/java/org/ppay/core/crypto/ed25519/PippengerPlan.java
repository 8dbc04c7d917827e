package org.ppay.core.crypto.ed25519;

import java.util.Arrays;

/**
 * The shared input of one Pippenger multi-scalar multiplication, laid out so that several threads can fill it (by
 * point ranges, {@link #preparePoints}) and then consume it (by window ranges,
 * {@link MultiScalarMultiplier#sumWindows}): per point, its signed radix-2^w digits and its prepared form.
 * Point j of a plan of {@code total} points is row j; the base point, when used, is the last row.
 */
public final class PippengerPlan {

    /** The most windows (digits per scalar) a plan can have: those of the narrowest bucket width. */
    public static final int MAX_DIGIT_COUNT = ScalarDigits.radixDigitCount(MultiScalarMultiplier.MIN_BUCKET_WIDTH);

    private int width;
    private int digitCount;
    private int total;
    private byte[] digits = new byte[0];
    private CachedPoint[] prepared = new CachedPoint[0];
    private boolean[] unitZ = new boolean[0];

    /** Sizes the plan for {@code total} points, choosing the window width; grows the arrays when needed. */
    public void reset(int total) {
        this.total = total;
        this.width = MultiScalarMultiplier.bucketWidth(total);
        this.digitCount = ScalarDigits.radixDigitCount(width);
        if (digits.length < digitCount * total) {
            digits = new byte[digitCount * Math.max(total, 2 * (digits.length / Math.max(1, digitCount)))];
        }
        if (prepared.length < total) {
            int capacity = Math.max(total, 2 * prepared.length);
            CachedPoint[] grown = Arrays.copyOf(prepared, capacity);
            for (int i = prepared.length; i < capacity; i++) {
                grown[i] = new CachedPoint();
            }
            prepared = grown;
            unitZ = new boolean[capacity];
        }
    }

    /** Rows [from, to) from points[first + j] and the 32-byte scalars at scalars[32 (first + j)]. */
    public void preparePoints(PointArithmetic arithmetic, ScalarDigits recoder, EdwardsPoint[] points, byte[] scalars,
                              int first, int from, int to) {
        for (int j = from; j < to; j++) {
            recoder.signedRadix(scalars, 32 * (first + j), width, digits, digitCount * j);
            arithmetic.toCached(points[first + j], prepared[j]);
            unitZ[j] = PointArithmetic.hasUnitZ(points[first + j]);
        }
    }

    /**
     * Adds to {@code perWindow[w]} how many of rows [from, to) have a nonzero digit in window w: the additions that
     * window costs, which differ between windows (a 128-bit coefficient has no digits in the upper half).
     */
    public void countNonZeroDigits(int from, int to, int[] perWindow) {
        for (int j = from; j < to; j++) {
            int row = digitCount * j;
            for (int window = 0; window < digitCount; window++) {
                if (digits[row + window] != 0) {
                    perWindow[window]++;
                }
            }
        }
    }

    /** Row {@code row} as the base point B with the given scalar. */
    public void prepareBase(ScalarDigits recoder, byte[] baseScalar, int baseOffset, int row) {
        recoder.signedRadix(baseScalar, baseOffset, width, digits, digitCount * row);
        prepared[row].set(BasePoint.CACHED);
        unitZ[row] = true;
    }

    public int width() {
        return width;
    }

    public int digitCount() {
        return digitCount;
    }

    int total() {
        return total;
    }

    int digit(int row, int window) {
        return digits[digitCount * row + window];
    }

    CachedPoint prepared(int row) {
        return prepared[row];
    }

    boolean hasUnitZ(int row) {
        return unitZ[row];
    }
}
