package org.ppay.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ppay.sim.SimulationParameters;

/**
 * Which simulations a report needs: for every figure, series, x value and seed, the parameters of one run. Points
 * that several figures share (figures 1 and 2, 6 and 7, 8 and 9) are run once.
 *
 * @param profile    the scale
 * @param figures    the figures to produce
 * @param firstSeed  seeds are {@code firstSeed, firstSeed + 1, ...}, one per run of a point
 */
public record ReportPlan(Profile profile, List<FigureSpec> figures, long firstSeed) {

    public ReportPlan {
        figures = List.copyOf(figures);
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one figure");
        }
    }

    /** The parameters of one run: defaults, then the profile, figure, series and x value, then the seed. */
    public SimulationParameters parameters(FigureSpec figure, Series series, String x, int seedIndex) {
        final Map<String, String> overrides = new LinkedHashMap<>(profile.base());
        overrides.putAll(figure.base());
        overrides.putAll(series.overrides());
        overrides.put(figure.xKey(), x);
        overrides.put("seed", Long.toString(firstSeed + seedIndex));
        try {
            return SimulationParameters.defaults().with(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure " + figure.number() + ", series '" + series.label() + "', "
                    + figure.xKey() + " = " + x + ": " + e.getMessage(), e);
        }
    }

    /** Every distinct run, in a fixed order (figure, series, x, seed). */
    public List<SimulationParameters> runs() {
        final Set<SimulationParameters> all = new LinkedHashSet<>();
        for (FigureSpec figure : figures) {
            for (Series series : figure.series()) {
                for (String x : figure.xValues()) {
                    for (int s = 0; s < profile.seeds(); s++) {
                        all.add(parameters(figure, series, x, s));
                    }
                }
            }
        }
        return new ArrayList<>(all);
    }
}
