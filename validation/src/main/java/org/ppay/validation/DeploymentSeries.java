package org.ppay.validation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The same schedule replayed on several fresh deployments, as JMH forks a benchmark: each deployment's processes
 * start anew, so what a process settles into for its whole life (where the scheduler and the host put it, what its JIT
 * compiled) is drawn again each time. The goals are judged on the median error, the spread is shown beside it.
 *
 * <p>Why: on a shared two-vCPU host the broker of one deployment in a few runs its cash as after a long idle (about
 * 1.5 times the sparse price) for its whole life; that deployment then reads about -33 % where the others stay within
 * 15 %.
 */
public final class DeploymentSeries {

    /** The goal metrics, each a row of every deployment's comparison: name, entity, metric, bound. */
    private record Goal(String name, String entity, String metric, double bound) {
    }

    private static final List<Goal> GOALS = List.of(
            new Goal("broker CPU", "broker", "cpu_seconds", Comparison.BROKER_CPU_GOAL),
            new Goal("mean peer CPU", "mean_peer", "cpu_seconds", Comparison.PEER_GOAL),
            new Goal("mean peer bytes in", "mean_peer", "bytes_in", Comparison.PEER_GOAL),
            new Goal("mean peer bytes out", "mean_peer", "bytes_out", Comparison.PEER_GOAL));

    private final List<Comparison> deployments;

    public DeploymentSeries(List<Comparison> deployments) {
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one deployment");
        }
        this.deployments = List.copyOf(deployments);
    }

    /** Each goal metric's relative error in each deployment, in order; NaN where it was not predicted. */
    double[] errors(int goal) {
        final Goal g = GOALS.get(goal);
        return deployments.stream().mapToDouble(c -> c.row(g.entity, "total", g.metric).relativeError()).toArray();
    }

    /** The median of the values, NaN if any is NaN (a goal without a prediction in one run has none overall). */
    static double median(double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            return Double.NaN;
        }
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * One line per goal: the median error over the deployments, their range, the bound, and met or missed on the
     * median; a goal without a prediction says so.
     */
    public List<String> goals() {
        return java.util.stream.IntStream.range(0, GOALS.size()).mapToObj(this::goalLine).toList();
    }

    private String goalLine(int goal) {
        final Goal g = GOALS.get(goal);
        final double[] errors = errors(goal);
        final double median = median(errors);
        if (Double.isNaN(median)) {
            return String.format(Locale.ROOT, "%-20s %8s  within %2.0f %%: not predicted", g.name, "-", 100 * g.bound);
        }
        final double low = Arrays.stream(errors).min().orElseThrow();
        final double high = Arrays.stream(errors).max().orElseThrow();
        final long outside = Arrays.stream(errors).filter(e -> Math.abs(e) > g.bound).count();
        return String.format(Locale.ROOT, "%-20s %+7.1f%%  (%+.1f to %+.1f %%, %d of %d outside)  within %2.0f %%: %s",
                g.name, 100 * median, 100 * low, 100 * high, outside, errors.length, 100 * g.bound,
                Math.abs(median) <= g.bound ? "met" : "missed");
    }

    /** One line per deployment and a median line: the relative error of each goal metric, in percent. */
    public String toText() {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-12s", "deployment"));
        for (Goal g : GOALS) {
            text.append(String.format(Locale.ROOT, " %20s", g.name));
        }
        text.append('\n');
        for (int d = 0; d < deployments.size(); d++) {
            text.append(String.format(Locale.ROOT, "%-12d", d + 1));
            for (int g = 0; g < GOALS.size(); g++) {
                text.append(String.format(Locale.ROOT, " %20s", percent(errors(g)[d])));
            }
            text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "%-12s", "median"));
        for (int g = 0; g < GOALS.size(); g++) {
            text.append(String.format(Locale.ROOT, " %20s", percent(median(errors(g)))));
        }
        return text.append('\n').toString();
    }

    /** deployment,goal,relative_error: one row per deployment and goal, then the medians as deployment "median". */
    public void write(Path csv) {
        final StringBuilder text = new StringBuilder("deployment,goal,relative_error\n");
        for (int g = 0; g < GOALS.size(); g++) {
            final double[] errors = errors(g);
            for (int d = 0; d < errors.length; d++) {
                text.append(d + 1).append(',').append(GOALS.get(g).name).append(',').append(csvNumber(errors[d]))
                        .append('\n');
            }
            text.append("median,").append(GOALS.get(g).name).append(',').append(csvNumber(median(errors)))
                    .append('\n');
        }
        TextFiles.write(csv, text);
    }

    private static String percent(double error) {
        return Double.isNaN(error) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * error);
    }

    private static String csvNumber(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
