package org.ppay.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostTableTest {

    @TempDir
    Path dir;

    static List<CostEntry> completeEntries(String suite) {
        List<CostEntry> entries = new ArrayList<>();
        int i = 1;
        for (CostAction action : CostAction.values()) {
            double ns = 1000.0 * i;
            entries.add(new CostEntry(action, suite, ns, ns / 100, ns * 2.5, 10 * i, "org.ppay.bench.X.m suite=" + suite,
                    "Test CPU, with comma", 2.5, "17.0.15"));
            i++;
        }
        return entries;
    }

    private Path writeCsv(String content) throws IOException {
        Path file = dir.resolve("costs.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String validCsv() {
        return CostTable.of("costs.csv", completeEntries("ed25519-bc")).toCsv();
    }

    @Test
    void shouldReadBackWhatItWrote() {
        CostTable table = CostTable.of("costs.csv", completeEntries("ed25519-bc"));
        Path file = dir.resolve("costs.csv");
        table.write(file);

        CostTable read = CostTable.read(file);

        assertEquals(table, read);
        assertEquals(table.id(), read.id());
        assertEquals("ed25519-bc", read.suite());
        assertEquals(2000.0, read.nsPerOp(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE));
        assertEquals(5000.0, read.cyclesPerOp(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE));
        assertEquals(20, read.bytes(CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE));
        assertEquals("Test CPU, with comma", read.entry(CostAction.GUESS_PROBE).cpuModel());
    }

    @Test
    void shouldWriteTheDocumentedHeaderAndOneRowPerAction() {
        String csv = validCsv();
        String[] lines = csv.split("\n");
        assertEquals(String.join(",", CostTable.COLUMNS), lines[0]);
        assertEquals(CostAction.values().length + 1, lines.length);
        assertTrue(lines[1].startsWith(CostAction.values()[0].csvName() + ",ed25519-bc,"));
    }

    @Test
    void shouldGiveAStableIdMadeOfFileSuiteAndContentHash() {
        CostTable a = CostTable.of("costs.csv", completeEntries("ed25519-bc"));
        CostTable b = CostTable.of("costs.csv", completeEntries("ed25519-bc"));
        List<CostEntry> changed = completeEntries("ed25519-bc");
        CostEntry first = changed.get(0);
        changed.set(0, new CostEntry(first.action(), first.suite(), first.nsPerOp() + 1, first.nsError(),
                first.cyclesPerOp(), first.bytes(), first.sourceBenchmark(), first.cpuModel(), first.ghz(), first.jdk()));
        CostTable c = CostTable.of("costs.csv", changed);

        assertEquals(a.id(), b.id());
        assertTrue(a.id().matches("costs\\.csv:ed25519-bc:[0-9a-f]{8}"), a.id());
        assertNotEquals(a.id(), c.id());
    }

    @Test
    void shouldAcceptAnUnknownErrorAsNaN() throws IOException {
        String csv = validCsv().replaceFirst("(\n[a-z_]+,ed25519-bc,[0-9.E]+,)[0-9.E]+,", "$1NaN,");
        CostTable table = CostTable.read(writeCsv(csv));
        assertTrue(Double.isNaN(table.entry(CostAction.values()[0]).nsError()));
    }

    @Test
    void shouldNameTheFileAndTheMissingActions() throws IOException {
        String csv = validCsv().lines().filter(l -> !l.startsWith("guess_probe,")).reduce((x, y) -> x + "\n" + y)
                .orElseThrow();
        Path file = writeCsv(csv);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CostTable.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing action(s) guess_probe"), e.getMessage());
    }

    @Test
    void shouldReadATableFromBeforeTransportWasPricedAndPriceTransportAtZero() throws IOException {
        String csv = validCsv().lines().filter(l -> !l.startsWith("message_")).reduce((x, y) -> x + "\n" + y)
                .orElseThrow();
        CostTable table = CostTable.read(writeCsv(csv));

        assertFalse(table.has(CostAction.MESSAGE_SEND));
        assertEquals(List.of(CostAction.MESSAGE_SEND, CostAction.MESSAGE_RECEIVE), table.unpriced());
        assertEquals(0, table.cyclesPerOp(CostAction.MESSAGE_RECEIVE));
        assertTrue(table.has(CostAction.GUESS_PROBE));
        assertTrue(table.cyclesPerOp(CostAction.GUESS_PROBE) > 0);
    }

    @Test
    void shouldNameTheLineAndColumnOfABadNumber() throws IOException {
        String csv = validCsv().replaceFirst("\n(owner_assign,ed25519-bc,)[0-9.E]+,", "\n$1fast,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(csv)));
        assertTrue(e.getMessage().contains("action owner_assign"), e.getMessage());
        assertTrue(e.getMessage().contains("ns_per_op 'fast' is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownAction() throws IOException {
        String csv = validCsv().replace("\nowner_assign,", "\nowner_dance,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(csv)));
        assertTrue(e.getMessage().contains("unknown action 'owner_dance'"), e.getMessage());
    }

    @Test
    void shouldRejectARepeatedAction() throws IOException {
        String csv = validCsv();
        String row = csv.lines().filter(l -> l.startsWith("owner_assign,")).findFirst().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(csv + row + "\n")));
        assertTrue(e.getMessage().contains("owner_assign appears more than once"), e.getMessage());
    }

    @Test
    void shouldRejectAMissingColumn() throws IOException {
        String csv = validCsv().replaceFirst("cycles_per_op", "cycles");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(csv)));
        assertTrue(e.getMessage().contains("lacks column 'cycles_per_op'"), e.getMessage());
    }

    @Test
    void shouldRejectARowWithTooFewFields() throws IOException {
        String csv = validCsv().replaceFirst("\n(owner_assign,[^\n]*),[^,\n]*\n", "\n$1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(csv)));
        assertTrue(e.getMessage().contains("has 9 fields, the header has 10"), e.getMessage());
    }

    @Test
    void shouldRejectNegativeBytesAndZeroTime() throws IOException {
        String negative = validCsv().replaceFirst("\n(owner_assign,ed25519-bc,[^,]+,[^,]+,[^,]+,)[0-9]+,", "\n$1-3,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(negative)));
        assertTrue(e.getMessage().contains("bytes must be >= 0"), e.getMessage());

        String zero = validCsv().replaceFirst("\n(owner_assign,ed25519-bc,)[0-9.E]+,", "\n$10,");
        e = assertThrows(IllegalArgumentException.class, () -> CostTable.read(writeCsv(zero)));
        assertTrue(e.getMessage().contains("ns_per_op must be a finite number > 0"), e.getMessage());
    }

    @Test
    void shouldRejectATableMixingSuites() {
        List<CostEntry> entries = completeEntries("ed25519-bc");
        entries.set(3, completeEntries("ed25519-jdk").get(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.of("costs.csv", entries));
        assertTrue(e.getMessage().contains("suite ed25519-jdk"), e.getMessage());
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.read(writeCsv(String.join(",", CostTable.COLUMNS) + "\n")));
        assertTrue(e.getMessage().contains("no rows"), e.getMessage());
    }

    @Test
    void shouldNotTouchAnExistingFileWhenTheWriteTargetIsADirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x");
        CostTable table = CostTable.of("costs.csv", completeEntries("ed25519-bc"));
        assertThrows(RuntimeException.class, () -> table.write(target));
        assertEquals("x", Files.readString(target.resolve("inside")));
    }

    @Test
    void shouldShipACompleteDefaultMeasuredOnTheHostItsHostFileDescribes() throws IOException {
        CostTable table = CostTable.embeddedDefault();

        assertEquals(CostAction.values().length, table.entries().size() + table.unpriced().size());
        for (CostAction absent : table.unpriced()) {
            assertTrue(absent.optional(), absent.csvName() + " is required but missing from the default");
        }
        assertTrue(table.id().startsWith("default-costs.csv:" + table.suite() + ":"), table.id());
        try (InputStream in = CostTable.class.getResourceAsStream(CostTable.DEFAULT_HOST_RESOURCE)) {
            Path hostFile = dir.resolve("default-host.json");
            Files.write(hostFile, in.readAllBytes());
            HostInfo host = HostInfo.read(hostFile);
            for (CostEntry entry : table.entries()) {
                assertEquals(host.cpuModel(), entry.cpuModel(), entry.action().csvName());
                assertEquals(host.ghz(), entry.ghz(), 1e-9, entry.action().csvName());
                assertEquals(entry.nsPerOp() * entry.ghz(), entry.cyclesPerOp(), 1e-6 * entry.cyclesPerOp());
            }
        }
    }

    @Test
    void shouldShipTheSparseCalibrationOfTheDefaultsOwnRun() {
        CostTable busy = CostTable.embeddedDefault();
        CostTable sparse = CostTable.embeddedSparse().orElseThrow();

        assertEquals(busy.suite(), sparse.suite());
        for (CostEntry entry : sparse.entries()) {
            CostEntry same = busy.entry(entry.action());
            String sparseRecipe = ActionCatalog.all(ActionCatalog.Regime.SPARSE).get(entry.action()).get(0).describe();
            String busyRecipe = ActionCatalog.all(ActionCatalog.Regime.BUSY).get(entry.action()).get(0).describe();
            if (!sparseRecipe.equals(busyRecipe)) {
                assertTrue(entry.sourceBenchmark().contains("IdleBrokerBenchmark")
                        || entry.sourceBenchmark().contains("IdlePeerBenchmark")
                        || entry.sourceBenchmark().contains("placement=spread"), entry.sourceBenchmark());
                assertTrue(entry.nsPerOp() > same.nsPerOp(), entry.action().csvName()
                        + ": after an idle gap, or woken on an idle CPU, an action should cost more than back to back");
            } else {
                assertEquals(same.nsPerOp(), entry.nsPerOp(), 0.0, entry.action().csvName() + " is not the busy price");
                assertEquals(same.ghz(), entry.ghz(), 0.0, "one run, one host");
            }
        }
    }
}
