package org.ppay.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ppay.costs.CostTable;
import org.ppay.sim.RunRow;
import org.ppay.sim.SimulationParameters;

/**
 * A figure's numbers: for every series and x value, the estimate over seeds of the series' metric, priced with one
 * cost table.
 *
 * @param figure  what was swept
 * @param costs   the cost table the loads are priced with
 * @param series  one entry per series of the figure, in order
 */
public record FigureResult(FigureSpec figure, CostTable costs, List<SeriesResult> series) {

    /**
     * One point of a series.
     *
     * @param x         the x value as parameter text
     * @param estimate  mean and 95% CI over the runs that completed; null when none did
     * @param failures  runs of this point that failed
     */
    public record Point(String x, Estimate estimate, int failures) {

        public double xValue() {
            return Double.parseDouble(x);
        }
    }

    /** A series and its points, one per x value of the figure. */
    public record SeriesResult(Series series, List<Point> points) {

        public SeriesResult {
            points = List.copyOf(points);
        }

        /** The point at {@code x}, or null. */
        public Point at(String x) {
            for (Point p : points) {
                if (Double.parseDouble(p.x()) == Double.parseDouble(x)) {
                    return p;
                }
            }
            return null;
        }
    }

    public FigureResult {
        series = List.copyOf(series);
    }

    /** Computes the figure from the runs of {@code plan}, loads priced with {@code costs}. */
    public static FigureResult compute(ReportPlan plan, FigureSpec figure, List<RunRow> runs, CostTable costs) {
        final Map<SimulationParameters, RunRow> byParameters = new HashMap<>();
        for (RunRow run : runs) {
            byParameters.put(run.parameters(), run);
        }
        final List<SeriesResult> results = new ArrayList<>();
        for (Series series : figure.series()) {
            final List<Point> points = new ArrayList<>();
            for (String x : figure.xValues()) {
                final List<Double> values = new ArrayList<>();
                int failures = 0;
                for (int s = 0; s < plan.profile().seeds(); s++) {
                    final RunRow run = byParameters.get(plan.parameters(figure, series, x, s));
                    if (run == null) {
                        throw new IllegalArgumentException("figure " + figure.number() + ": no run for series '"
                                + series.label() + "' at " + figure.xKey() + " = " + x + ", seed index " + s);
                    }
                    if (run.failed()) {
                        failures++;
                    } else {
                        values.add(run.metric(series.metric(), costs));
                    }
                }
                points.add(new Point(x, values.isEmpty() ? null : Estimate.of(values), failures));
            }
            results.add(new SeriesResult(series, points));
        }
        return new FigureResult(figure, costs, results);
    }

    /** The series labelled {@code label}, or null. */
    public SeriesResult series(String label) {
        for (SeriesResult s : series) {
            if (s.series().label().equals(label)) {
                return s;
            }
        }
        return null;
    }

    /** Failed runs over every point of the figure. */
    public int failures() {
        int n = 0;
        for (SeriesResult s : series) {
            for (Point p : s.points()) {
                n += p.failures();
            }
        }
        return n;
    }
}
