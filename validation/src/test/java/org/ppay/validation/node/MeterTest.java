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
        assertEquals("audit.new_epoch_segment=2:5000", meter.encodeOperations());
    }

    @Test
    void shouldNotChargeAnEmptyIntervalForTheClockReadsThatBoundIt() {
        final long[] empty = new long[101];
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
