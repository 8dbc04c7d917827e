package org.ppay.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.Task;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.schedule.SchedulePredictor;
import org.ppay.validation.schedule.Step;
import org.ppay.validation.schedule.StepKind;

class ComparisonTest {

    /** Every action at 1000 ns (2000 cycles at 2 GHz), except cashing a coin at 5000 ns and sending (receiving) a
     * message at 300 (200) ns. */
    private static CostTable table() {
        return TestCostTables.priced(action -> switch (action) {
            case BROKER_CASH_COIN -> 5000;
            case MESSAGE_SEND -> 300;
            case MESSAGE_RECEIVE -> 200;
            default -> 1000;
        });
    }

    @Test
    void shouldSayWhichGoalsARunMeetsAndWhichItMisses() {
        final SchedulePredictor predictor = new SchedulePredictor(2);
        predictor.apply(new Step(StepKind.LIMIT_CERTIFICATE, 0, 0, -1, -1, Task.MISC));
        predictor.apply(new Step(StepKind.CASH, 2, 1, 0, -1, Task.MISC));
        final Measurement broker = new Measurement();
        broker.add("0 0 0 0 0 0 0 0 0 7000 0 0");
        final Measurement peers = new Measurement();
        peers.add("0 0 0 0 0 0 0 0 0 100000 0 0");

        final java.util.List<String> goals = new Comparison(predictor.counters(), 2, 64, table(), broker, peers)
                .goals();

        assertEquals(4, goals.size(), goals.toString());
        assertTrue(goals.get(0).startsWith("broker CPU") && goals.get(0).endsWith("met")
                && goals.get(0).contains("+0.0%"), "7000 ns predicted and measured: " + goals.get(0));
        assertTrue(goals.get(1).startsWith("mean peer CPU") && goals.get(1).endsWith("missed"),
                "far less predicted than the 100 us measured: " + goals.get(1));
        final java.util.List<String> unpriced = new Comparison(predictor.counters(), 2, 64, null, broker, peers)
                .goals();
        assertTrue(unpriced.get(0).endsWith("not predicted"), "no cost table, no CPU prediction: " + unpriced.get(0));
    }

    @Test
    void shouldPriceTheCountsAndSetThemBesideTheMeasurement() {
        final SchedulePredictor predictor = new SchedulePredictor(2);
        predictor.apply(new Step(StepKind.LIMIT_CERTIFICATE, 0, 0, -1, -1, Task.MISC));
        predictor.apply(new Step(StepKind.PRINT, 1, 0, -1, -1, Task.MISC));
        predictor.apply(new Step(StepKind.ASSIGN, 1, 0, 0, 1, Task.REASSIGNMENT));
        predictor.apply(new Step(StepKind.CASH, 2, 1, 0, -1, Task.MISC));
        final Measurement broker = new Measurement();
        broker.add("0 0 0 0 0 0 0 0 0 8000 100 50");
        final Measurement peers = new Measurement();
        peers.add("0 0 0 6000 400 400 0 0 0 1000 0 0");

        final Comparison table = new Comparison(predictor.counters(), 2, 64, table(), broker, peers);

        final Comparison.Row brokerMisc = table.row("broker", "misc", "cpu_seconds");
        assertEquals((200 + 1000 + 300 + 200 + 5000 + 300) / 1e9, brokerMisc.predicted(), 1e-15,
                "the order for a limit certificate received, the certificate and sending it; the cash request"
                        + " received, cash and sending its receipt");
        assertEquals(8000 / 1e9, brokerMisc.measured(), 1e-15);
        assertEquals(-0.125, brokerMisc.relativeError(), 1e-12);
        assertEquals(16000, table.row("broker", "misc", "cycles").measured(), 1e-9, "ns x the table's GHz");
        final Comparison.Row peerReassignment = table.row("mean_peer", "reassignment", "cpu_seconds");
        assertEquals((2 * 1000 + 300 + 200) / 1e9 / 2, peerReassignment.predicted(), 1e-15,
                "assign + check, the assignment sent and received, over 2 peers");
        assertEquals(3000 / 1e9, peerReassignment.measured(), 1e-15);
        final Comparison.Row peerTotal = table.row("mean_peer", "total", "cpu_seconds");
        assertEquals((4 * 1000 + 3 * 300 + 3 * 200) / 1e9 / 2, peerTotal.predicted(), 1e-15,
                "print, assign, check, cash request; the certificate order, assignment and cash request sent;"
                        + " the certificate, assignment and cash receipt received");
        assertEquals((6000 + 1000) / 1e9 / 2, peerTotal.measured(), 1e-15);
        assertTrue(table.toCsv().startsWith("entity,task,metric,predicted,measured,relative_error\n"));
        assertTrue(table.toText().contains("-12.5%"));
    }

    @Test
    void shouldChargeEachEndOfAProbeHalfTheBenchmarkOfBothEnds() {
        final SchedulePredictor predictor = new SchedulePredictor(2);
        predictor.apply(new Step(StepKind.PROBE, 0, 0, 0, 1, Task.GUESS));
        final Measurement none = new Measurement();
        none.add("0 0 0 0 0 0 0 0 0 0 0 0");

        final Comparison table = new Comparison(predictor.counters(), 2, 64, table(), none, none);

        assertEquals(2 * 1000 * 0.5 / 1e9 / 2, table.row("mean_peer", "guess", "cpu_seconds").predicted(), 1e-15,
                "GUESS_PROBE prices both ends of one probe: the prober and the probed pay half each, as in the"
                        + " simulator");
    }

    @Test
    void shouldLeaveCpuUnpredictedWithoutACostTable() {
        final SchedulePredictor predictor = new SchedulePredictor(2);
        predictor.apply(new Step(StepKind.PROBE, 0, 0, 0, 1, Task.GUESS));
        final Measurement measured = new Measurement();
        measured.add("10 202 202 0 0 0 0 0 0 0 0 0");

        final Comparison table = new Comparison(predictor.counters(), 2, 64, null, new Measurement(), measured);

        assertTrue(Double.isNaN(table.row("mean_peer", "guess", "cpu_seconds").predicted()));
        assertEquals(table.row("mean_peer", "guess", "bytes_in").predicted(),
                table.row("mean_peer", "guess", "bytes_in").measured(), 1e-9, "a 94-byte query in at the target, a 108-byte miss in at the querier");
        assertTrue(table.toCsv().contains("mean_peer,guess,cpu_seconds,,5.0E-9,\n"));
    }
}
