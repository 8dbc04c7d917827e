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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Draws a {@link FigureResult} with XChart: grouped bars (figures 1-2) or lines, the 95% confidence interval as error
 * bars, axis labels with units, a legend, and a title naming the scale and cost table. The SVG also carries the
 * figure's full parameters in its {@code <desc>}.
 */
public final class ChartRenderer {

    static final int WIDTH_PX = 900;
    static final int HEIGHT_PX = 560;

    private ChartRenderer() {
    }

    /** The chart as SVG text. */
    public static String svg(FigureResult result, String caption) {
        System.setProperty("java.awt.headless", "true");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart(result), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw figure " + result.figure().number() + " as SVG", e);
        }
        final String svg = out.toString(StandardCharsets.UTF_8);
        final int open = svg.indexOf("<svg");
        final int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            throw new IllegalStateException("XChart wrote no <svg> element for figure " + result.figure().number());
        }
        return svg.substring(open, end + 1) + "<title>" + Html.escape(title(result)) + "</title><desc>"
                + Html.escape(caption) + "</desc>" + svg.substring(end + 1);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(FigureResult result) {
        System.setProperty("java.awt.headless", "true");
        try {
            return BitmapEncoder.getBitmapBytes(chart(result), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw figure " + result.figure().number() + " as PNG", e);
        }
    }

    static String title(FigureResult result) {
        return "Figure " + result.figure().number() + " (costs " + result.costs().id() + ")";
    }

    private static Chart<?, ?> chart(FigureResult result) {
        final FigureSpec figure = result.figure();
        if (figure.bars()) {
            final CategoryChart chart = new CategoryChartBuilder().width(WIDTH_PX).height(HEIGHT_PX)
                    .title(title(result)).xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
            style(chart.getStyler());
            for (FigureResult.SeriesResult s : result.series()) {
                final List<String> xs = new ArrayList<>();
                final List<Double> ys = new ArrayList<>();
                final List<Double> errors = new ArrayList<>();
                for (FigureResult.Point p : s.points()) {
                    if (p.estimate() != null) {
                        xs.add(p.x());
                        ys.add(p.estimate().mean());
                        errors.add(p.estimate().halfWidthOrZero());
                    }
                }
                if (!xs.isEmpty()) {
                    chart.addSeries(s.series().label(), xs, ys, errors);
                }
            }
            return chart;
        }
        final XYChart chart = new XYChartBuilder().width(WIDTH_PX).height(HEIGHT_PX)
                .title(title(result)).xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
        style(chart.getStyler());
        for (FigureResult.SeriesResult s : result.series()) {
            final List<FigureResult.Point> present = new ArrayList<>();
            for (FigureResult.Point p : s.points()) {
                if (p.estimate() != null) {
                    present.add(p);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            final double[] xs = new double[present.size()];
            final double[] ys = new double[present.size()];
            final double[] errors = new double[present.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = present.get(i).xValue();
                ys[i] = present.get(i).estimate().mean();
                errors[i] = present.get(i).estimate().halfWidthOrZero();
            }
            chart.addSeries(s.series().label(), xs, ys, errors);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
    }
}
