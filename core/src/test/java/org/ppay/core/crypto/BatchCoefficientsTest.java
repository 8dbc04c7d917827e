package org.ppay.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchCoefficientsTest {

    @ParameterizedTest(name = "{0} items cut at {1} and {2}")
    @CsvSource({"256, 128, 128", "97, 33, 65", "64, 1, 63", "5, 0, 5", "300, 150, 299"})
    void shouldExpandTheSameCoefficientsWhenThreadsEachExpandTheirOwnItems(int n, int cut1, int cut2) {
        BatchCoefficients whole = new BatchCoefficients(TestSuites.seeded(7));
        whole.draw(n);
        BatchCoefficients pieces = new BatchCoefficients(TestSuites.seeded(7));
        pieces.drawSeed(n);
        int[] cuts = {0, cut1, cut2, n};
        for (int p = 0; p + 1 < cuts.length; p++) {
            new BatchCoefficients.Expander().expand(pieces.seed(), cuts[p], cuts[p + 1], pieces.bytes());
        }
        assertArrayEquals(Arrays.copyOf(whole.bytes(), 16 * n), Arrays.copyOf(pieces.bytes(), 16 * n));
    }

    @ParameterizedTest(name = "{0} items")
    @ValueSource(ints = {1, 4, 256})
    void shouldDrawFreshCoefficientsForEveryBatch(int n) {
        BatchCoefficients coefficients = new BatchCoefficients(new SecureRandom());
        coefficients.draw(n);
        byte[] first = Arrays.copyOf(coefficients.bytes(), 16 * n);
        coefficients.draw(n);
        assertFalse(Arrays.equals(first, Arrays.copyOf(coefficients.bytes(), 16 * n)));
        // no two items of a batch share a coefficient
        for (int i = 1; i < n; i++) {
            assertFalse(Arrays.equals(coefficients.bytes(), 0, 16, coefficients.bytes(), 16 * i, 16 * i + 16),
                    "item " + i);
        }
    }
}
