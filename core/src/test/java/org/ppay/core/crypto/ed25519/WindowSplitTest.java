package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class WindowSplitTest {

    private static final int WIDTH = 7;
    private static final int WINDOWS = ScalarDigits.radixDigitCount(WIDTH);
    private static final int MAX_DIGITS = 1099; // the most digits in one window the property draws
    private static final long SEED = 20031027L;

    @Test
    void shouldGiveTheLowWindowsOfABatchToFewerThreadsThanTheHighOnes() {
        // 256 signatures: 513 rows have digits in the windows of a 128-bit coefficient, 257 above
        int[] digits = new int[WINDOWS];
        for (int w = 0; w < WINDOWS; w++) {
            digits[w] = w * WIDTH < 128 ? 513 : 257;
        }
        int[] bounds = new int[3];
        WindowSplit.balance(digits, WINDOWS, WIDTH, 2, bounds);
        long low = WindowSplit.rangeCost(digits, bounds[0], bounds[1], WIDTH);
        long high = WindowSplit.rangeCost(digits, bounds[1], bounds[2], WIDTH);
        assertTrue(bounds[1] < WINDOWS / 2, "split at window " + bounds[1] + " of " + WINDOWS);
        long largestWindow = WindowSplit.windowCost(513, WIDTH);
        assertTrue(Math.abs(low - high) <= largestWindow, "costs " + low + " and " + high);
        // splitting by window count instead leaves one thread 18% more work than balanced
        long byCount = Math.max(WindowSplit.rangeCost(digits, 0, WINDOWS / 2, WIDTH),
                WindowSplit.rangeCost(digits, WINDOWS / 2, WINDOWS, WIDTH));
        assertTrue(byCount > 1.15 * Math.max(low, high), "by count " + byCount + ", balanced " + Math.max(low, high));
    }

    @Test
    void shouldCoverEveryWindowOnceWithTheSmallestLargestRange() {
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(Generate.intArrays(integers().between(1, 52), integers().between(0, MAX_DIGITS))
                                .describedAs(Arrays::toString),
                        integers().between(1, 4), integers().between(5, 8))
                .checkAssert(WindowSplitTest::coverEveryWindowOnceWithTheSmallestLargestRange);
    }

    /** One window, 52 windows, no digits anywhere, the most digits everywhere, for every part count and width. */
    @Test
    void shouldCoverEveryWindowOnceWithTheSmallestLargestRangeAtTheEdges() {
        int[][] edges = {{0}, {MAX_DIGITS}, new int[52], new int[52], {MAX_DIGITS, 0, 0, MAX_DIGITS}};
        Arrays.fill(edges[3], MAX_DIGITS);
        for (int[] digits : edges) {
            for (int parts = 1; parts <= 4; parts++) {
                for (int width = 5; width <= 8; width++) {
                    coverEveryWindowOnceWithTheSmallestLargestRange(digits, parts, width);
                }
            }
        }
    }

    private static void coverEveryWindowOnceWithTheSmallestLargestRange(int[] digits, int parts, int width) {
        int windows = digits.length;
        int[] bounds = new int[parts + 1];
        WindowSplit.balance(digits, windows, width, parts, bounds);
        assertEquals(0, bounds[0]);
        assertEquals(windows, bounds[parts]);
        for (int k = 0; k < parts; k++) {
            assertTrue(bounds[k] <= bounds[k + 1], Arrays.toString(bounds));
        }
        assertEquals(bestLargestCost(digits, windows, width, parts, 0), largestCost(digits, width, bounds),
                "bounds " + Arrays.toString(bounds) + " for " + Arrays.toString(digits));
    }

    @Test
    void shouldRefuseTooFewBounds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WindowSplit.balance(new int[WINDOWS], WINDOWS, WIDTH, 2, new int[2]));
        assertTrue(error.getMessage().contains("bounds"), error.getMessage());
    }

    private static long largestCost(int[] digits, int width, int[] bounds) {
        long largest = 0;
        for (int k = 0; k + 1 < bounds.length; k++) {
            largest = Math.max(largest, WindowSplit.rangeCost(digits, bounds[k], bounds[k + 1], width));
        }
        return largest;
    }

    /** Exhaustive (memoised): the best largest cost of splitting windows [from, windows) into parts ranges. */
    private static long bestLargestCost(int[] digits, int windows, int width, int parts, int from) {
        long[][] memo = new long[parts + 1][windows + 1];
        for (long[] row : memo) {
            Arrays.fill(row, -1);
        }
        return best(digits, windows, width, parts, from, memo);
    }

    private static long best(int[] digits, int windows, int width, int parts, int from, long[][] memo) {
        if (memo[parts][from] >= 0) {
            return memo[parts][from];
        }
        long best = Long.MAX_VALUE;
        if (parts == 1 || from == windows) {
            best = WindowSplit.rangeCost(digits, from, windows, width);
        } else {
            for (int to = from; to <= windows; to++) {
                long first = WindowSplit.rangeCost(digits, from, to, width);
                if (first >= best) {
                    break;
                }
                best = Math.min(best, Math.max(first, best(digits, windows, width, parts - 1, to, memo)));
            }
        }
        memo[parts][from] = best;
        return best;
    }
}
