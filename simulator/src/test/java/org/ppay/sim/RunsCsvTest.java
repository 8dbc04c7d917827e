package org.ppay.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostTable;

class RunsCsvTest {

    private static final CostTable COSTS = TestCosts.table();

    private static List<SimulationParameters> sweep() {
        final SimulationParameters base = SimulationTest.small().withSimulatedDays(2);
        return SweepFile.parse("test", List.of(
                "# scheme by downtime",
                "scheme=PPAY downtime-multiplier=1",
                "scheme=PPAY_STAR downtime-multiplier=4 seed=9",
                "",
                "scheme=RM window-type=SOFT_CREDIT net-loss-cap=30"), base);
    }

    @Test
    void shouldWriteByteIdenticalRowsWhateverTheThreadCount(@TempDir Path dir) throws Exception {
        final Path one = dir.resolve("one.csv");
        final Path many = dir.resolve("many.csv");
        RunsCsv.write(one, new Sweep(sweep(), 1).run(COSTS, (done, total, fraction) -> { }));
        RunsCsv.write(many, new Sweep(sweep(), 3).run(COSTS, (done, total, fraction) -> { }));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(many));
        assertEquals(4, Files.readAllLines(one).size(), "a header and one row per run");
    }

    @Test
    void shouldWriteTheSameRowForTheSameParametersAndSeed() {
        final SimulationParameters p = sweep().get(1);
        assertEquals(csv(Simulation.run(p).costed(COSTS)), csv(Simulation.run(p).costed(COSTS)));
    }

    @Test
    void shouldCarryEveryParameterTheCostTableAndTheMetrics() {
        final String text = csv(Simulation.run(sweep().get(0)).costed(COSTS));
        final String header = text.lines().findFirst().orElseThrow();
        for (String key : SimulationParameters.keys()) {
            assertTrue(header.contains(RunsCsv.columnName(key)), key);
        }
        for (String column : List.of("cost_table", "broker_hz", "broker_cores_busy", "broker_hz_reassignment",
                "peer_hz_p99", "peer_in_bps_mean", "proofs_mean", "credit_loss_p90", "coins_printed",
                "probes_per_query", "cancelled_fraction", "coin_payments_per_coin_cashed", "fraction_online",
                "count_broker_broker_cash_coin", "count_peers_guess_probe", "messages_broker_in",
                "count_broker_message_receive", "count_peers_message_send")) {
            assertTrue(header.contains(column), column);
        }
        assertTrue(text.contains(COSTS.id()));
    }

    @Test
    void shouldCarryEnoughCountsToRepriceTheBrokerFromTheRowAlone() {
        final CostedRun run = Simulation.run(sweep().get(2)).costed(COSTS);
        final java.util.Map<String, String> row = RunsCsv.row(run);
        double cycles = 0;
        for (org.ppay.costs.CostAction action : org.ppay.costs.CostAction.values()) {
            cycles += Long.parseLong(row.get("count_broker_" + action.csvName())) * COSTS.cyclesPerOp(action);
        }
        final double seconds = Double.parseDouble(row.get("simulated_days")) * 86_400;
        assertEquals(Double.parseDouble(row.get("broker_hz")), cycles / seconds, 1e-6 * cycles / seconds);
        assertTrue(cycles > 0);
        assertEquals(row.get("messages_broker_in"), row.get("count_broker_message_receive"),
                "every message the broker receives is a protocol message, each charged its receiving end");
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
    }

    private static String csv(CostedRun run) {
        final StringWriter out = new StringWriter();
        try (RunsCsv csv = new RunsCsv(out)) {
            csv.append(run);
        }
        return out.toString();
    }
}
