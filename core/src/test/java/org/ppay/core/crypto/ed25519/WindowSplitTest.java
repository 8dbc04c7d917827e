package org.ppay.core.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WindowSplitTest {

    private static final int WIDTH = 7;
    private static final int WINDOWS = ScalarDigits.radixDigitCount(WIDTH);

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

    @Property(tries = 300)
    void shouldCoverEveryWindowOnceWithTheSmallestLargestRange(
            @ForAll @Size(min = 1, max = 52) int[] seeds, @ForAll @IntRange(min = 1, max = 4) int parts,
            @ForAll @IntRange(min = 5, max = 8) int width) {
        int windows = seeds.length;
        int[] digits = new int[windows];
        for (int w = 0; w < windows; w++) {
            digits[w] = Math.floorMod(seeds[w], 1100);
        }
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
