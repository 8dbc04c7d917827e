package org.ppay.validation.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperationTimesTest {

    @Test
    void shouldCarryCountTotalAndDistributionThroughItsTextForm() {
        final OperationTimes measured = new OperationTimes();
        for (int i = 1; i <= 9; i++) {
            measured.record(10_000);
        }
        measured.record(1_000_000);

        final OperationTimes received = new OperationTimes();
        received.add(measured.encode());
        received.add(measured.encode());

        assertEquals(20, received.count());
        assertEquals(2 * (9 * 10_000 + 1_000_000), received.nanos());
        assertEquals(10_000, received.percentileNanos(50), 10, "one outlier in ten moves the mean, not the median");
        assertEquals(1_000_000, received.percentileNanos(100), 1_000);
    }

    @Test
    void shouldRefuseMalformedTimesAndStayUnchanged() {
        final OperationTimes times = new OperationTimes();
        times.record(5_000);
        final String good = times.encode();
        final String histogram = good.substring(good.lastIndexOf(':') + 1);

        assertThrows(IllegalArgumentException.class, () -> times.add("3"));
        assertThrows(IllegalArgumentException.class, () -> times.add("1:5000"), "no distribution");
        assertThrows(IllegalArgumentException.class, () -> times.add("1:5000:!!not-base64!!"));
        assertThrows(IllegalArgumentException.class, () -> times.add("1:5000:AAAA"));
        final IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> times.add("2:10000:" + histogram));
        assertTrue(mismatch.getMessage().contains("histogram holds 1"), mismatch.getMessage());

        assertEquals(1, times.count());
        assertEquals(5_000, times.nanos());
    }
}
