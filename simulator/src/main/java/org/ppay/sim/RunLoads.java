package org.ppay.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.ppay.core.crypto.SignatureAlgorithm;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.RunCounts.Direction;
import org.ppay.sim.RunCounts.Group;
import org.ppay.sim.load.Messages;
import org.ppay.sim.load.Task;

/**
 * A run's loads priced with one cost table, from its {@link RunCounts} alone: processing load in Hz (cycles per
 * simulated second) and cores busy, and bandwidth in bits per second, for the broker and for the mean peer, by task.
 *
 * <p>Actions that cost both ends of an exchange in one benchmark ({@link CostAction#GUESS_PROBE},
 * {@link CostAction#SOFT_CREDIT_STEP}) are counted at both ends and charged half to each. Message sizes come from the
 * wire layouts with the table's signature length, plus {@link Messages#FRAMING_BYTES} of headers per framed message.
 * The same counts and the same table give the same doubles, whether the counts come from a simulation or from
 * runs.csv.
 */
public final class RunLoads {

    private static final Task[] TASKS = Task.values();

    private final double hostHz;
    private final double[] brokerHz = new double[TASKS.length];
    private final double[] brokerInBps = new double[TASKS.length];
    private final double[] brokerOutBps = new double[TASKS.length];
    private final double[] peerMeanHz = new double[TASKS.length];
    private final double[] peerMeanInBps = new double[TASKS.length];
    private final double[] peerMeanOutBps = new double[TASKS.length];

    RunLoads(RunCounts counts, CostTable costs) {
        this.hostHz = costs.entry(CostAction.GUESS_PROBE).ghz() * 1e9;
        final int signatureBytes = signatureBytes(costs.suite());
        final double seconds = counts.simulatedSeconds();
        final int peers = counts.peers();
        for (Task task : TASKS) {
            final int t = task.ordinal();
            brokerHz[t] = cycles(counts, costs, Group.BROKER, task) / seconds;
            brokerInBps[t] = 8.0 * bytes(counts, Group.BROKER, Direction.IN, task, signatureBytes) / seconds;
            brokerOutBps[t] = 8.0 * bytes(counts, Group.BROKER, Direction.OUT, task, signatureBytes) / seconds;
            peerMeanHz[t] = cycles(counts, costs, Group.PEERS, task) / seconds / peers;
            peerMeanInBps[t] = 8.0 * bytes(counts, Group.PEERS, Direction.IN, task, signatureBytes) / seconds / peers;
            peerMeanOutBps[t] = 8.0 * bytes(counts, Group.PEERS, Direction.OUT, task, signatureBytes) / seconds / peers;
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

    private static long bytes(RunCounts counts, Group group, Direction direction, Task task, int signatureBytes) {
        return counts.bytes(group, direction, task, signatureBytes, Messages.FRAMING_BYTES);
    }

    /** Cycles of one group and task: every action's count times its price. */
    static double cycles(RunCounts counts, CostTable costs, Group group, Task task) {
        return cycles(costs, action -> counts.actions(group, task, action));
    }

    /** Cycles of some counts of actions: each count times the action's price, an end's share of a two-ended one. */
    static double cycles(CostTable costs, ToLongFunction<CostAction> count) {
        double sum = 0;
        for (CostAction action : CostAction.values()) {
            final long n = count.applyAsLong(action);
            if (n != 0) {
                sum += n * costs.cyclesPerOp(action) * action.shareOfOneEnd();
            }
        }
        return sum;
    }

    /** Clock of the host the table was measured on, in Hz: a load in Hz over it is cores busy. */
    public double hostHz() {
        return hostHz;
    }

    public double brokerHz(Task task) {
        return brokerHz[task.ordinal()];
    }

    public double brokerHz() {
        return sum(brokerHz);
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

    /** Every load by runs.csv column name, in column order. */
    public Map<String, Double> columns() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("broker_hz", brokerHz());
        m.put("broker_cores_busy", brokerHz() / hostHz);
        for (Task task : TASKS) {
            m.put("broker_hz_" + task.columnName(), brokerHz(task));
        }
        m.put("broker_in_bps", brokerInBps());
        m.put("broker_out_bps", brokerOutBps());
        for (Task task : TASKS) {
            m.put("broker_in_bps_" + task.columnName(), brokerInBps[task.ordinal()]);
            m.put("broker_out_bps_" + task.columnName(), brokerOutBps[task.ordinal()]);
        }
        m.put("peer_hz_mean", peerMeanHz());
        m.put("peer_cores_busy_mean", peerMeanHz() / hostHz);
        for (Task task : TASKS) {
            m.put("peer_hz_mean_" + task.columnName(), peerMeanHz(task));
        }
        m.put("peer_in_bps_mean", peerMeanInBps());
        m.put("peer_out_bps_mean", peerMeanOutBps());
        for (Task task : TASKS) {
            m.put("peer_in_bps_mean_" + task.columnName(), peerMeanInBps[task.ordinal()]);
            m.put("peer_out_bps_mean_" + task.columnName(), peerMeanOutBps[task.ordinal()]);
        }
        return m;
    }

    /** The names of {@link #columns()}, in order, without pricing anything. */
    public static List<String> columnNames() {
        final List<String> names = new ArrayList<>(List.of("broker_hz", "broker_cores_busy"));
        for (Task task : TASKS) {
            names.add("broker_hz_" + task.columnName());
        }
        names.addAll(List.of("broker_in_bps", "broker_out_bps"));
        for (Task task : TASKS) {
            names.add("broker_in_bps_" + task.columnName());
            names.add("broker_out_bps_" + task.columnName());
        }
        names.addAll(List.of("peer_hz_mean", "peer_cores_busy_mean"));
        for (Task task : TASKS) {
            names.add("peer_hz_mean_" + task.columnName());
        }
        names.addAll(List.of("peer_in_bps_mean", "peer_out_bps_mean"));
        for (Task task : TASKS) {
            names.add("peer_in_bps_mean_" + task.columnName());
            names.add("peer_out_bps_mean_" + task.columnName());
        }
        return names;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
