package org.ppay.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ppay.costs.CostTable;
import org.ppay.costs.PaperRatioCosts;
import org.ppay.sim.RunRow;
import org.ppay.sim.RunsCsv;
import org.ppay.sim.RunsMerge;
import org.ppay.sim.Sweep;
import org.ppay.sim.SweepPlan;

/**
 * The report: the plan's runs (read from runs.csv), priced with every cost table, written as figures and pages.
 *
 * <pre>
 * OUT/figure-N.csv, figure-N.svg, figure-N.png   each figure, priced with the main cost table
 * OUT/REPORT.md, OUT/index.html                  the report (index.html self-contained)
 * OUT/runs.csv                                   every run of the plan (the simulator's runs.csv, shards merged)
 * OUT/costs/&lt;table&gt;.csv                          every cost table used (the derived paper-ratio one included)
 * OUT/recosted/&lt;table&gt;/figure-N.*               the figures again under each other cost table
 * OUT/figure-1-costs.svg, .png                   figure 1's broker loads under every cost table
 * </pre>
 * Every load is priced from the runs' counts, so the same runs.csv and tables give the same bytes whether the runs
 * were simulated a moment ago, on other machines, or with another table.
 */
public final class Report {

    /** File stem of the chart of figure 1 under every cost table. */
    public static final String COSTS_CHART = "figure-1-costs";

    /** What happened: how many runs, how many failed, where the outputs are. */
    public record Outcome(Path outDir, int runs, int failedRuns) {
    }

    private final ReportPlan plan;
    private final CostTable mainCosts;
    private final List<CostTable> otherCosts;
    private final String ppayVersion;

    /**
     * @param otherCosts  tables to re-cost the same runs with, besides the main one and the paper-ratio table derived
     *                    from it
     */
    public Report(ReportPlan plan, CostTable mainCosts, List<CostTable> otherCosts, String ppayVersion) {
        this.plan = plan;
        this.mainCosts = mainCosts;
        final Map<String, CostTable> others = new LinkedHashMap<>();
        others.put(PaperRatioCosts.derive(mainCosts).id(), PaperRatioCosts.derive(mainCosts));
        for (CostTable t : otherCosts) {
            if (!t.id().equals(mainCosts.id())) {
                others.putIfAbsent(t.id(), t);
            }
        }
        this.otherCosts = List.copyOf(others.values());
        this.ppayVersion = ppayVersion;
    }

    /** Every cost table the report prices with: the main one first. */
    public List<CostTable> tables() {
        final List<CostTable> all = new ArrayList<>();
        all.add(mainCosts);
        all.addAll(otherCosts);
        return all;
    }

    /**
     * Simulates every run of {@code plan}, priced with {@code costs}, and writes them to {@code runsCsv} (and the
     * timings to {@code runs.timing.csv} beside it): the simulating step of {@code ppay report}.
     */
    public static List<Sweep.Outcome> simulate(ReportPlan plan, CostTable costs, int threads, Sweep.Progress progress,
                                               String ppayVersion, Path runsCsv) {
        final SweepPlan sweep = plan.sweepPlan();
        final List<Sweep.Outcome> outcomes = Sweep.of(sweep.runs(), threads).run(costs, progress);
        final List<RunRow> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.add(o.row()));
        RunsCsv.write(runsCsv, sweep, ppayVersion, rows);
        RunsCsv.writeTiming(RunsCsv.timingFile(runsCsv), outcomes);
        return outcomes;
    }

    /**
     * The runs of {@code plan} from runs.csv files (one, or the shards of a sweep), in plan order.
     *
     * @throws IllegalArgumentException when a file is not a runs.csv of this version, when the files come from
     *                                  different builds or another plan, or when runs are missing or duplicated
     */
    public static List<RunRow> read(ReportPlan plan, List<RunsCsv.RunsFile> files) {
        return RunsMerge.merge(files, plan.sweepPlan());
    }

    /** Writes every output from the runs of the plan; {@code runsVersion} is the ppay that simulated them. */
    public Outcome write(Path outDir, List<RunRow> runs, String runsVersion) {
        final ReportData data = new ReportData(plan, runs, mainCosts);
        final List<ReportData> recosted = new ArrayList<>();
        for (CostTable t : otherCosts) {
            recosted.add(new ReportData(plan, runs, t));
        }
        final ReportContent content = new ReportContent(data, recosted, ppayVersion);
        final Map<Integer, String> svgs = writeFigures(outDir, data);
        for (ReportData other : recosted) {
            writeFigures(outDir.resolve("recosted").resolve(safe(other.costs().id())), other);
        }
        for (CostTable t : tables()) {
            write(outDir.resolve("costs").resolve(safe(t.id()) + ".csv"), t.toCsv());
        }
        RunsCsv.write(outDir.resolve("runs.csv"), plan.sweepPlan(), runsVersion, runs);
        final String costsSvg = CostComparisonChart.svg(content.allTables());
        if (costsSvg != null) {
            write(outDir.resolve(COSTS_CHART + ".svg"), costsSvg);
            write(outDir.resolve(COSTS_CHART + ".png"), CostComparisonChart.png(content.allTables()));
        }
        write(outDir.resolve("REPORT.md"), MarkdownReport.write(content, costsSvg != null));
        write(outDir.resolve("index.html"), HtmlReport.write(content, svgs, costsSvg));
        return new Outcome(outDir, runs.size(), data.failures().size());
    }

    private Map<Integer, String> writeFigures(Path dir, ReportData data) {
        final Map<Integer, String> svgs = new LinkedHashMap<>();
        final ReportContent captions = new ReportContent(data, List.of(), ppayVersion);
        for (FigureResult figure : data.figures()) {
            final String stem = figure.figure().fileStem();
            final String svg = ChartRenderer.svg(figure, plan.profile(), captions.caption(figure));
            svgs.put(figure.figure().number(), svg);
            write(dir.resolve(stem + ".csv"), CsvFiles.figure(figure, plan.profile()));
            write(dir.resolve(stem + ".svg"), svg);
            write(dir.resolve(stem + ".png"), ChartRenderer.png(figure, plan.profile()));
        }
        return svgs;
    }

    /** A cost-table id as a file name. */
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
