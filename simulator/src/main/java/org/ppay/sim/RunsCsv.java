package org.ppay.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code runs.csv}: one row per run with every parameter (Table 1 and the model's, seed included), the cost
 * table's id, then every metric: counts first, loads after. The row depends only on the parameters and the cost table,
 * so the same run gives the same bytes whatever the machine or thread count; wall time and heap go to a separate
 * timing file ({@link #timingRow}).
 */
public final class RunsCsv implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final CSVPrinter printer;
    private List<String> header;

    public RunsCsv(Writer out) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every run to {@code file}, replacing it. */
    public static void write(Path file, List<CostedRun> runs) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             RunsCsv csv = new RunsCsv(out)) {
            for (CostedRun run : runs) {
                csv.append(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The row of a run, column name to text, in column order. */
    public static Map<String, String> row(CostedRun run) {
        final Map<String, String> row = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : run.run().parameters().values().entrySet()) {
            row.put(columnName(e.getKey()), e.getValue());
        }
        row.put("cost_table", run.costs().id());
        row.putAll(run.run().countMetrics());
        row.putAll(run.loadMetrics());
        return row;
    }

    /** A parameter key as a column name: {@code network-size} becomes {@code network_size}. */
    public static String columnName(String parameterKey) {
        return parameterKey.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Appends a run; the first run's columns become the header. */
    public void append(CostedRun run) {
        final Map<String, String> row = row(run);
        try {
            if (header == null) {
                header = new ArrayList<>(row.keySet());
                printer.printRecord(header);
            } else if (!header.equals(new ArrayList<>(row.keySet()))) {
                throw new IllegalStateException("run columns differ from the header of this runs.csv");
            }
            printer.printRecord(row.values());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine-dependent statistics of a run, for the timing file beside runs.csv. */
    public static Map<String, String> timingRow(int index, RunResult run) {
        final Map<String, String> row = new LinkedHashMap<>();
        row.put("run", Integer.toString(index));
        row.put("seed", Long.toString(run.parameters().seed()));
        row.put("events", Long.toString(run.statistics().events()));
        row.put("wall_seconds", Double.toString(run.statistics().wallSeconds()));
        row.put("events_per_second", Double.toString(run.statistics().eventsPerSecond()));
        row.put("peak_heap_bytes", Long.toString(run.statistics().peakHeapBytes()));
        return row;
    }

    /** Writes the timing rows of {@code runs} to {@code file}. */
    public static void writeTiming(Path file, List<CostedRun> runs) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter timing = new CSVPrinter(out, FORMAT)) {
            for (int i = 0; i < runs.size(); i++) {
                final Map<String, String> row = timingRow(i, runs.get(i).run());
                if (i == 0) {
                    timing.printRecord(row.keySet());
                }
                timing.printRecord(row.values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
