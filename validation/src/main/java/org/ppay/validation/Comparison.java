package org.ppay.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ppay.core.transport.FrameHeader;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;
import org.ppay.validation.measure.Measurement;
import org.ppay.validation.measure.TextFiles;

/**
 * Predicted against measured, side by side: for the broker and the mean peer, per task and in total, CPU seconds,
 * cycles, bytes in and bytes out. Predictions are the schedule's counts priced with a cost table (CPU) and the
 * wire sizes plus this transport's frame header (bytes); without a cost table the CPU predictions are absent.
 */
public final class Comparison {

    public static final List<String> COLUMNS = List.of("entity", "task", "metric", "predicted", "measured",
            "relative_error");

    private final List<Row> rows = new ArrayList<>();

    /** One cell pair; {@code predicted} is NaN when there is no prediction. */
    public record Row(String entity, String task, String metric, double predicted, double measured) {

        /** (predicted - measured) / measured, or NaN when either is missing or measured is 0. */
        public double relativeError() {
            return Double.isNaN(predicted) || measured == 0 ? Double.NaN : (predicted - measured) / measured;
        }
    }

    public Comparison(LoadCounters counters, int peers, int signatureBytes, CostTable costs, Measurement broker,
                      Measurement peerSum) {
        final double ghz = costs == null ? Double.NaN : costs.entries().iterator().next().ghz();
        add("broker", counters, List.of(LoadCounters.BROKER), 1, signatureBytes, costs, ghz, broker);
        final List<Integer> peerEntities = new ArrayList<>();
        for (int p = 0; p < peers; p++) {
            peerEntities.add(LoadCounters.peer(p));
        }
        add("mean_peer", counters, peerEntities, peers, signatureBytes, costs, ghz, peerSum);
    }

    private void add(String entity, LoadCounters counters, List<Integer> entities, int divisor, int signatureBytes,
                     CostTable costs, double ghz, Measurement measured) {
        final double[] total = new double[8];
        for (Task task : Task.values()) {
            double ns = 0;
            double cycles = 0;
            double in = 0;
            double out = 0;
            for (int e : entities) {
                for (CostAction action : CostAction.values()) {
                    final long count = counters.actions(e, task, action);
                    if (count != 0 && costs != null) {
                        ns += count * costs.nsPerOp(action) * action.shareOfOneEnd();
                        cycles += count * costs.cyclesPerOp(action) * action.shareOfOneEnd();
                    }
                }
                in += counters.bytesIn(e, task, signatureBytes, FrameHeader.BYTES);
                out += counters.bytesOut(e, task, signatureBytes, FrameHeader.BYTES);
            }
            final double[] cells = {
                costs == null ? Double.NaN : ns / 1e9 / divisor, measured.cpuNanos(task) / 1e9 / divisor,
                costs == null ? Double.NaN : cycles / divisor, measured.cpuNanos(task) * ghz / divisor,
                in / divisor, (double) measured.bytesIn(task) / divisor,
                out / divisor, (double) measured.bytesOut(task) / divisor};
            addRows(entity, task.columnName(), cells);
            for (int i = 0; i < cells.length; i++) {
                total[i] += cells[i];
            }
        }
        addRows(entity, "total", total);
    }

    private void addRows(String entity, String task, double[] cells) {
        rows.add(new Row(entity, task, "cpu_seconds", cells[0], cells[1]));
        rows.add(new Row(entity, task, "cycles", cells[2], cells[3]));
        rows.add(new Row(entity, task, "bytes_in", cells[4], cells[5]));
        rows.add(new Row(entity, task, "bytes_out", cells[6], cells[7]));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Row row(String entity, String task, String metric) {
        return rows.stream().filter(r -> r.entity.equals(entity) && r.task.equals(task) && r.metric.equals(metric))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no row " + entity + "/" + task + "/"
                        + metric));
    }

    /** The project's goal for the broker: CPU predicted within 15 % of measured. */
    public static final double BROKER_CPU_GOAL = 0.15;
    /** The project's goal for a peer: mean CPU and bandwidth (bytes in, bytes out) predicted within 25 %. */
    public static final double PEER_GOAL = 0.25;

    /** One of the project's goals: a total row of the table and the bound its relative error must keep. */
    public record Goal(String name, String entity, String metric, double bound) {

        /** This goal's relative error in {@code comparison}, NaN where it was not predicted. */
        public double errorIn(Comparison comparison) {
            return comparison.row(entity, "total", metric).relativeError();
        }

        public boolean metBy(double error) {
            return Math.abs(error) <= bound;
        }
    }

    /** The goals, in the order every report prints them: broker CPU, mean peer CPU, mean peer bytes in and out. */
    public static final List<Goal> GOALS = List.of(
            new Goal("broker CPU", "broker", "cpu_seconds", BROKER_CPU_GOAL),
            new Goal("mean peer CPU", "mean_peer", "cpu_seconds", PEER_GOAL),
            new Goal("mean peer bytes in", "mean_peer", "bytes_in", PEER_GOAL),
            new Goal("mean peer bytes out", "mean_peer", "bytes_out", PEER_GOAL));

    /**
     * Whether this run meets the project's goals, one line per goal ({@link #GOALS}): the error, the bound, and met
     * or missed; a goal without a prediction says so.
     */
    public List<String> goals() {
        return GOALS.stream().map(this::goalLine).toList();
    }

    private String goalLine(Goal goal) {
        final double error = goal.errorIn(this);
        if (Double.isNaN(error)) {
            return String.format(Locale.ROOT, "%-20s %8s  within %2.0f %%: not predicted", goal.name(), "-",
                    100 * goal.bound());
        }
        return String.format(Locale.ROOT, "%-20s %+7.1f%%  within %2.0f %%: %s", goal.name(), 100 * error,
                100 * goal.bound(), goal.metBy(error) ? "met" : "missed");
    }

    /** The table for a terminal: one line per row, errors in percent. */
    public String toText() {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-10s %-13s %-12s %16s %16s %9s%n",
                "entity", "task", "metric", "predicted", "measured", "error"));
        for (Row r : rows) {
            text.append(String.format(Locale.ROOT, "%-10s %-13s %-12s %16s %16s %9s%n", r.entity, r.task, r.metric,
                    number(r.predicted), number(r.measured),
                    Double.isNaN(r.relativeError()) ? "-" : String.format(Locale.ROOT, "%+.1f%%",
                            100 * r.relativeError())));
        }
        return text.toString();
    }

    public String toCsv() {
        final StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Row r : rows) {
            csv.append(r.entity).append(',').append(r.task).append(',').append(r.metric).append(',')
                    .append(csvNumber(r.predicted)).append(',').append(csvNumber(r.measured)).append(',')
                    .append(csvNumber(r.relativeError())).append('\n');
        }
        return csv.toString();
    }

    public void write(Path csv) {
        TextFiles.write(csv, toCsv());
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 1000 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.6f", value);
    }

    private static String csvNumber(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
