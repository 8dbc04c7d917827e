package org.ppay.reports;

import java.util.List;
import java.util.Map;

/**
 * What one figure of section 7 sweeps and plots.
 *
 * @param number     the paper's figure number (1-9)
 * @param title      the paper's caption, shortened
 * @param xKey       the simulation parameter on the x axis (runs.csv key)
 * @param xLabel     x axis label with unit
 * @param xValues    the x values, as parameter text
 * @param yLabel     y axis label with unit
 * @param base       parameters fixed for the whole figure (on top of the profile's base)
 * @param series     the lines
 * @param bars       true to draw grouped bars (figures 1 and 2), false for lines
 */
public record FigureSpec(int number, String title, String xKey, String xLabel, List<String> xValues, String yLabel,
                         Map<String, String> base, List<Series> series, boolean bars) {

    public FigureSpec {
        xValues = List.copyOf(xValues);
        base = Map.copyOf(base);
        series = List.copyOf(series);
        if (xValues.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("figure " + number + " needs x values and series");
        }
    }

    /** The file stem of this figure's outputs: {@code figure-<n>}. */
    public String fileStem() {
        return "figure-" + number;
    }
}
