package org.ppay.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.Styler;

/**
 * Figure 1 under every cost table: broker load per scheme at the lowest and highest Downtime Multiplier, one bar
 * group per cost table, on a log axis (when every value is positive) since tables can differ by orders of magnitude.
 */
public final class CostComparisonChart {

    private static final List<String> SCHEMES = List.of("RM", "PPay*", "PPay");

    private CostComparisonChart() {
    }

    /** The chart, or null when the report has no figure 1. */
    static CategoryChart chart(List<ReportData> tables) {
        final List<String> xs = tables.get(0).xValues(1);
        if (xs.isEmpty()) {
            return null;
        }
        final List<String> points = xs.size() == 1 ? xs : List.of(xs.get(0), xs.get(xs.size() - 1));
        final List<String> labels = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            labels.add(label(i, tables.get(i)));
        }
        final List<String> names = new ArrayList<>();
        final List<List<Double>> values = new ArrayList<>();
        boolean allPositive = true;
        double min = Double.POSITIVE_INFINITY;
        for (String x : points) {
            for (String scheme : SCHEMES) {
                final List<Double> ys = new ArrayList<>();
                for (ReportData table : tables) {
                    final double mean = table.mean(1, scheme, x, "broker_hz");
                    allPositive &= mean > 0;
                    min = Math.min(min, mean);
                    ys.add(Double.isFinite(mean) ? mean : 0.0);
                }
                names.add(scheme + " @ DM " + x);
                values.add(ys);
            }
        }
        final CategoryChart chart = new CategoryChartBuilder().width(ChartRenderer.WIDTH_PX)
                .height(ChartRenderer.HEIGHT_PX).title("Figure 1 under every cost table").xAxisTitle("Cost table")
                .yAxisTitle("Broker processing load (Hz = cycles/s" + (allPositive ? ", log scale)" : ")")).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisLogarithmic(allPositive);
        if (allPositive) {
            // bars grow from the axis minimum, which XChart otherwise puts at 0, impossible on a log axis
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
        }
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (int s = 0; s < names.size(); s++) {
            chart.addSeries(names.get(s), labels, values.get(s));
        }
        return chart.getSeriesMap().isEmpty() ? null : chart;
    }

    /** A short label: the table's number and suite, e.g. {@code #2 rsa2048-jdk}; the full ids are in the report. */
    static String label(int index, ReportData table) {
        final String[] parts = table.costs().id().split(":");
        final String source = parts[0].startsWith("paper-ratio") ? "paper ratio" : parts[1];
        return "#" + (index + 1) + " " + source;
    }

    static String svg(List<ReportData> tables) {
        final CategoryChart chart = chart(tables);
        if (chart == null) {
            return null;
        }
        System.setProperty("java.awt.headless", "true");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the cost comparison as SVG", e);
        }
        final String svg = out.toString(StandardCharsets.UTF_8);
        return svg.substring(svg.indexOf("<svg"));
    }

    static byte[] png(List<ReportData> tables) {
        final CategoryChart chart = chart(tables);
        if (chart == null) {
            return null;
        }
        System.setProperty("java.awt.headless", "true");
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the cost comparison as PNG", e);
        }
    }
}
