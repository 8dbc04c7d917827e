package org.ppay.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ppay.costs.CostAction;
import org.ppay.sim.RunCounts.Direction;
import org.ppay.sim.RunCounts.Group;
import org.ppay.sim.load.Task;

/**
 * runs.csv, the one file between simulating and reporting: written by {@code ppay simulate} (and the simulating step
 * of {@code ppay report}), read by {@code ppay report --runs}. One row per run of a plan, completed or failed; the
 * columns are {@link #columns()}, documented in docs/runs-csv.md, and the file's version is
 * {@link #VERSION}: a reader refuses another version, a missing column or an unknown one.
 *
 * <p>A row depends only on the run's parameters, the cost table, the plan and the ppay version, so the same run
 * gives the same bytes on any machine and thread count; wall time and heap go to a timing file beside it
 * ({@link #writeTiming}).
 */
public final class RunsCsv {

    /** The version of the columns below; a file of another version is refused. */
    public static final int VERSION = 2;

    /** The columns every row begins with: which file, plan and run it is, and whether it completed. */
    public static final List<String> RUN_COLUMNS = List.of("runs_csv_version", "ppay_version", "plan", "plan_sha256",
            "run_id", "status", "error");

    /** Outcome columns holding doubles; every other outcome is a count. */
    static final Set<String> DOUBLE_OUTCOMES = Set.of("fraction_online", "probes_per_query", "query_hit_fraction",
            "cancelled_fraction", "coin_payments_per_coin_cashed", "proofs_mean", "proofs_p99", "proofs_max",
            "credit_loss_mean", "credit_loss_p90", "credit_loss_max");

    /** The cost-free outcomes of a run, in column order ({@link RunResult#outcomes()}). */
    public static final List<String> OUTCOME_COLUMNS = List.of("fraction_online", "queries", "probes",
            "probes_per_query", "query_hit_fraction", "skipped_offline", "refused_probes", "picopayments",
            "cancelled_fraction", "coin_payments", "prepaid_coins", "coins_printed", "owner_assigned",
            "reassigned_owner", "reassigned_broker", "layers_added", "peels", "renewed_owner", "renewed_broker",
            "own_coin_renewals", "coins_cashed", "coins_cashed_expiring", "coins_cashed_at_end", "coins_forfeited",
            "coin_payments_per_coin_cashed", "proofs_mean", "proofs_p99", "proofs_max", "credit_loss_mean",
            "credit_loss_p90", "credit_loss_max", "events");

    /** The per-peer distribution, priced with the row's own table only. */
    public static final List<String> DISTRIBUTION_COLUMNS = List.of("peer_hz_p50", "peer_hz_p99", "peer_hz_max");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final String OK = "ok";
    private static final String FAILED = "failed";

    private RunsCsv() {
    }

    /** Every column, in order. */
    public static List<String> columns() {
        final List<String> c = new ArrayList<>(RUN_COLUMNS);
        for (String key : SimulationParameters.keys()) {
            c.add(columnName(key));
        }
        c.add("cost_table");
        c.addAll(OUTCOME_COLUMNS);
        c.addAll(List.of("simulated_seconds", "peers"));
        c.addAll(countColumns());
        c.addAll(RunLoads.columnNames());
        c.addAll(DISTRIBUTION_COLUMNS);
        return c;
    }

    /** The count columns of {@link RunCounts}, in order. */
    static List<String> countColumns() {
        final List<String> c = new ArrayList<>();
        for (Group group : Group.values()) {
            for (Task task : Task.values()) {
                for (CostAction action : CostAction.values()) {
                    c.add(RunCounts.actionColumn(group, task, action));
                }
            }
        }
        for (String kind : List.of("messages", "payload_bytes", "signatures", "framed")) {
            for (Group group : Group.values()) {
                for (Direction direction : Direction.values()) {
                    for (Task task : Task.values()) {
                        c.add(RunCounts.messageColumn(kind, group, direction, task));
                    }
                }
            }
        }
        return c;
    }

