package org.ppay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;
import org.ppay.costs.HostInfo;
import picocli.CommandLine;

class CalibrateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = PpayCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String record(String benchmark, String params, double score) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"avgt\",\"params\":{" + params
                + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"},"
                + "\"secondaryMetrics\":{}}";
    }

    private Path signatureOnlyRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("jmh-results.json"), "[" + String.join(",",
                record("org.ppay.bench.crypto.SignatureBenchmark.sign", "\"suite\":\"ed25519-bc\"", 50000),
                record("org.ppay.bench.crypto.SignatureBenchmark.verify", "\"suite\":\"ed25519-bc\"", 120000)) + "]");
        new HostInfo("Test CPU", 2, 2.5, "test", 2500, "Linux", "17.0.15", "JVM", Map.of(), "2026-01-01T00:00:00Z",
                "quick").write(run.resolve("host.json"));
        return run.resolve("jmh-results.json");
    }

    @Test
    void shouldNameWhatIsMissingAndWriteNothing() throws IOException {
        Path results = signatureOnlyRun();
        Path costs = dir.resolve("costs.csv");

        int exit = run("calibrate", results.toString(), "--out", costs.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains(" or 1*GuessProbeBenchmark.probe)"), err.toString());
        assertTrue(err.toString().contains(results.toString()), err.toString());
        assertFalse(Files.exists(costs));
    }

    @Test
    void shouldRefuseAnUnknownPlacementNamingTheChoices() throws IOException {
        Path results = signatureOnlyRun();
        Path costs = dir.resolve("costs.csv");

        int exit = run("calibrate", results.toString(), "--placement", "nearby", "--out", costs.toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--placement must be same-cpu or spread, was 'nearby'"), err.toString());
        assertFalse(Files.exists(costs));
    }

    @Test
    void shouldRefuseAMissingHostClockUnlessGiven() throws IOException {
        Path results = signatureOnlyRun();
        Files.delete(results.resolveSibling("host.json"));

        int exit = run("calibrate", results.toString(), "--out", dir.resolve("c.csv").toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("no host.json beside"), err.toString());
    }

    @Test
    void shouldRejectABrokenResultsFileNamingIt() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\": ");

        int exit = run("calibrate", broken.toString(), "--ghz", "3");

        assertEquals(2, exit);
        assertTrue(err.toString().contains(broken + ": not valid JSON"), err.toString());
    }

    private static CostTable table(double scale, String cpu) {
        List<CostEntry> entries = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            double ns = 1000 * scale * (action.ordinal() + 1);
            entries.add(new CostEntry(action, "ed25519-bc", ns, 1, ns * 3, 100, "bench", cpu, 3.0, "17"));
        }
        return CostTable.of("costs.csv", entries);
    }

    @Test
    void shouldCompareTwoTablesSideBySideWithRatios() {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        table(1, "Fast CPU").write(a);
        table(2, "Slow CPU").write(b);

        int exit = run("calibrate", "--compare", a.toString(), b.toString());

        assertEquals(0, exit, err.toString());
        String text = out.toString();
        assertTrue(text.contains("Fast CPU") && text.contains("Slow CPU"), text);
        String ownerAssign = text.lines().filter(l -> l.startsWith("owner_assign ")).findFirst().orElseThrow();
        assertTrue(ownerAssign.endsWith(" 2.00"), ownerAssign);
    }

    @Test
    void shouldRefuseToCompareFewerThanTwoTables() {
        int exit = run("calibrate", "--compare", "only.csv");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--compare needs at least two costs.csv files"), err.toString());
    }

    @Test
    void shouldCompareManyTablesWithAColumnPerTableAndRatiosToTheFirst() {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        table(1, "Host A").write(a);
        table(2, "Host B").write(b);
        table(0.5, "Host C").write(c);

        assertEquals(0, run("calibrate", "--compare", a.toString(), b.toString(), c.toString()), err.toString());

        String text = out.toString();
        assertTrue(text.contains("#3 = ") && text.contains("Host C"), text);
        String ownerAssign = text.lines().filter(l -> l.startsWith("owner_assign ")).findFirst().orElseThrow();
        assertTrue(ownerAssign.matches(".* 2\\.00 .* 0\\.50"), ownerAssign);
    }

    @Test
    void shouldFailTheGateOnlyWhenACostGrowsBeyondTheThresholdAndTheErrorBars() {
        Path base = dir.resolve("base.csv");
        Path slower = dir.resolve("slower.csv");
        Path noisy = dir.resolve("noisy.csv");
        Path drift = dir.resolve("drift.csv");
        Path smoke = dir.resolve("smoke.csv");
        gated(1, 1, 10).write(base);
        gated(1, 1.6, 10).write(slower);     // broker_cash_coin 60% dearer, error bars 10 ns
        gated(1, 1.6, 2000).write(noisy);    // the same growth inside error bars of 2 us
        gated(1.1, 1.1, 10).write(drift);    // everything 10% dearer: under the threshold
        gated(1, 1.6, Double.NaN).write(smoke);

        assertEquals(1, run("calibrate", "--compare", base.toString(), slower.toString(), "--max-increase", "25"));
        assertTrue(out.toString().contains("REGRESSION broker_cash_coin"), out.toString());
        assertTrue(err.toString().contains("GATE FAILED: 1 action(s)"), err.toString());
        assertEquals(0, run("calibrate", "--compare", base.toString(), noisy.toString(), drift.toString(),
                "--max-increase", "25"), err.toString());
        assertTrue(out.toString().contains("gate passed"), out.toString());
        assertEquals(2, run("calibrate", "--compare", base.toString(), smoke.toString(), "--max-increase", "25"));
        assertTrue(err.toString().contains("judged nothing"), err.toString());
        assertEquals(2, run("calibrate", "--compare", base.toString(), slower.toString(), "--max-increase", "-5"));
    }

    /** Every action at {@code scale}, broker_cash_coin at {@code cash} instead, error bars {@code nsError}. */
    private static CostTable gated(double scale, double cash, double nsError) {
        List<CostEntry> entries = new ArrayList<>();
        for (CostAction action : CostAction.values()) {
            double ns = 1000 * (action == CostAction.BROKER_CASH_COIN ? cash : scale) * (action.ordinal() + 1);
            entries.add(new CostEntry(action, "ed25519-bc", ns, nsError, ns * 3, 100, "bench", "cpu", 3.0, "17"));
        }
        return CostTable.of("costs.csv", entries);
    }

    @Test
    void shouldWriteACompleteCostTableThatReadsBack() throws IOException {
        Path run = Files.createDirectories(dir.resolve("full"));
        Files.writeString(run.resolve("jmh-results.json"), "[" + String.join(",",
                record("org.ppay.bench.crypto.SignatureBenchmark.sign", "\"suite\":\"ed25519-bc\"", 50000),
                record("org.ppay.bench.crypto.SignatureBenchmark.verify", "\"suite\":\"ed25519-bc\"", 120000),
                record("org.ppay.bench.credit.PaywordBenchmark.checkWord", "\"chainLength\":\"100\"", 300),
                record("org.ppay.bench.credit.PaywordBenchmark.redeemChain", "\"chainLength\":\"100\"", 30000),
                record("org.ppay.bench.credit.SoftCreditBenchmark.picopayment", "\"windowPicos\":\"10\"", 50),
                record("org.ppay.bench.audit.AuditAppendBenchmark.append", "\"coins\":\"1024\"", 200),
                record("org.ppay.bench.net.GuessProbeBenchmark.probe",
                        "\"queryBytes\":\"94\",\"responseBytes\":\"94\"", 6000)) + "]");
        new HostInfo("Test CPU", 2, 2.5, "test", 2500, "Linux", "17.0.15", "JVM", Map.of(), "2026-01-01T00:00:00Z",
                "quick").write(run.resolve("host.json"));
        Path costs = dir.resolve("out").resolve("costs.csv");

        int exit = run("calibrate", run.resolve("jmh-results.json").toString(), "--out", costs.toString());

        assertEquals(0, exit, err.toString());
        CostTable table = CostTable.read(costs);
        assertEquals("ed25519-bc", table.suite());
        assertEquals(125_000, table.cyclesPerOp(CostAction.OWNER_ASSIGN), 1e-6);
        assertEquals(188, table.bytes(CostAction.GUESS_PROBE));
        assertTrue(out.toString().contains(table.id()), out.toString());
        assertTrue(out.toString().contains("note: quick-profile results price the slower actions while the JIT still"
                + " compiles them"), "a quick run's table says what it must not be used for: " + out);

        out.getBuffer().setLength(0);
        new HostInfo("Test CPU", 2, 2.5, "test", 2500, "Linux", "17.0.15", "JVM", Map.of(), "2026-01-01T00:00:00Z",
                "standard").write(run.resolve("host.json"));
        assertEquals(0, run("calibrate", run.resolve("jmh-results.json").toString(), "--out", costs.toString()));
        assertFalse(out.toString().contains("note:"), "a standard run's table has no caveat: " + out);
    }

    @Test
    void shouldAnswerBadInputWithTheErrorAndOneLinePointingAtHelp() throws IOException {
        Path results = signatureOnlyRun();
        Path binary = dir.resolve("results.bin");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF, 0x10});
        String[][] calls = {
            {"calibrate", dir.resolve("missing.json").toString()},
            {"calibrate", dir.toString()},
            {"calibrate", results.toString(), "--ghz", "-1"},
            {"calibrate", results.toString(), "--ghz", "NaN"},
            {"calibrate", binary.toString()},
        };
        String[] named = {"no such JMH results file: " + dir.resolve("missing.json"), dir + " is a directory",
            "--ghz must be a clock in GHz (> 0), was -1.0", "--ghz must be a clock in GHz (> 0), was NaN",
            binary + " is not text"};
        for (int i = 0; i < calls.length; i++) {
            err.getBuffer().setLength(0);

            int exit = run(calls[i]);

            String said = err.toString();
            assertEquals(2, exit, said);
            assertTrue(said.contains(named[i]), said);
            assertFalse(said.contains("Usage:"), said);
            assertTrue(said.lines().count() <= 2, said);
            assertFalse(Files.exists(dir.resolve("costs.csv")));
        }
    }
}
