package org.ppay.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ppay.costs.CostTable;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;

/** The whole report on real simulations at a tiny scale. */
class ReportTest {

    static final CostTable MAIN = TestFixtures.costs("main.csv", 1);
    static final CostTable OTHER = TestFixtures.costs("other.csv", 3);

    @TempDir
    static Path dir;
    static ReportPlan plan;
    static Report report;
    static List<RunRecord> runs;
    static Path out;

    @BeforeAll
    static void runTinyReport() {
        plan = new ReportPlan(TestFixtures.tinyProfile(), Figures.section7(TestFixtures.tinyProfile()), 1);
        report = new Report(plan, MAIN, List.of(OTHER), 2, (done, total, record) -> { }, "test");
        runs = new SweepRunner(2, (done, total, record) -> { }).run(plan.runs(), report.tables());
        out = dir.resolve("out");
        report.write(out, runs);
    }

    @Test
    void shouldWriteEveryFigureAsCsvSvgAndPng() throws IOException {
        for (int n = 1; n <= 9; n++) {
            final String csv = Files.readString(out.resolve("figure-" + n + ".csv"));
            assertTrue(csv.startsWith(String.join(",", CsvFiles.FIGURE_COLUMNS)), csv);
            final FigureSpec spec = plan.figures().get(n - 1);
            assertEquals(1 + spec.series().size() * spec.xValues().size(), csv.split("\n").length);
            final String svg = Files.readString(out.resolve("figure-" + n + ".svg"));
            assertTrue(svg.startsWith("<svg") && svg.contains("<desc>") && svg.contains(MAIN.id()), "figure " + n);
            final byte[] png = Files.readAllBytes(out.resolve("figure-" + n + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
            assertTrue(png.length > 5_000, "a chart, not an empty image");
        }
    }

    @Test
    void shouldInlineEveryChartInOneSelfContainedPage() throws IOException {
        final String html = Files.readString(out.resolve("index.html"));
        for (int n = 1; n <= 9; n++) {
            assertTrue(html.contains("<figure class=\"chart\" data-figure=\"" + n + "\"><svg"), "figure " + n);
        }
        assertEquals(9, html.split("<svg", -1).length - 1);
        assertTrue(html.contains("name=\"viewport\""));
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "no network resources");
        assertFalse(html.contains("<script src") || html.contains("<link "), "nothing loaded from outside");
    }

    @Test
    void shouldPutThePaperNumbersBesideOursAndCheckEveryClaim() throws IOException {
        final String md = Files.readString(out.resolve("REPORT.md"));
        for (PaperReference.Entry e : PaperReference.load()) {
            assertTrue(md.contains(e.quantity()), e.id());
        }
        assertTrue(md.contains("| 4.06e+06 |"), "RM at DM 1 from the paper");
        for (int n = 1; n <= 9; n++) {
            assertTrue(md.contains("## Figure " + n + ":"), "figure " + n);
        }
        final ReportData data = new ReportData(plan, runs, MAIN);
        for (Claims.Verdict v : Claims.evaluate(data)) {
            assertTrue(md.contains(v.claim()), v.claim());
            assertTrue(v.status() != Claims.Status.NOT_EVALUATED || v.claim().contains("Renewal Wait")
                    || v.claim().contains("cap"), "every figure is in this report: " + v);
        }
    }

    @Test
    void shouldWriteEveryRunOncePerCostTable() throws IOException {
        final List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + runs.size() * report.tables().size(), lines.size());
        final String header = lines.get(0);
        for (String column : List.of("seed", "scheme", "cost_table", "ppay_version", "status", "broker_hz",
                "credit_loss_max")) {
            assertTrue(header.contains(column), column);
        }
        assertTrue(Files.exists(out.resolve("costs").resolve(Report.safe(OTHER.id()) + ".csv")));
        assertTrue(Files.exists(out.resolve("recosted").resolve(Report.safe(OTHER.id())).resolve("figure-1.svg")));
        assertEquals(3, report.tables().size(), "main, paper-ratio derived, other");
    }

    @Test
    void shouldRecostToExactlyWhatAFreshSimulationCostsTo() {
        final RunRecord first = runs.get(0);
        final Map<String, String> fresh = Simulation.run(first.parameters()).costed(OTHER).loadMetrics();
        assertEquals(fresh, first.loads().get(OTHER.id()));
        assertTrue(first.metric("broker_hz", OTHER) > first.metric("broker_hz", MAIN), "dearer table, more load");
    }

    @Test
    void shouldMatchFigurePointsToTheMeanOfTheirRuns() {
        final ReportData data = new ReportData(plan, runs, MAIN);
        final FigureResult fig1 = data.figure(1);
        final FigureResult.Point point = fig1.series("RM").at("20");
        final List<Double> values = new ArrayList<>();
        for (int s = 0; s < plan.profile().seeds(); s++) {
            final SimulationParameters p = plan.parameters(fig1.figure(), fig1.figure().series().get(0), "20", s);
            values.add(Double.parseDouble(Simulation.run(p).costed(MAIN).loadMetrics().get("broker_hz")));
        }
        assertEquals(Estimate.of(values), point.estimate());
    }

    @Test
    void shouldGiveTheSameReportForTheSameSeedOnAnyNumberOfThreads() throws IOException {
        final ReportPlan small = new ReportPlan(plan.profile(), Figures.select(plan.figures(), java.util.Set.of(1, 8)), 1);
        final Report one = new Report(small, MAIN, List.of(), 1, (d, t, r) -> { }, "test");
        final Report two = new Report(small, MAIN, List.of(), 2, (d, t, r) -> { }, "test");
        one.run(dir.resolve("one"));
        two.run(dir.resolve("two"));
        for (String file : List.of("REPORT.md", "figure-1.csv", "figure-8.csv", "figure-1.svg", "index.html")) {
            assertEquals(Files.readString(dir.resolve("one").resolve(file)),
                    Files.readString(dir.resolve("two").resolve(file)), file);
        }
    }

    @Test
    void shouldReportFailedRunsInsteadOfHidingThem() throws IOException {
        final List<RunRecord> withFailure = new ArrayList<>(runs);
        final RunRecord victim = withFailure.get(0);
        withFailure.set(0, new RunRecord(victim.parameters(), Map.of(), Map.of(), 0.1,
                "IllegalStateException: broken on purpose"));
        final Path failedOut = dir.resolve("failed");
        report.write(failedOut, withFailure);
        final String md = Files.readString(failedOut.resolve("REPORT.md"));
        assertTrue(md.contains("## FAILED RUNS (1)") && md.contains("broken on purpose"), md);
        assertTrue(Files.readString(failedOut.resolve("figure-1.csv")).contains(",1,1,"), "runs 1, failures 1");
        assertTrue(Files.readString(failedOut.resolve("runs.csv")).contains("failed,IllegalStateException"));
    }
}
