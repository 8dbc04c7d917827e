package org.ppay.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Messages;
import org.ppay.sim.load.Task;

/**
 * A run priced with a cost table: the broker's and the mean peer's loads ({@link RunLoads}, from the run's
 * {@link RunCounts}), and the distribution of per-peer processing load (p50, p99, max), which needs every peer's
 * counts and so exists only while the run's counters do.
 *
 * <p>Each protocol message costs CPU at both ends, {@link CostAction#MESSAGE_SEND} at the sender and
 * {@link CostAction#MESSAGE_RECEIVE} at the receiver (counted by {@link LoadCounters#message}); a table calibrated
 * before they existed prices them at zero ({@link CostTable#unpriced()}). Messages carry
 * {@link Messages#FRAMING_BYTES} of headers each.
 */
public final class CostedRun {

    private final RunResult run;
    private final CostTable costs;
    private final RunCounts counts;
    private final RunLoads loads;
    private final Histogram peerHz = new Histogram(3);

    CostedRun(RunResult run, CostTable costs) {
        this.run = run;
        this.costs = costs;
        this.counts = RunCounts.of(run);
        this.loads = counts.price(costs);
        final LoadCounters counters = run.counters();
        final double seconds = run.durationSeconds();
        final int peers = counters.entityCount() - 1;
        for (int p = 0; p < peers; p++) {
            final int entity = LoadCounters.peer(p);
            double total = 0;
            for (Task task : Task.values()) {
                total += RunLoads.cycles(costs, action -> counters.actions(entity, task, action)) / seconds;
            }
            peerHz.recordValue(Math.round(total));
        }
    }

    public RunResult run() {
        return run;
    }

    public CostTable costs() {
        return costs;
    }

    /** The counts the loads are priced from. */
    public RunCounts counts() {
        return counts;
    }

    /** The broker's and the mean peer's loads. */
    public RunLoads loads() {
        return loads;
    }

    public double brokerHz(Task task) {
        return loads.brokerHz(task);
    }

    public double brokerHz() {
        return loads.brokerHz();
    }

    public double brokerCoresBusy() {
        return loads.brokerHz() / loads.hostHz();
    }

    public double brokerInBps() {
        return loads.brokerInBps();
    }

    public double brokerOutBps() {
        return loads.brokerOutBps();
    }

    public double peerMeanHz(Task task) {
        return loads.peerMeanHz(task);
    }

    public double peerMeanHz() {
        return loads.peerMeanHz();
    }

    public double peerMeanInBps() {
        return loads.peerMeanInBps();
    }

    public double peerMeanOutBps() {
        return loads.peerMeanOutBps();
    }

    /** Per-peer processing load (Hz) at a percentile in [0, 100]. */
    public double peerHzPercentile(double percentile) {
        return peerHz.getValueAtPercentile(percentile);
    }

    public double peerMaxHz() {
        return peerHz.getMaxValue();
    }

    /** The per-peer distribution, priced with this run's table only: p50, p99 and max of per-peer Hz. */
    public Map<String, Double> peerDistribution() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("peer_hz_p50", peerHzPercentile(50));
        m.put("peer_hz_p99", peerHzPercentile(99));
        m.put("peer_hz_max", peerMaxHz());
        return m;
    }

    /** Every load metric, as text: {@link RunLoads#columns()} then {@link #peerDistribution()}. */
    public Map<String, String> loadMetrics() {
        final Map<String, String> m = new LinkedHashMap<>();
        loads.columns().forEach((k, v) -> m.put(k, RunResult.text(v)));
        peerDistribution().forEach((k, v) -> m.put(k, RunResult.text(v)));
        return m;
    }
}
