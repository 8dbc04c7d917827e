package org.ppay.validation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ppay.validation.measure.TextFiles;

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

    /** Each goal's relative error in each deployment: [goal][deployment], NaN where it was not predicted. */
    private final double[][] errors;

    public DeploymentSeries(List<Comparison> deployments) {
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one deployment");
        }
        this.errors = Comparison.GOALS.stream()
                .map(goal -> deployments.stream().mapToDouble(goal::errorIn).toArray())
                .toArray(double[][]::new);
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
        return IntStream.range(0, errors.length).mapToObj(this::goalLine).toList();
    }

    private String goalLine(int goal) {
        final Comparison.Goal g = Comparison.GOALS.get(goal);
        final double[] each = errors[goal];
        final double median = median(each);
        if (Double.isNaN(median)) {
            return String.format(Locale.ROOT, "%-20s %8s  within %2.0f %%: not predicted", g.name(), "-",
                    100 * g.bound());
        }
        final double low = Arrays.stream(each).min().orElseThrow();
        final double high = Arrays.stream(each).max().orElseThrow();
        final long outside = Arrays.stream(each).filter(e -> !g.metBy(e)).count();
        return String.format(Locale.ROOT, "%-20s %+7.1f%%  (%+.1f to %+.1f %%, %d of %d outside)  within %2.0f %%: %s",
                g.name(), 100 * median, 100 * low, 100 * high, outside, each.length, 100 * g.bound(),
                g.metBy(median) ? "met" : "missed");
    }

    /** One line per deployment and a median line: the relative error of each goal metric, in percent. */
    public String toText() {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-12s", "deployment"));
        for (Comparison.Goal g : Comparison.GOALS) {
            text.append(String.format(Locale.ROOT, " %20s", g.name()));
        }
        text.append('\n');
        for (int d = 0; d < errors[0].length; d++) {
            text.append(String.format(Locale.ROOT, "%-12d", d + 1));
            for (double[] each : errors) {
                text.append(String.format(Locale.ROOT, " %20s", percent(each[d])));
            }
            text.append('\n');
        }
        text.append(String.format(Locale.ROOT, "%-12s", "median"));
        for (double[] each : errors) {
            text.append(String.format(Locale.ROOT, " %20s", percent(median(each))));
        }
        return text.append('\n').toString();
    }

    /** deployment,goal,relative_error: one row per deployment and goal, then the medians as deployment "median". */
    public void write(Path csv) {
        final StringBuilder text = new StringBuilder("deployment,goal,relative_error\n");
        for (int g = 0; g < errors.length; g++) {
            final String name = Comparison.GOALS.get(g).name();
            for (int d = 0; d < errors[0].length; d++) {
                text.append(d + 1).append(',').append(name).append(',').append(csvNumber(errors[g][d])).append('\n');
            }
            text.append("median,").append(name).append(',').append(csvNumber(median(errors[g]))).append('\n');
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
