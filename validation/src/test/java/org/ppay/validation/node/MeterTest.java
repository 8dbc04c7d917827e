package org.ppay.validation.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ppay.sim.load.Task;

class MeterTest {

    @Test
    void shouldRecordASetAsideCostAsItsOwnOperationAndHandItBackOnce() {
        final Meter meter = new Meter();

        meter.setAside("audit.new_epoch_segment", 2_000);
        meter.setAside("audit.new_epoch_segment", 3_000);

        assertEquals(5_000, meter.takeSetAside(), "what the enclosing operation must not count");
        assertEquals(0, meter.takeSetAside(), "taken once");
        final String line = meter.encodeOperations();
        assertTrue(line.startsWith("audit.new_epoch_segment=2:5000:"), line);
        final org.ppay.validation.measure.OperationTimes times = new org.ppay.validation.measure.OperationTimes();
        times.add(line.substring(line.indexOf('=') + 1));
        assertEquals(3_000, times.percentileNanos(90), 3, "the distribution travels with the totals: " + line);
    }

    @Test
    void shouldNotChargeAnEmptyIntervalForTheClockReadsThatBoundIt() {
        // as many samples as the calibration takes, so the reads run compiled as they did there (interpreted, the
        // first ones cost more than the calibrated reads)
        final long[] empty = new long[20_000];
        for (int i = 0; i < empty.length; i++) {
            empty[i] = Meter.cpuNanosSince(Meter.threadCpuNanos());
        }
        java.util.Arrays.sort(empty);

        // the smallest, not the median: on a loaded machine a preemption can land in many of the samples
        assertEquals(0, empty[0], "the smallest empty interval, in ns");
    }

    @Test
    void shouldForgetEverythingOnReset() {
        final Meter meter = new Meter();
        meter.cpu(Task.GUESS, 10);
        meter.in(Task.MISC, 20);
        meter.out(Task.RENEWAL, 30);
        meter.operation("step.probe", 10);

        meter.reset();

        assertTrue(meter.encode().matches("0( 0)*"), meter.encode());
        assertEquals("", meter.encodeOperations());
    }
}
