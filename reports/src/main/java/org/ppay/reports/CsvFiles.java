package org.ppay.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ppay.costs.CostTable;
import org.ppay.sim.SimulationParameters;

/** The report's CSV files: one per figure, and runs.csv with every run. */
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

    /**
     * Every run, once per cost table: all parameters (seed included), the cost table id, the versions, whether the run
     * completed, then every count metric and every load metric priced with that table.
     */
    public static String runs(List<RunRecord> runs, List<CostTable> tables, String ppayVersion) {
        final Set<String> countColumns = new LinkedHashSet<>();
        final Set<String> loadColumns = new LinkedHashSet<>();
        for (RunRecord run : runs) {
            countColumns.addAll(run.counts().keySet());
            for (Map<String, String> loads : run.loads().values()) {
                loadColumns.addAll(loads.keySet());
            }
        }
        final List<String> header = new ArrayList<>(SimulationParameters.keys());
        header.addAll(List.of("cost_table", "ppay_version", "java_version", "status", "failure", "wall_seconds"));
        header.addAll(countColumns);
        header.addAll(loadColumns);
        return print(header, printer -> {
            for (CostTable table : tables) {
                for (RunRecord run : runs) {
                    final List<Object> row = new ArrayList<>(run.parameters().values().values());
                    row.add(table.id());
                    row.add(ppayVersion);
                    row.add(System.getProperty("java.version"));
                    row.add(run.failed() ? "failed" : "ok");
                    row.add(run.failed() ? run.failure() : "");
                    row.add(run.wallSeconds());
                    for (String c : countColumns) {
                        row.add(run.counts().getOrDefault(c, ""));
                    }
                    final Map<String, String> loads = run.loads().getOrDefault(table.id(), Map.of());
                    for (String c : loadColumns) {
                        row.add(loads.getOrDefault(c, ""));
                    }
                    printer.printRecord(row);
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
