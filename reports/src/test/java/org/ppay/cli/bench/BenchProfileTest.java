package org.ppay.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BenchProfileTest {

    @Test
    void shouldCountEveryIterationAndTheForkInTheEstimate() {
        BenchProfile quick = BenchProfile.QUICK;
        double iterationSeconds = (quick.warmupIterations() * quick.warmupTime().convertTo(
                TimeUnit.MILLISECONDS) + quick.measurementIterations()
                * quick.measurementTime().convertTo(TimeUnit.MILLISECONDS)) / 1000.0;

        assertEquals(0.9, iterationSeconds, 1e-9);
        assertTrue(quick.estimatedSecondsPerBenchmark() > iterationSeconds, "a fork costs more than its iterations");
    }

    @Test
    void shouldKeepStandardAndFullTrustworthy() {
        for (BenchProfile profile : new BenchProfile[] {BenchProfile.STANDARD, BenchProfile.FULL}) {
            assertTrue(profile.forks() >= 2, profile + " forks");
            assertTrue(profile.warmupIterations() >= 3, profile + " warm-up iterations");
            assertTrue(profile.measurementIterations() >= 5, profile + " measurement iterations");
            assertTrue(profile.measurementTime().convertTo(TimeUnit.MILLISECONDS) >= 1000,
                    profile + " measurement time");
        }
    }
}
