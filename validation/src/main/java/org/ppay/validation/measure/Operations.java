package org.ppay.validation.measure;

import static org.ppay.costs.CostAction.BROKER_CASH_COIN;
import static org.ppay.costs.CostAction.BROKER_ISSUE_LIMIT_CERTIFICATE;
import static org.ppay.costs.CostAction.BROKER_REASSIGN;
import static org.ppay.costs.CostAction.BROKER_RENEW;
import static org.ppay.costs.CostAction.GUESS_PROBE;
import static org.ppay.costs.CostAction.HOLDER_ADD_LAYER;
import static org.ppay.costs.CostAction.HOLDER_CHECK_ASSIGNMENT;
import static org.ppay.costs.CostAction.HOLDER_REQUEST_CASH;
import static org.ppay.costs.CostAction.HOLDER_REQUEST_REASSIGNMENT;
import static org.ppay.costs.CostAction.HOLDER_REQUEST_RENEWAL;
import static org.ppay.costs.CostAction.MESSAGE_RECEIVE;
import static org.ppay.costs.CostAction.MESSAGE_SEND;
import static org.ppay.costs.CostAction.OWNER_ASSIGN;
import static org.ppay.costs.CostAction.OWNER_PEEL_LAYER;
import static org.ppay.costs.CostAction.OWNER_PRINT_COIN;
import static org.ppay.costs.CostAction.OWNER_PROCESS_REASSIGNMENT;
import static org.ppay.costs.CostAction.OWNER_RENEW;
import static org.ppay.costs.CostAction.SOFT_CREDIT_STEP;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;

/**
 * Mean CPU time per operation, measured, beside the cost-table actions the model charges for it: where a task's
 * error is large, this says which action's cost is off. An operation is a frame a process handled (e.g.
 * {@code owner.reassign}) or a step a peer performed ({@code step.add_layer}); the model's price of one is the sum
 * of the actions listed for it (per layer actions counted once), with the transport of the protocol messages the
 * model counts for it: a handled frame receives its request (and sends the reply the model counts: an assignment,
 * a limit certificate, a cash receipt), a step sends its message (and receives that reply). A payment's
 * acknowledgement, which the model does not count, is not priced.
 */
public final class Operations {

    /** The actions the model charges for one operation; absent: the model charges nothing for it. */
    static final Map<String, List<CostAction>> MODEL = Map.ofEntries(
            Map.entry("broker.cash", List.of(BROKER_CASH_COIN, MESSAGE_RECEIVE, MESSAGE_SEND)),
            Map.entry("broker.limit_certificate", List.of(BROKER_ISSUE_LIMIT_CERTIFICATE, MESSAGE_RECEIVE,
                    MESSAGE_SEND)),
            Map.entry("broker.reassign", List.of(BROKER_REASSIGN, MESSAGE_RECEIVE, MESSAGE_SEND)),
            Map.entry("broker.renew", List.of(BROKER_RENEW, MESSAGE_RECEIVE, MESSAGE_SEND)),
            Map.entry("owner.reassign", List.of(OWNER_PROCESS_REASSIGNMENT, MESSAGE_RECEIVE, MESSAGE_SEND)),
            Map.entry("owner.renew", List.of(OWNER_RENEW, MESSAGE_RECEIVE, MESSAGE_SEND)),
            Map.entry("owner.peel", List.of(OWNER_PEEL_LAYER, MESSAGE_RECEIVE)),
            Map.entry("holder.receive", List.of(HOLDER_CHECK_ASSIGNMENT, MESSAGE_RECEIVE)),
            Map.entry("guess.answer", List.of(GUESS_PROBE)),
            Map.entry("step.probe", List.of(GUESS_PROBE, SOFT_CREDIT_STEP)),
            Map.entry("step.print", List.of(OWNER_PRINT_COIN)),
            Map.entry("step.assign", List.of(OWNER_ASSIGN, MESSAGE_SEND)),
            Map.entry("step.reassign_via_owner", List.of(HOLDER_REQUEST_REASSIGNMENT, HOLDER_CHECK_ASSIGNMENT,
                    MESSAGE_SEND, MESSAGE_RECEIVE)),
            Map.entry("step.add_layer", List.of(HOLDER_ADD_LAYER, MESSAGE_SEND)),
            Map.entry("step.renew_via_owner", List.of(HOLDER_REQUEST_RENEWAL, HOLDER_CHECK_ASSIGNMENT,
                    MESSAGE_SEND, MESSAGE_RECEIVE)),
            Map.entry("step.cash", List.of(HOLDER_REQUEST_CASH, MESSAGE_SEND, MESSAGE_RECEIVE)),
            Map.entry("step.limit_certificate", List.of(MESSAGE_SEND, MESSAGE_RECEIVE)));

