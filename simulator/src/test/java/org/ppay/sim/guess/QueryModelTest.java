package org.ppay.sim.guess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QueryModelTest {

    /** The draw compared with StrictMath.exp every time: what hits() computed before its table of bounds. */
    private static boolean direct(SplittableRandom random, double files, double logMissPerFile) {
        if (files == 0) {
            return false;
        }
        return random.nextDouble() >= StrictMath.exp(files * logMissPerFile);
    }

    @Test
    void shouldDecideEveryHitAsTheExponentialItselfWould() {
        qt().withFixedSeed(29).withExamples(2000)
                .forAll(integers().between(0, 1_000_000_000), doubles().between(-1.0, 0.0), longs().all())
                .checkAssert((files, logMiss, seed) -> {
                    final SplittableRandom table = new SplittableRandom(seed);
                    final SplittableRandom exact = new SplittableRandom(seed);
                    for (int i = 0; i < 50; i++) {
                        final double scaled = logMiss * Math.pow(10, -(i % 8));
                        assertEquals(direct(exact, files, scaled), QueryModel.hits(table, files, scaled));
                    }
                });
    }

    @Test
    void shouldDecideHitsAtTheTableEdgesAsTheExponentialWould() {
        final SplittableRandom table = new SplittableRandom(3);
        final SplittableRandom exact = new SplittableRandom(3);
        for (double y : new double[] {0.0, -0.0, -1.0 / 256, -64.0, -64.0 - 1e-9, -1000, Double.NEGATIVE_INFINITY}) {
            for (int i = 0; i < 1000; i++) {
                assertEquals(direct(exact, 1, y), QueryModel.hits(table, 1, y), "y = " + y);
            }
        }
    }
}
