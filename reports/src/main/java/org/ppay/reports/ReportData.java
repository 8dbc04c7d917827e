package org.ppay.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ppay.costs.CostTable;
import org.ppay.sim.RunRow;
import org.ppay.sim.SimulationParameters;

/**
 * Everything a report is written from: the plan, every run, one cost table, and the figures computed from them.
 * Lookups answer NaN when the plan did not include what is asked (a figure not selected, an x value not in the
 * profile), so comparisons and claims can say "not evaluated" rather than fail.
 */
public final class ReportData {

    private final ReportPlan plan;
    private final List<RunRow> runs;
    private final CostTable costs;
    private final Map<Integer, FigureResult> figures = new LinkedHashMap<>();
    private final Map<SimulationParameters, RunRow> byParameters = new HashMap<>();

    public ReportData(ReportPlan plan, List<RunRow> runs, CostTable costs) {
        this.plan = plan;
        this.runs = List.copyOf(runs);
        this.costs = costs;
        for (RunRow run : runs) {
            byParameters.put(run.parameters(), run);
        }
        for (FigureSpec figure : plan.figures()) {
            figures.put(figure.number(), FigureResult.compute(plan, figure, runs, costs));
        }
    }

    public ReportPlan plan() {
        return plan;
    }

    public List<RunRow> runs() {
        return runs;
    }

    public CostTable costs() {
        return costs;
    }

    /** The computed figures, in figure order. */
    public List<FigureResult> figures() {
        return new ArrayList<>(figures.values());
    }

    /** Figure {@code number}, or null when the report does not include it. */
    public FigureResult figure(int number) {
        return figures.get(number);
    }

    /** Runs that failed. */
    public List<RunRow> failures() {
        final List<RunRow> failed = new ArrayList<>();
        for (RunRow run : runs) {
            if (run.failed()) {
                failed.add(run);
            }
        }
        return failed;
    }

    /**
     * Mean over seeds of {@code metric} at one point of a figure: the series labelled {@code seriesLabel} at
     * {@code x}. NaN when the figure, series or x value is not in this report or no run of the point completed.
     */
    public double mean(int figureNumber, String seriesLabel, String x, String metric) {
        final List<Double> values = values(figureNumber, seriesLabel, x, metric);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        return Estimate.of(values).mean();
    }

    /** Per-seed values of {@code metric} at one point; empty when not available. */
    public List<Double> values(int figureNumber, String seriesLabel, String x, String metric) {
        final FigureSpec figure = figures.containsKey(figureNumber) ? figures.get(figureNumber).figure() : null;
        if (figure == null) {
            return List.of();
        }
        Series series = null;
        for (Series s : figure.series()) {
            if (s.label().equals(seriesLabel)) {
                series = s;
            }
        }
        String xValue = null;
        for (String candidate : figure.xValues()) {
            if (Double.parseDouble(candidate) == Double.parseDouble(x)) {
                xValue = candidate;
            }
        }
        if (series == null || xValue == null) {
            return List.of();
        }
        final List<Double> values = new ArrayList<>();
        for (int s = 0; s < plan.profile().seeds(); s++) {
            final RunRow run = byParameters.get(plan.parameters(figure, series, xValue, s));
            if (run != null && !run.failed()) {
                values.add(run.metric(metric, costs));
            }
        }
        return values;
    }

    /** The x values of a figure, or an empty list when the report does not include it. */
    public List<String> xValues(int figureNumber) {
        final FigureResult figure = figures.get(figureNumber);
        return figure == null ? List.of() : figure.figure().xValues();
    }
}
