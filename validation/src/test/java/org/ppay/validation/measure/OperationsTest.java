package org.ppay.validation.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ppay.costs.CostTable;
import org.ppay.validation.TestCostTables;

class OperationsTest {

    private static CostTable table() {
        return TestCostTables.uniform(2000);
    }

    /** One process's report of operation {@code name} with these CPU times, as a meter sends it. */
    private static String item(String name, long... nanos) {
        final OperationTimes times = new OperationTimes();
        for (long n : nanos) {
            times.record(n);
        }
        return name + "=" + times.encode();
    }

    @Test
    void shouldSumOperationsOverProcessesAndPriceThemWithTheirActions() {
        final Operations operations = new Operations();
        operations.add(false, item("holder.receive", 3000, 3000) + " " + item("step.probe", 500));
        operations.add(false, " " + item("holder.receive", 3000));
        operations.add(true, item("broker.cash", 10_000, 10_000, 10_000, 10_000));

        assertArrayEquals(new long[] {3, 9000}, operations.peerOperations().get("holder.receive"));
        assertArrayEquals(new long[] {4, 40000}, operations.brokerOperations().get("broker.cash"));
        final String text = operations.toText(table());
        final String receive = text.lines().filter(l -> l.contains("holder.receive")).findFirst().orElseThrow();
        assertTrue(receive.contains(" 3.00 ") && receive.contains(" 4.00 "),
                "3 us measured; the model charges the check and the message's receiving end: " + receive);
        final String probe = text.lines().filter(l -> l.contains("step.probe")).findFirst().orElseThrow();
        assertTrue(probe.contains(" 2.00 "), "half a probe + half a credit step, as the simulator charges each end: "
                + probe);
        assertTrue(text.contains("-40.0%"), "broker.cash: model 2 + 2 + 2 us (the cash, the request's receiving end and"
                + " the receipt's sending end, as the simulator charges them) against 10 us measured: " + text);
    }

    @Test
    void shouldPrintTheMedianAndNinetiethPercentileBesideTheMean() {
        final Operations operations = new Operations();
        operations.add(true, item("broker.cash", 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
                100_000, 100_000, 1_000_000));

        final String row = operations.toText(table()).lines().filter(l -> l.contains("broker.cash")).findFirst()
                .orElseThrow();
        assertTrue(row.matches(".*\\s190\\.00\\s+100\\.\\d\\d\\s+100\\.\\d\\d\\s.*"),
                "mean 190 us, median and p90 100 us: " + row);
    }

    @Test
    void shouldAddNothingFromALineWithAMalformedItem() {
        final Operations operations = new Operations();
        assertThrows(IllegalArgumentException.class,
                () -> operations.add(false, item("holder.receive", 3000) + " step.probe=1:500:!!"));
        assertTrue(operations.peerOperations().isEmpty(), "the good item before the bad one is not added either");
    }

    @Test
    void shouldRefuseAMalformedReport() {
        assertThrows(IllegalArgumentException.class, () -> new Operations().add(false, "holder.receive:3"));
        assertThrows(IllegalArgumentException.class, () -> new Operations().add(false, "holder.receive=2:6000"),
                "a report without its distribution");
        assertThrows(NumberFormatException.class, () -> new Operations().add(false, "holder.receive=x:3:AAAA"));
    }
}
