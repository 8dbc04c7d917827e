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
import org.ppay.sim.RunRow;
import org.ppay.sim.RunsCsv;
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
    static List<RunRow> runs;
    static Path out;

    @BeforeAll
    static void runTinyReport() {
        plan = new ReportPlan(TestFixtures.tinyProfile(), Figures.section7(TestFixtures.tinyProfile()), 1);
        report = new Report(plan, MAIN, List.of(OTHER), "test");
        final Path simulated = dir.resolve("simulated").resolve("runs.csv");
        Report.simulate(plan, MAIN, 2, (done, total, fraction) -> { }, "test", simulated);
        runs = Report.read(plan, List.of(RunsCsv.read(simulated)));
        out = dir.resolve("out");
        report.write(out, runs, "test");
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
        assertEquals(9 + 1, html.split("<svg", -1).length - 1, "nine figures and figure 1 under every cost table");
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
        final String figure1 = md.substring(md.indexOf("## Figure 1:"), md.indexOf("## Figure 2:"));
        assertTrue(figure1.contains("RM broker load at Downtime Multiplier 1 | 4.06e+06"), "paper numbers per figure");
        assertTrue(figure1.contains("PPay broker load is below RM at every Downtime Multiplier"), "claims per figure");
        assertFalse(figure1.contains("Payword"), "figure 6's numbers stay with figure 6");
        final ReportData data = new ReportData(plan, runs, MAIN);
        for (Claims.Verdict v : Claims.evaluate(data)) {
            assertTrue(md.contains(v.claim()), v.claim());
            assertTrue(v.status() != Claims.Status.NOT_EVALUATED || v.claim().contains("Renewal Wait")
                    || v.claim().contains("cap"), "every figure is in this report: " + v);
        }
    }

    @Test
    void shouldWriteEveryRunOnceWithTheCountsThatRepriceIt() throws IOException {
        final List<String> lines = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + runs.size(), lines.size());
        assertEquals(String.join(",", RunsCsv.columns()), lines.get(0));
        assertEquals(Files.readString(dir.resolve("simulated").resolve("runs.csv")),
                Files.readString(out.resolve("runs.csv")), "the report's runs.csv is the one it read");
        assertTrue(Files.exists(dir.resolve("simulated").resolve("runs.timing.csv")));
        assertTrue(Files.exists(out.resolve("costs").resolve(Report.safe(OTHER.id()) + ".csv")));
        assertTrue(Files.exists(out.resolve("recosted").resolve(Report.safe(OTHER.id())).resolve("figure-1.svg")));
        assertEquals(3, report.tables().size(), "main, paper-ratio derived, other");
        assertTrue(Files.size(out.resolve(Report.COSTS_CHART + ".png")) > 5_000);
        final String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<figure class=\"costs-chart\"><svg"), "figure 1 under every table, inline");
        assertTrue(html.contains("#3 " + OTHER.id()), "the compared table is listed");
        final ReportContent content = new ReportContent(new ReportData(plan, runs, MAIN),
                List.of(new ReportData(plan, runs, OTHER)), "test");
        final ReportContent.Table claims = content.claimsAcrossCostTables();
        assertEquals(Claims.evaluate(new ReportData(plan, runs, OTHER)).get(0).status().text(),
                claims.rows().get(0).get(2), "column #2 judges the claims on the second table's prices");
    }

    @Test
    void shouldRecostToExactlyWhatAFreshSimulationCostsTo() {
        final RunRow first = runs.get(0);
        final Map<String, Double> fresh = Simulation.run(first.parameters()).costed(OTHER).loads().columns();
        for (Map.Entry<String, Double> e : fresh.entrySet()) {
            assertEquals(e.getValue(), first.metric(e.getKey(), OTHER), e.getKey());
        }
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
            values.add(Simulation.run(p).costed(MAIN).brokerHz());
        }
        assertEquals(Estimate.of(values), point.estimate());
    }

    @Test
    void shouldGiveTheSameReportForTheSameSeedOnAnyNumberOfThreads() throws IOException {
        final ReportPlan small = new ReportPlan(plan.profile(), Figures.select(plan.figures(), java.util.Set.of(1, 8)), 1);
        final Report renderer = new Report(small, MAIN, List.of(), "test");
        for (int threads : new int[] {1, 2}) {
            final Path runsCsv = dir.resolve("threads-" + threads).resolve("runs.csv");
            Report.simulate(small, MAIN, threads, (d, t, f) -> { }, "test", runsCsv);
            renderer.write(dir.resolve("threads-" + threads), Report.read(small, List.of(RunsCsv.read(runsCsv))),
                    "test");
        }
        for (String file : List.of("REPORT.md", "figure-1.csv", "figure-8.csv", "figure-1.svg", "index.html",
                "runs.csv")) {
            assertEquals(Files.readString(dir.resolve("threads-1").resolve(file)),
                    Files.readString(dir.resolve("threads-2").resolve(file)), file);
        }
    }

    @Test
    void shouldReportFailedRunsInsteadOfHidingThem() throws IOException {
        final List<RunRow> withFailure = new ArrayList<>(runs);
        final RunRow victim = withFailure.get(0);
        withFailure.set(0, RunRow.failed(victim.runId(), victim.parameters(), MAIN.id(),
                new IllegalStateException("broken on purpose")));
        final Path failedOut = dir.resolve("failed");
        assertEquals(1, report.write(failedOut, withFailure, "test").failedRuns());
        final String md = Files.readString(failedOut.resolve("REPORT.md"));
        assertTrue(md.contains("## FAILED RUNS (1)") && md.contains("broken on purpose"), md);
        assertTrue(Files.readString(failedOut.resolve("figure-1.csv")).contains(",1,1,"), "runs 1, failures 1");
        assertTrue(Files.readString(failedOut.resolve("runs.csv")).contains(",0,failed,IllegalStateException: broken on purpose,"));
        assertEquals(withFailure, Report.read(plan, List.of(RunsCsv.read(failedOut.resolve("runs.csv")))),
                "a failed run reads back as a failed row");
    }
}
