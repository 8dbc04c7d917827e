package org.ppay.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.Task;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.schedule.SchedulePredictor;
import org.ppay.validation.schedule.Step;
import org.ppay.validation.schedule.StepKind;

class DeploymentSeriesTest {

    /** Every action at 1000 ns, so one limit certificate and one cash cost the broker 2000 ns plus its messages. */
    /** Every action at 1000 ns, so one limit certificate and one cash cost the broker 2000 ns plus its messages. */
    private static CostTable table() {
        return TestCostTables.uniform(1000);
    }

    /** One deployment of the same two-step schedule whose broker measured {@code brokerNanos}. */
    private static Comparison deployment(long brokerNanos, CostTable costs) {
        final SchedulePredictor predictor = new SchedulePredictor(2);
        predictor.apply(new Step(StepKind.LIMIT_CERTIFICATE, 0, 0, -1, -1, Task.MISC));
        predictor.apply(new Step(StepKind.CASH, 2, 1, 0, -1, Task.MISC));
        final Measurement broker = new Measurement();
        broker.add("0 0 0 0 0 0 0 0 0 " + brokerNanos + " 0 0");
        final Measurement peers = new Measurement();
        peers.add("0 0 0 0 0 0 0 0 0 4000 0 0");
        return new Comparison(predictor.counters(), 2, 64, costs, broker, peers);
    }

    private static double predictedBrokerNanos() {
        return deployment(1, table()).row("broker", "total", "cpu_seconds").predicted() * 1e9;
    }

    @Test
    void shouldJudgeTheGoalsOnTheMedianDeploymentNotOnAnOutlier() {
        final long predicted = Math.round(predictedBrokerNanos());
        // two deployments measure what was predicted, one measures half as much again (a slow mode)
        final DeploymentSeries series = new DeploymentSeries(List.of(deployment(predicted, table()),
                deployment(predicted * 3 / 2, table()), deployment(predicted, table())));

        final String broker = series.goals().get(0);

        assertTrue(broker.startsWith("broker CPU") && broker.contains("+0.0%") && broker.endsWith("met"), broker);
        assertTrue(broker.contains("-33.3 to +0.0 %") && broker.contains("1 of 3 outside"),
                "the outlier is shown beside the median: " + broker);
    }

    @Test
    void shouldMissAGoalWhenTheMedianDeploymentMissesIt() {
        final long predicted = Math.round(predictedBrokerNanos());
        final DeploymentSeries series = new DeploymentSeries(List.of(deployment(predicted * 2, table()),
                deployment(predicted * 2, table()), deployment(predicted, table())));

        assertTrue(series.goals().get(0).endsWith("missed"), series.goals().get(0));
    }

    @Test
    void shouldTakeTheMeanOfTheMiddlePairForAnEvenCount() {
        assertEquals(0.15, DeploymentSeries.median(new double[] {0.4, 0.1, -0.3, 0.2}), 1e-12);
        assertEquals(-0.3, DeploymentSeries.median(new double[] {-0.3}), 1e-12);
    }

    @Test
    void shouldSayNotPredictedWithoutACostTable() {
        final DeploymentSeries series = new DeploymentSeries(List.of(deployment(5000, null), deployment(6000, null)));

        assertTrue(series.goals().get(0).endsWith("not predicted"), series.goals().get(0));
        assertTrue(series.toText().lines().anyMatch(line -> line.startsWith("median")), series.toText());
    }

    @Test
    void shouldWriteEveryDeploymentsErrorsAndTheirMedians(@TempDir Path dir) throws Exception {
        final long predicted = Math.round(predictedBrokerNanos());
        final DeploymentSeries series = new DeploymentSeries(List.of(deployment(predicted, table()),
                deployment(predicted * 2, table())));
        final Path csv = dir.resolve("series.csv");

        series.write(csv);

        final List<String> lines = Files.readAllLines(csv);
        assertEquals("deployment,goal,relative_error", lines.get(0));
        assertEquals(1 + 4 * 3, lines.size(), lines.toString());
        assertTrue(lines.contains("2,broker CPU,-0.5"), lines.toString());
        assertTrue(lines.contains("median,broker CPU,-0.25"), lines.toString());
    }

    @Test
    void shouldRefuseAnEmptySeries() {
        assertThrows(IllegalArgumentException.class, () -> new DeploymentSeries(List.of()));
    }
}
