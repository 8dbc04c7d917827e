package org.ppay.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The report's figure CSV files, one per figure (runs.csv is the simulator's {@code RunsCsv}). */
public final class CsvFiles {

    public static final List<String> FIGURE_COLUMNS = List.of("figure", "series", "metric", "x_key", "x", "runs",
            "failures", "mean", "stddev", "ci95_half_width", "ci95_low", "ci95_high", "cost_table", "profile");

    private CsvFiles() {
    }

    /** A figure's points: one row per series and x value. */
    public static String figure(FigureResult result, Profile profile) {
        return print(FIGURE_COLUMNS, printer -> {
            for (FigureResult.SeriesResult s : result.series()) {
                for (FigureResult.Point p : s.points()) {
                    final Estimate e = p.estimate();
                    printer.printRecord(result.figure().number(), s.series().label(), s.series().metric(),
                            result.figure().xKey(), p.x(), e == null ? 0 : e.samples(), p.failures(),
                            e == null ? "" : e.mean(), e == null ? "" : e.stddev(),
                            e == null || Double.isNaN(e.halfWidth95()) ? "" : e.halfWidth95(),
                            e == null ? "" : e.low95(), e == null ? "" : e.high95(), result.costs().id(),
                            profile.name());
                }
            }
        });
    }

    @FunctionalInterface
    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String print(List<String> header, Rows rows) {
        final CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        final StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
