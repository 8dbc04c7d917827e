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

/**
 * The report job: run the plan's simulations once, price them with every cost table, and write the outputs.
 *
 * <pre>
 * OUT/figure-N.csv, figure-N.svg, figure-N.png   each figure, priced with the main cost table
 * OUT/REPORT.md, OUT/index.html                  the report (index.html self-contained)
 * OUT/runs.csv                                   every run x every cost table
 * OUT/costs/&lt;table&gt;.csv                          every cost table used (the derived paper-ratio one included)
 * OUT/recosted/&lt;table&gt;/figure-N.*               the figures again under each other cost table
 * </pre>
 */
public final class Report {

    /** What happened: how many runs, how many failed, where the outputs are. */
    public record Outcome(Path outDir, int runs, int failedRuns) {
    }

    private final ReportPlan plan;
    private final CostTable mainCosts;
    private final List<CostTable> otherCosts;
    private final int threads;
    private final SweepRunner.Progress progress;
    private final String ppayVersion;

    /**
     * @param otherCosts  tables to re-cost the same runs with, besides the main one and the paper-ratio table derived
     *                    from it
     */
    public Report(ReportPlan plan, CostTable mainCosts, List<CostTable> otherCosts, int threads,
                  SweepRunner.Progress progress, String ppayVersion) {
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
        this.threads = threads;
        this.progress = progress;
        this.ppayVersion = ppayVersion;
    }

    /** Every cost table the report prices with: the main one first. */
    public List<CostTable> tables() {
        final List<CostTable> all = new ArrayList<>();
        all.add(mainCosts);
        all.addAll(otherCosts);
        return all;
    }

    public Outcome run(Path outDir) {
        final List<RunRecord> runs = new SweepRunner(threads, progress).run(plan.runs(), tables());
        write(outDir, runs);
        int failed = 0;
        for (RunRecord r : runs) {
            failed += r.failed() ? 1 : 0;
        }
        return new Outcome(outDir, runs.size(), failed);
    }

    /** Writes every output from finished runs. */
    public void write(Path outDir, List<RunRecord> runs) {
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
        write(outDir.resolve("runs.csv"), CsvFiles.runs(runs, tables(), ppayVersion));
        write(outDir.resolve("REPORT.md"), MarkdownReport.write(content));
        write(outDir.resolve("index.html"), HtmlReport.write(content, svgs));
    }

    private Map<Integer, String> writeFigures(Path dir, ReportData data) {
        final Map<Integer, String> svgs = new LinkedHashMap<>();
        final ReportContent captions = new ReportContent(data, List.of(), ppayVersion);
        for (FigureResult figure : data.figures()) {
            final String stem = figure.figure().fileStem();
            final String svg = ChartRenderer.svg(figure, captions.caption(figure));
            svgs.put(figure.figure().number(), svg);
            write(dir.resolve(stem + ".csv"), CsvFiles.figure(figure, plan.profile()));
            write(dir.resolve(stem + ".svg"), svg);
            write(dir.resolve(stem + ".png"), ChartRenderer.png(figure));
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
