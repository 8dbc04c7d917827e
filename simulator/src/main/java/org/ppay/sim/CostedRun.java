package org.ppay.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Messages;
import org.ppay.sim.load.Task;

/**
 * A run priced with a cost table: processing load in Hz (cycles per simulated second) and cores busy, and bandwidth in
 * bits per second, for the broker and per peer, split by task.
 *
 * <p>Actions that cost both ends of an exchange in one benchmark ({@link CostAction#GUESS_PROBE},
 * {@link CostAction#SOFT_CREDIT_STEP}) are counted at both ends and charged half to each. Message sizes come from the
 * wire layouts with the table's signature length, plus {@link Messages#FRAMING_BYTES} of headers per protocol message.
 * Each protocol message also costs CPU at both ends, {@link CostAction#MESSAGE_SEND} at the sender and
 * {@link CostAction#MESSAGE_RECEIVE} at the receiver (counted by {@link LoadCounters#message}); a table calibrated
 * before they existed prices them at zero ({@link CostTable#unpriced()}).
 */
public final class CostedRun {

    private static final Task[] TASKS = Task.values();

    private final RunResult run;
    private final CostTable costs;
    private final double hostHz;
    private final double[] brokerHz = new double[TASKS.length];
    private final double[] brokerInBps = new double[TASKS.length];
    private final double[] brokerOutBps = new double[TASKS.length];
    private final double[] peerMeanHz = new double[TASKS.length];
    private final double[] peerMeanInBps = new double[TASKS.length];
    private final double[] peerMeanOutBps = new double[TASKS.length];
    private final Histogram peerHz = new Histogram(3);

    CostedRun(RunResult run, CostTable costs) {
        this.run = run;
        this.costs = costs;
        this.hostHz = costs.entry(CostAction.GUESS_PROBE).ghz() * 1e9;
        final int signatureBytes = signatureBytes(costs.suite());
        final LoadCounters counters = run.counters();
        final double seconds = run.durationSeconds();
        final int peers = counters.entityCount() - 1;
        for (Task task : TASKS) {
            final int t = task.ordinal();
            brokerHz[t] = cycles(counters, LoadCounters.BROKER, task) / seconds;
            brokerInBps[t] = 8.0 * counters.bytesIn(LoadCounters.BROKER, task, signatureBytes, Messages.FRAMING_BYTES) / seconds;
            brokerOutBps[t] = 8.0 * counters.bytesOut(LoadCounters.BROKER, task, signatureBytes, Messages.FRAMING_BYTES) / seconds;
        }
        for (int p = 0; p < peers; p++) {
            final int entity = LoadCounters.peer(p);
            double total = 0;
            for (Task task : TASKS) {
                final int t = task.ordinal();
                final double hz = cycles(counters, entity, task) / seconds;
                total += hz;
                peerMeanHz[t] += hz / peers;
                peerMeanInBps[t] += 8.0 * counters.bytesIn(entity, task, signatureBytes, Messages.FRAMING_BYTES) / seconds / peers;
                peerMeanOutBps[t] += 8.0 * counters.bytesOut(entity, task, signatureBytes, Messages.FRAMING_BYTES) / seconds / peers;
            }
            peerHz.recordValue(Math.round(total));
        }
    }

    /** The signature length of the table's suite, whose name starts with its algorithm's label. */
    static int signatureBytes(String suite) {
        try {
            return SignatureAlgorithm.ofSuiteName(suite).signatureLength();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cost table " + e.getMessage(), e);
        }
    }

    private double cycles(LoadCounters counters, int entity, Task task) {
        double sum = 0;
        for (CostAction action : CostAction.values()) {
            final long n = counters.actions(entity, task, action);
            if (n != 0) {
                sum += n * costs.cyclesPerOp(action) * share(action);
            }
        }
        return sum;
    }

    private static double share(CostAction action) {
        return action == CostAction.GUESS_PROBE || action == CostAction.SOFT_CREDIT_STEP ? 0.5 : 1.0;
    }

    public RunResult run() {
        return run;
    }

    public CostTable costs() {
        return costs;
    }

    public double brokerHz(Task task) {
        return brokerHz[task.ordinal()];
    }

    public double brokerHz() {
        return sum(brokerHz);
    }

    public double brokerCoresBusy() {
        return brokerHz() / hostHz;
    }

    public double brokerInBps() {
        return sum(brokerInBps);
    }

    public double brokerOutBps() {
        return sum(brokerOutBps);
    }

    public double peerMeanHz(Task task) {
        return peerMeanHz[task.ordinal()];
    }

    public double peerMeanHz() {
        return sum(peerMeanHz);
    }

    public double peerMeanInBps() {
        return sum(peerMeanInBps);
    }

    public double peerMeanOutBps() {
        return sum(peerMeanOutBps);
    }

    /** Per-peer processing load (Hz) at a percentile in [0, 100]. */
    public double peerHzPercentile(double percentile) {
        return peerHz.getValueAtPercentile(percentile);
    }

    public double peerMaxHz() {
        return peerHz.getMaxValue();
    }

    /** The load metrics in runs.csv order, as text. */
    public Map<String, String> loadMetrics() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("broker_hz", RunResult.text(brokerHz()));
        m.put("broker_cores_busy", RunResult.text(brokerCoresBusy()));
        for (Task task : TASKS) {
            m.put("broker_hz_" + task.columnName(), RunResult.text(brokerHz(task)));
        }
        m.put("broker_in_bps", RunResult.text(brokerInBps()));
        m.put("broker_out_bps", RunResult.text(brokerOutBps()));
        for (Task task : TASKS) {
            m.put("broker_in_bps_" + task.columnName(), RunResult.text(brokerInBps[task.ordinal()]));
            m.put("broker_out_bps_" + task.columnName(), RunResult.text(brokerOutBps[task.ordinal()]));
        }
        m.put("peer_hz_mean", RunResult.text(peerMeanHz()));
        m.put("peer_cores_busy_mean", RunResult.text(peerMeanHz() / hostHz));
        m.put("peer_hz_p50", RunResult.text(peerHzPercentile(50)));
        m.put("peer_hz_p99", RunResult.text(peerHzPercentile(99)));
        m.put("peer_hz_max", RunResult.text(peerMaxHz()));
        for (Task task : TASKS) {
            m.put("peer_hz_mean_" + task.columnName(), RunResult.text(peerMeanHz(task)));
        }
        m.put("peer_in_bps_mean", RunResult.text(peerMeanInBps()));
        m.put("peer_out_bps_mean", RunResult.text(peerMeanOutBps()));
        for (Task task : TASKS) {
            m.put("peer_in_bps_mean_" + task.columnName(), RunResult.text(peerMeanInBps[task.ordinal()]));
            m.put("peer_out_bps_mean_" + task.columnName(), RunResult.text(peerMeanOutBps[task.ordinal()]));
        }
        return m;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
