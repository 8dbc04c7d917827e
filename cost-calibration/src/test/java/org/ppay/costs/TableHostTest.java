package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableHostTest {

    private static final CostTable TABLE = CostTable.of("costs.csv", CostTableTest.completeEntries("ed25519-bc"));

    @Test
    void shouldSayNothingMoreWhenTheTableWasMeasuredOnThisCpuModel() {
        final TableHost same = TableHost.of(TABLE, "  test cpu,   with COMMA ", "17.0.15");

        assertTrue(same.sameCpu());
        assertEquals("", same.caveat());
        assertFalse(same.describe().contains("ANOTHER CPU"), same.describe());
    }

    @Test
    void shouldNameBothCpusAndTheWayOutWhenTheTableIsAnotherCpus() {
        final TableHost other = TableHost.of(TABLE, "Intel(R) Xeon(R) Processor", "17.0.16");

        assertFalse(other.sameCpu());
        assertTrue(other.describe().contains("measured on Test CPU, with comma (2.50 GHz, JDK 17.0.15); this host:"
                + " Intel(R) Xeon(R) Processor (JDK 17.0.16) - ANOTHER CPU"), other.describe());
        assertTrue(other.caveat().contains("Test CPU, with comma, not this host's Intel(R) Xeon(R) Processor"),
                other.caveat());
        assertTrue(other.caveat().contains(TableHost.CALIBRATE_HINT), other.caveat());
    }

    @Test
    void shouldCallATableWhoseRowsCameFromTwoCpusSeveral() {
        final List<CostEntry> entries = new ArrayList<>(CostTableTest.completeEntries("ed25519-bc"));
        final CostEntry first = entries.get(0);
        entries.set(0, new CostEntry(first.action(), first.suite(), first.nsPerOp(), first.nsError(),
                first.cyclesPerOp(), first.bytes(), first.sourceBenchmark(), "Other CPU", first.ghz(), first.jdk()));

        final TableHost mixed = TableHost.of(CostTable.of("costs.csv", entries), "Other CPU", "17.0.15");

        assertEquals("several", mixed.tableCpu());
        assertFalse(mixed.sameCpu());
    }

    @Test
    void shouldDescribeTheEmbeddedTableBesideThisJvmsHost() {
        final TableHost embedded = TableHost.of(CostTable.embeddedDefault());

        assertEquals(System.getProperty("java.version"), embedded.hostJdk());
        assertTrue(embedded.describe().startsWith("cost table " + CostTable.embeddedDefault().id()), embedded.describe());
    }
}
