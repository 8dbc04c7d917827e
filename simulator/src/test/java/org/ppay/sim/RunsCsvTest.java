package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;

class RunsCsvTest {

    private static final CostTable COSTS = TestCosts.table();
    private static SweepPlan plan;
    private static List<RunRow> rows;

    @TempDir
    static Path dir;

    private static SweepPlan sweep() {
        final SimulationParameters base = SimulationTest.small().withSimulatedDays(2);
        return SweepFile.parsePlan("test", "test plan", List.of(
                "# scheme by downtime",
                "scheme=PPAY downtime-multiplier=1",
                "scheme=PPAY_STAR downtime-multiplier=4 seed=9",
                "",
                "scheme=RM window-type=SOFT_CREDIT net-loss-cap=30"), base);
    }

    @BeforeAll
    static void simulate() {
        plan = sweep();
        rows = rows(Sweep.of(plan.runs(), 2).run(COSTS, (done, total, fraction) -> { }));
    }

    private static List<RunRow> rows(List<Sweep.Outcome> outcomes) {
        final List<RunRow> out = new ArrayList<>();
        outcomes.forEach(o -> out.add(o.row()));
        return out;
    }

    /** Every action priced 3x {@link TestCosts}, a dearer table for re-costing. */
    private static CostTable dearer() {
        final List<CostEntry> entries = new ArrayList<>();
        for (CostEntry e : COSTS.entries()) {
            entries.add(new CostEntry(e.action(), e.suite(), e.nsPerOp() * 3, e.nsError() * 3, e.cyclesPerOp() * 3,
                    e.bytes(), e.sourceBenchmark(), e.cpuModel(), e.ghz(), e.jdk()));
        }
        return CostTable.of("dearer.csv", entries);
    }