    /** A parameter key as a column name: {@code network-size} becomes {@code network_size}. */
    public static String columnName(String parameterKey) {
        return parameterKey.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** A runs.csv file as read: where it came from and its rows, in file order. */
    public record RunsFile(Path file, String ppayVersion, String plan, String planSha256, List<RunRow> rows) {

        public RunsFile {
            rows = List.copyOf(rows);
        }
    }

    // ---- writing ----

    /** Writes {@code rows} of {@code plan} to {@code file}, replacing it. */
    public static void write(Path file, SweepPlan plan, String ppayVersion, List<RunRow> rows) {
        try {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(out, plan, ppayVersion, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the header and one row per run. */
    public static void write(Writer out, SweepPlan plan, String ppayVersion, List<RunRow> rows) throws IOException {
        final String hash = plan.sha256();
        final CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(columns());
        for (RunRow row : rows) {
            printer.printRecord(cells(row, plan.name(), hash, ppayVersion));
        }
        printer.flush();
    }

    /** The cells of one row, in column order. */
    static List<String> cells(RunRow row, String planName, String planSha256, String ppayVersion) {
        final List<String> cells = new ArrayList<>(List.of(Integer.toString(VERSION), ppayVersion, planName,
                planSha256, row.runId(), row.failed() ? FAILED : OK, row.failed() ? row.error() : ""));
        cells.addAll(row.parameters().values().values());
        cells.add(row.costTable());
        if (row.failed()) {
            while (cells.size() < columns().size()) {
                cells.add("");
            }
            return cells;
        }
        if (!new ArrayList<>(row.outcomes().keySet()).equals(OUTCOME_COLUMNS)) {
            throw new IllegalStateException("run " + row.runId() + ": the simulator's outcomes " + row.outcomes().keySet()
                    + " are not runs.csv's outcome columns " + OUTCOME_COLUMNS);
        }
        for (Number n : row.outcomes().values()) {
            cells.add(text(n));
        }
        cells.add(Double.toString(row.counts().simulatedSeconds()));
        cells.add(Integer.toString(row.counts().peers()));
        for (long n : row.counts().columns().values()) {
            cells.add(Long.toString(n));
        }
        final List<String> priced = new ArrayList<>(RunLoads.columnNames());
        priced.addAll(DISTRIBUTION_COLUMNS);
        if (!new ArrayList<>(row.priced().keySet()).equals(priced)) {
            throw new IllegalStateException("run " + row.runId() + ": priced columns " + row.priced().keySet()
                    + " are not runs.csv's " + priced);
        }
        for (double v : row.priced().values()) {
            cells.add(Double.toString(v));
        }
        return cells;
    }

    private static String text(Number n) {
        return n instanceof Double d ? Double.toString(d) : Long.toString(n.longValue());
    }

    /** The timing file beside a runs.csv: {@code runs.csv} -> {@code runs.timing.csv}. */
    public static Path timingFile(Path runsCsv) {
        final String name = runsCsv.getFileName().toString();
        final String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return runsCsv.resolveSibling(stem + ".timing.csv");
    }

    /** The machine-dependent statistics of every completed run, for the timing file beside runs.csv. */
    public static void writeTiming(Path file, List<Sweep.Outcome> outcomes) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter timing = new CSVPrinter(out, FORMAT)) {
            timing.printRecord("run_id", "seed", "status", "events", "wall_seconds", "events_per_second",
                    "peak_heap_bytes");
            for (Sweep.Outcome o : outcomes) {
                final RunStatistics s = o.statistics();
                timing.printRecord(o.row().runId(), o.row().parameters().seed(), o.row().failed() ? FAILED : OK,
                        s.events(), s.wallSeconds(), s.eventsPerSecond(), s.peakHeapBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- reading ----

    /**
     * Reads a runs.csv file.
     *
     * @throws IllegalArgumentException naming the file (and line and column) when it is not a runs.csv of
     *                                  {@link #VERSION}, misses or adds a column, or holds a bad value
     */
    public static RunsFile read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, in);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not a runs.csv (not UTF-8 text)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static RunsFile read(Path file, Reader in) throws IOException {
        final CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        final Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new IllegalArgumentException(file + ": empty, not a runs.csv");
        }
        final List<String> header = records.next().toList();
        checkHeader(file, header);
        String ppayVersion = null;
        String plan = null;
        String hash = null;
        final List<RunRow> rows = new ArrayList<>();
        while (records.hasNext()) {
            final CSVRecord record = records.next();
            final String where = file + ": line " + record.getRecordNumber();
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(where + ": " + record.size() + " cells, the header has "
                        + header.size());
            }
            final Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), record.get(i));
            }
            checkVersion(where, cells.get("runs_csv_version"));
            if (ppayVersion == null) {
                ppayVersion = cells.get("ppay_version");
                plan = cells.get("plan");
                hash = cells.get("plan_sha256");
            } else if (!ppayVersion.equals(cells.get("ppay_version")) || !plan.equals(cells.get("plan"))
                    || !hash.equals(cells.get("plan_sha256"))) {
                throw new IllegalArgumentException(where + ": ppay version, plan or plan hash differ from the first"
                        + " row's; one runs.csv holds runs of one plan and one build");
            }
            rows.add(row(where, cells));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": a header but no runs");
        }
        return new RunsFile(file, ppayVersion, plan, hash, rows);
    }

    private static void checkHeader(Path file, List<String> header) {
        if (header.isEmpty() || !header.get(0).equals("runs_csv_version")) {
            throw new IllegalArgumentException(file + ": not a runs.csv of version " + VERSION + ": its first column is '"
                    + (header.isEmpty() ? "" : header.get(0)) + "', not runs_csv_version (a file from an older ppay,"
                    + " or another CSV); simulate again with this ppay");
        }
        final List<String> expected = columns();
        if (header.equals(expected)) {
            return;
        }
        final Set<String> missing = new LinkedHashSet<>(expected);
        header.forEach(missing::remove);
        final Set<String> unknown = new LinkedHashSet<>(header);
        expected.forEach(unknown::remove);
        throw new IllegalArgumentException(file + ": not the columns of runs.csv version " + VERSION
                + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
                + (missing.isEmpty() && unknown.isEmpty() ? "; the columns are in another order" : ""));
    }

    private static void checkVersion(String where, String version) {
        if (!Integer.toString(VERSION).equals(version)) {
            throw new IllegalArgumentException(where + ": runs_csv_version is '" + version + "'; this ppay reads"
                    + " version " + VERSION + " only");
        }
    }

    private static RunRow row(String where, Map<String, String> cells) {
        final String id = cells.get("run_id");
        final Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : SimulationParameters.keys()) {
            parameters.put(key, cells.get(columnName(key)));
        }
        final SimulationParameters p;
        try {
            p = SimulationParameters.defaults().with(parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        final String costTable = cells.get("cost_table");
        final String status = cells.get("status");
        if (FAILED.equals(status)) {
            final String error = cells.get("error");
            return new RunRow(id, p, costTable, error.isEmpty() ? "(no error text)" : error, Map.of(), null, Map.of());
        }
        if (!OK.equals(status)) {
            throw new IllegalArgumentException(where + ": status is '" + status + "', not ok or failed");
        }
        final Map<String, Number> outcomes = new LinkedHashMap<>();
        for (String name : OUTCOME_COLUMNS) {
            if (DOUBLE_OUTCOMES.contains(name)) {
                outcomes.put(name, number(where, name, cells));
            } else {
                outcomes.put(name, count(where, name, cells));
            }
        }
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : countColumns()) {
            counts.put(name, count(where, name, cells));
        }
        final Map<String, Double> priced = new LinkedHashMap<>();
        for (String name : RunLoads.columnNames()) {
            priced.put(name, number(where, name, cells));
        }
        for (String name : DISTRIBUTION_COLUMNS) {
            priced.put(name, number(where, name, cells));
        }
        final RunCounts runCounts;
        try {
            runCounts = RunCounts.fromColumns(number(where, "simulated_seconds", cells),
                    Math.toIntExact(count(where, "peers", cells)), counts);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return new RunRow(id, p, costTable, null, outcomes, runCounts, priced);
    }

    private static long count(String where, String column, Map<String, String> cells) {
        try {
            return Long.parseLong(cells.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": column " + column + ": '" + cells.get(column)
                    + "' is not a count", e);
        }
    }

    private static double number(String where, String column, Map<String, String> cells) {
        try {
            final double v = Double.parseDouble(cells.get(column));
            if (!Double.isFinite(v)) {
                throw new NumberFormatException("not finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": column " + column + ": '" + cells.get(column)
                    + "' is not a finite number", e);
        }
    }
}
