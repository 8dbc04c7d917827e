package org.ppay.reports;

import java.util.Map;

/**
 * One line (or bar group) of a figure: the parameters that set it apart, and the metric it plots.
 *
 * @param label      legend text
 * @param overrides  simulation parameters (by runs.csv key) that hold along this series
 * @param metric     the metric plotted, by runs.csv column name (e.g. {@code broker_hz})
 */
public record Series(String label, Map<String, String> overrides, String metric) {

    public Series {
        overrides = Map.copyOf(overrides);
    }

    /** The same series plotting another metric. */
    public Series withMetric(String value) {
        return new Series(label, overrides, value);
    }
}
