package org.ppay.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void shouldMatchTabulatedStudentTQuantiles() {
        // two-sided 95% critical values from any t table
        assertEquals(12.706, StudentT.quantile(0.975, 1), 1e-3);
        assertEquals(4.303, StudentT.quantile(0.975, 2), 1e-3);
        assertEquals(2.776, StudentT.quantile(0.975, 4), 1e-3);
        assertEquals(2.262, StudentT.quantile(0.975, 9), 1e-3);
        assertEquals(1.984, StudentT.quantile(0.975, 100), 1e-3);
        assertEquals(-2.776, StudentT.quantile(0.025, 4), 1e-3);
    }

    @Test
    void shouldComputeMeanAndStudentInterval() {
        final Estimate e = Estimate.of(List.of(2.0, 4.0, 6.0, 8.0, 10.0));
        assertEquals(6.0, e.mean(), 1e-12);
        assertEquals(Math.sqrt(10), e.stddev(), 1e-12);
        assertEquals(2.776445 * Math.sqrt(10) / Math.sqrt(5), e.halfWidth95(), 1e-5);
        assertEquals(e.mean() - e.halfWidth95(), e.low95(), 1e-12);
        assertTrue(e.high95() > e.mean());
    }

    @Test
    void shouldGiveNoIntervalForOneSampleAndZeroWidthForIdenticalSamples() {
        final Estimate one = Estimate.of(List.of(3.0));
        assertTrue(Double.isNaN(one.halfWidth95()));
        assertEquals(3.0, one.low95());
        assertEquals(0.0, Estimate.of(List.of(5.0, 5.0, 5.0)).halfWidth95(), 0.0);
    }

    @Test
    void shouldRejectEmptyAndNonFiniteInput() {
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(List.of()));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Estimate.of(List.of(1.0, Double.NaN)));
        assertTrue(e.getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
    }
}