    @Test
    void shouldWriteByteIdenticalRowsWhateverTheThreadCount() throws Exception {
        final Path one = dir.resolve("one.csv");
        final Path many = dir.resolve("many.csv");
        RunsCsv.write(one, plan, "test", rows(Sweep.of(plan.runs(), 1).run(COSTS, (d, t, f) -> { })));
        RunsCsv.write(many, plan, "test", rows);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(many));
        assertEquals(4, Files.readAllLines(one).size(), "a header and one row per run");
    }

    @Test
    void shouldReadBackExactlyWhatItWrote() throws Exception {
        final Path file = dir.resolve("round.csv");
        RunsCsv.write(file, plan, "test", rows);
        final RunsCsv.RunsFile read = RunsCsv.read(file);
        assertEquals(rows, read.rows());
        assertEquals(plan.sha256(), read.planSha256());
        assertEquals("test plan", read.plan());
        final Path again = dir.resolve("again.csv");
        RunsCsv.write(again, plan, "test", read.rows());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void shouldCarryEveryParameterCountPerEntityTaskAndActionAndTheLoads() {
        final List<String> columns = RunsCsv.columns();
        for (String key : SimulationParameters.keys()) {
            assertTrue(columns.contains(RunsCsv.columnName(key)), key);
        }
        for (String column : List.of("runs_csv_version", "plan_sha256", "run_id", "status", "error", "cost_table",
                "broker_hz", "broker_cores_busy", "broker_hz_reassignment", "peer_hz_p99", "peer_in_bps_mean",
                "proofs_mean", "credit_loss_p90", "coins_printed", "fraction_online",
                "actions_broker_misc_broker_cash_coin", "actions_peers_guess_guess_probe",
                "actions_peers_renewal_owner_renew", "signatures_broker_in_reassignment",
                "payload_bytes_peers_out_guess", "framed_peers_in_misc", "messages_broker_out_renewal")) {
            assertTrue(columns.contains(column), column);
        }
        assertEquals(columns.size(), new java.util.HashSet<>(columns).size(), "no column twice");
    }

    @Test
    void shouldRepriceFromTheRowExactlyAsSimulatingWithTheOtherTable() throws Exception {
        final Path file = dir.resolve("reprice.csv");
        RunsCsv.write(file, plan, "test", rows);
        final CostTable other = dearer();
        for (RunRow row : RunsCsv.read(file).rows()) {
            final CostedRun fresh = Simulation.run(row.parameters()).costed(other);
            for (String name : RunLoads.columnNames()) {
                assertEquals(fresh.loads().columns().get(name), row.metric(name, other), name);
            }
            assertTrue(row.metric("broker_hz", other) > row.metric("broker_hz", COSTS) || row.metric("broker_hz",
                    COSTS) == 0, "a dearer table, a larger load");
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> row.metric("peer_hz_p99", other));
            assertTrue(e.getMessage().contains("priced only with the table it was simulated with"), e.getMessage());
            assertEquals(Simulation.run(row.parameters()).costed(COSTS).peerHzPercentile(99),
                    row.metric("peer_hz_p99", COSTS));
        }
    }

    @Test
    void shouldMakeAFailedRunARowWithItsError() throws Exception {
        final Simulation.ProtocolFactory breaksSeed9 = (p, ledger, accounting) -> {
            if (p.seed() == 9) {
                throw new IllegalStateException("broken\non purpose");
            }
            return accounting;
        };
        final List<RunRow> mixed = rows(new Sweep(plan.runs(), 2, breaksSeed9).run(COSTS, (d, t, f) -> { }));
        assertFalse(mixed.get(0).failed());
        assertTrue(mixed.get(1).failed());
        assertEquals("IllegalStateException: broken on purpose", mixed.get(1).error());
        final Path file = dir.resolve("failed.csv");
        RunsCsv.write(file, plan, "test", mixed);
        assertTrue(Files.readString(file).contains(",1,failed,IllegalStateException: broken on purpose,"));
        assertEquals(mixed, RunsCsv.read(file).rows());
    }

    @Test
    void shouldRefuseAnotherVersionAMissingColumnAndAnOldFile() throws Exception {
        final Path file = dir.resolve("good.csv");
        RunsCsv.write(file, plan, "test", rows);
        final List<String> lines = Files.readAllLines(file);

        final Path v3 = dir.resolve("v3.csv");
        final List<String> bumped = new ArrayList<>(lines);
        bumped.set(1, "3" + bumped.get(1).substring(1));
        Files.write(v3, bumped);
        assertMessage(v3, "runs_csv_version is '3'; this ppay reads version 2 only");

        final Path missing = dir.resolve("missing.csv");
        final List<String> cut = new ArrayList<>();
        for (String line : lines) {
            cut.add(line.substring(0, line.lastIndexOf(',')));
        }
        Files.write(missing, cut);
        assertMessage(missing, "missing: peer_hz_max");

        final Path old = dir.resolve("old.csv");
        Files.writeString(old, "network_size,seed,cost_table,broker_hz\n10,1,x,5.0\n");
        assertMessage(old, "not a runs.csv of version 2");
    }

    @Test
    void shouldMergeShardsIntoThePlanAndNameMissingAndDuplicatedRuns() throws Exception {
        final List<RunsCsv.RunsFile> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            final Path shard = dir.resolve("shard-" + i + ".csv");
            final List<RunRow> slice = new ArrayList<>();
            for (SweepPlan.Run run : plan.shard(i, 3)) {
                slice.add(rows.get(Integer.parseInt(run.id())));
            }
            RunsCsv.write(shard, plan, "test", slice);
            shards.add(RunsCsv.read(shard));
        }
        assertEquals(rows, RunsMerge.merge(List.of(shards.get(2), shards.get(0), shards.get(1)), plan));

        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RunsMerge.merge(List.of(shards.get(0), shards.get(2)), plan));
        assertTrue(missing.getMessage().contains("1 of 3 runs") && missing.getMessage().contains("run 1 ("),
                missing.getMessage());
        final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> RunsMerge.merge(List.of(shards.get(0), shards.get(1), shards.get(2), shards.get(1)), plan));
        assertTrue(twice.getMessage().contains("run 1 in [") && twice.getMessage().contains("shard-1.csv"),
                twice.getMessage());

        final Path otherBuild = dir.resolve("other-build.csv");
        RunsCsv.write(otherBuild, plan, "other build", List.of(rows.get(1)));
        final IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
                () -> RunsMerge.merge(List.of(shards.get(0), RunsCsv.read(otherBuild), shards.get(2)), plan));
        assertTrue(version.getMessage().contains("different ppay versions"), version.getMessage());

        final SweepPlan other = new SweepPlan("another plan", plan.runs());
        final IllegalArgumentException planError = assertThrows(IllegalArgumentException.class,
                () -> RunsMerge.merge(shards, other));
        assertTrue(planError.getMessage().contains("not of plan 'another plan'"), planError.getMessage());
    }

    @Test
    void shouldSliceAPlanIntoDisjointShardsThatCoverIt() {
        final List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            plan.shard(i, 2).forEach(r -> seen.add(r.id()));
        }
        seen.sort(null);
        assertEquals(List.of("0", "1", "2"), seen);
        assertThrows(IllegalArgumentException.class, () -> plan.shard(3, 3));
        assertThrows(IllegalArgumentException.class, () -> plan.shard(0, 4), "more shards than runs");
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.parseShard("1-3"));
        assertArrayEquals(new int[] {1, 3}, SweepPlan.parseShard("1/3"));
    }

    @Test
    void shouldWriteAPlanThatReadsBackWithTheSameHash() {
        final String text = SweepFile.format(plan);
        final SweepPlan back = SweepFile.parsePlan("p", "unnamed", text.lines().toList(),
                SimulationParameters.defaults());
        assertEquals(plan, back);
        assertEquals(plan.sha256(), back.sha256());
        assertTrue(text.startsWith("# plan: test plan\n"), text);
    }

    @Test
    void shouldNameTheLineOfABadSweepEntry() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepFile.parse("s.txt",
                List.of("scheme=PPAY", "scheme=PPAY max-layers=-3"), SimulationParameters.defaults()));
        assertTrue(e.getMessage().contains("s.txt: line 2") && e.getMessage().contains("max-layers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SweepFile.parse("s.txt", List.of("scheme"),
                SimulationParameters.defaults()));
        assertThrows(IllegalArgumentException.class, () -> SweepFile.parse("s.txt", List.of("# nothing"),
                SimulationParameters.defaults()));
        assertThrows(IllegalArgumentException.class, () -> SweepFile.parse("s.txt", List.of("run=a seed=1",
                "run=a seed=2"), SimulationParameters.defaults()), "a run id twice");
    }

    private static void assertMessage(Path file, String expected) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunsCsv.read(file));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(file.toString()), e.getMessage());
    }
}