    private final Map<String, OperationTimes> broker = new TreeMap<>();
    private final Map<String, OperationTimes> peers = new TreeMap<>();

    /**
     * Adds one process's {@code name=count:nanos:histogram ...} line (see {@link OperationTimes}); a malformed line
     * is refused whole, adding nothing.
     */
    public void add(boolean fromBroker, String line) {
        final Map<String, OperationTimes> parsed = new TreeMap<>();
        for (String item : line.trim().split(" ")) {
            if (item.isEmpty()) {
                continue;
            }
            final int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("an operation is name=count:nanos:histogram, got '" + item + "'");
            }
            parsed.computeIfAbsent(item.substring(0, eq), n -> new OperationTimes()).add(item.substring(eq + 1));
        }
        parsed.forEach((name, times) ->
                (fromBroker ? broker : peers).computeIfAbsent(name, n -> new OperationTimes()).add(times));
    }

    /** The model's price of one operation in ns, or NaN when it charges nothing for it or there is no table. */
    static double modelNanos(String operation, CostTable costs) {
        final List<CostAction> actions = MODEL.get(operation);
        if (actions == null || costs == null) {
            return Double.NaN;
        }
        return actions.stream().mapToDouble(action -> costs.nsPerOp(action) * action.shareOfOneEnd()).sum();
    }

    public String toText(CostTable costs) {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-8s %-26s %9s %14s %10s %10s %14s %9s%n",
                "entity", "operation", "count", "measured_us", "median_us", "p90_us", "model_us", "error"));
        rows(costs, (entity, name, times, measuredUs, modelUs) -> text.append(String.format(Locale.ROOT,
                "%-8s %-26s %9d %14.2f %10s %10s %14s %9s%n", entity, name, times.count(), measuredUs,
                micros(times.percentileNanos(50)), micros(times.percentileNanos(90)),
                Double.isNaN(modelUs) ? "-" : String.format(Locale.ROOT, "%.2f", modelUs),
                Double.isNaN(modelUs) ? "-" : String.format(Locale.ROOT, "%+.1f%%",
                        100 * (modelUs - measuredUs) / measuredUs))));
        return text.toString();
    }

    private static String micros(double nanos) {
        return Double.isNaN(nanos) ? "-" : String.format(Locale.ROOT, "%.2f", nanos / 1e3);
    }

    /** The table as CSV, the median and 90th percentile last. */
    public void write(Path csv, CostTable costs) {
        final StringBuilder text = new StringBuilder(
                "entity,operation,count,measured_us_per_op,model_us_per_op,median_us,p90_us\n");
        rows(costs, (entity, name, times, measuredUs, modelUs) -> text.append(entity).append(',').append(name)
                .append(',').append(times.count()).append(',').append(measuredUs).append(',')
                .append(Double.isNaN(modelUs) ? "" : Double.toString(modelUs)).append(',')
                .append(csvMicros(times.percentileNanos(50))).append(',')
                .append(csvMicros(times.percentileNanos(90))).append('\n'));
        TextFiles.write(csv, text);
    }

    private static String csvMicros(double nanos) {
        return Double.isNaN(nanos) ? "" : Double.toString(nanos / 1e3);
    }

    private void rows(CostTable costs, RowSink sink) {
        emit("broker", broker, costs, sink);
        emit("peer", peers, costs, sink);
    }

    private static void emit(String entity, Map<String, OperationTimes> cells, CostTable costs, RowSink sink) {
        cells.forEach((name, times) -> sink.row(entity, name, times, times.nanos() / 1e3 / times.count(),
                modelNanos(name, costs) / 1e3));
    }

    /** The operations seen, for tests: name to {count, nanos}. */
    public Map<String, long[]> peerOperations() {
        return totals(peers);
    }

    public Map<String, long[]> brokerOperations() {
        return totals(broker);
    }

    private static Map<String, long[]> totals(Map<String, OperationTimes> cells) {
        final Map<String, long[]> totals = new TreeMap<>();
        cells.forEach((name, times) -> totals.put(name, new long[] {times.count(), times.nanos()}));
        return Map.copyOf(totals);
    }

    @FunctionalInterface
    private interface RowSink {
        void row(String entity, String name, OperationTimes times, double measuredUs, double modelUs);
    }
}
