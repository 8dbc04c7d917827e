package org.ppay.core.crypto.ed25519;

/**
 * Divides the windows of one Pippenger multiplication into contiguous ranges of about equal cost, one per thread.
 * Windows do not cost the same: in a batch, half the points (the R_i) carry 128-bit coefficients, so the upper
 * windows hold about half the digits of the lower ones, and a range that starts at window b must also be doubled
 * width * b times ({@link MultiScalarMultiplier#sumWindowRange}). Splitting by window count instead gave one of two
 * threads about 60% of the work at 256 signatures.
 *
 * <p>Costs are in field multiplications: an addition of a Z = 1 point 7, an addition 8, a doubling (4M + 4S,
 * squares cheaper) 7.
 */
public final class WindowSplit {

    static final int DIGIT_ADDITION_COST = 7;
    static final int BUCKET_ADDITION_COST = 8;
    static final int DOUBLING_COST = 7;

    private WindowSplit() {
    }

    /** What window w costs: its digits' bucket additions, the two running sums over the buckets, its doublings. */
    static long windowCost(int nonZeroDigits, int width) {
        return (long) DIGIT_ADDITION_COST * nonZeroDigits + 2L * BUCKET_ADDITION_COST * (1 << (width - 1))
                + (long) DOUBLING_COST * width;
    }

    /**
     * Fills {@code bounds[0..parts]} (bounds[0] = 0, bounds[parts] = windows, non-decreasing) so that range k =
     * [bounds[k], bounds[k+1]) of windows, with its placing doublings, has the smallest possible largest cost.
     *
     * @param nonZeroDigits per window, how many rows have a nonzero digit there
     */
    public static void balance(int[] nonZeroDigits, int windows, int width, int parts, int[] bounds) {
        if (parts < 1 || bounds.length < parts + 1 || nonZeroDigits.length < windows) {
            throw new IllegalArgumentException("need parts >= 1, " + (parts + 1) + " bounds and " + windows
                    + " window counts; got parts " + parts + ", " + bounds.length + " bounds, "
                    + nonZeroDigits.length + " counts");
        }
        long low = 0;
        long high = rangeCost(nonZeroDigits, 0, windows, width) + (long) DOUBLING_COST * width * windows;
        while (low < high) {
            long limit = (low + high) >>> 1;
            if (fits(nonZeroDigits, windows, width, parts, limit, bounds)) {
                high = limit;
            } else {
                low = limit + 1;
            }
        }
        fits(nonZeroDigits, windows, width, parts, low, bounds);
    }

    /** The cost of range [from, to) including its placing doublings. */
    static long rangeCost(int[] nonZeroDigits, int from, int to, int width) {
        if (from >= to) {
            return 0;
        }
        long cost = (long) DOUBLING_COST * width * from;
        for (int window = from; window < to; window++) {
            cost += windowCost(nonZeroDigits[window], width);
        }
        return cost;
    }

    /**
     * Greedy from the top window down: each range takes as many windows as fit under the limit (a range's cost only
     * grows as it reaches down, since a window costs more than the width doublings it saves). Writes the bounds
     * (unused lower ranges empty) and says whether every window found a range.
     */
    private static boolean fits(int[] nonZeroDigits, int windows, int width, int parts, long limit, int[] bounds) {
        long doublingsPerWindow = (long) DOUBLING_COST * width;
        int top = windows;
        for (int part = parts - 1; part >= 0; part--) {
            bounds[part + 1] = top;
            long windowsCost = 0;
            while (top > 0) {
                long extended = windowsCost + windowCost(nonZeroDigits[top - 1], width);
                if (extended + doublingsPerWindow * (top - 1) > limit) {
                    break;
                }
                windowsCost = extended;
                top--;
            }
        }
        bounds[0] = 0;
        return top == 0;
    }
}
