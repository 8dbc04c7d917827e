package org.ppay.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ppay.costs.CostEntry;
import org.ppay.costs.CostTable;

/**
 * What REPORT.md and index.html both say, as plain tables: the setup, the paper's numbers beside ours, the claims,
 * each figure's points, and figure 1 re-costed with every cost table. The two writers only format it.
 *
 * @param data        the primary report (runs priced with the main cost table)
 * @param recosted    the same runs priced with each other cost table (the main one excluded)
 * @param ppayVersion the build's version
 */
public record ReportContent(ReportData data, List<ReportData> recosted, String ppayVersion) {

    /** A table: header and rows of cells. */
    public record Table(List<String> header, List<List<String>> rows) {
    }

    public ReportContent {
        recosted = List.copyOf(recosted);
    }

    public String title() {
        return "PPay section 7 reproduced: broker and peer load on measured costs";
    }

    /** Key facts of the setup, as label / value rows. */
    public Table setup() {
        final Profile p = data.plan().profile();
        final List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("profile", p.name()));
        rows.add(List.of("network size (peers)", Integer.toString(p.networkSize())));
        rows.add(List.of("pong cache size (entries)", Integer.toString(p.pongCacheSize())));
        rows.add(List.of("simulated days", fmt(p.simulatedDays())));
        rows.add(List.of("seeds per point", p.seeds() + " (from " + data.plan().firstSeed() + ")"));
        rows.add(List.of("other parameters", "the paper's Table 1 defaults unless a figure varies them"));
        rows.add(List.of("runs", data.runs().size() + " (" + data.failures().size() + " failed)"));
        rows.add(List.of("cost table", data.costs().id()));
        for (ReportData other : recosted) {
            rows.add(List.of("re-costed with", other.costs().id()));
        }
        rows.add(List.of("ppay", ppayVersion));
        rows.add(List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        return new Table(List.of("setting", "value"), rows);
    }

    /** Failed runs, if any: parameters that differ from the defaults, seed and the failure. */
    public Table failures() {
        final List<List<String>> rows = new ArrayList<>();
        for (org.ppay.sim.RunRow run : data.failures()) {
            rows.add(List.of(run.parameters().scheme() + ", dm " + fmt(run.parameters().downtimeMultiplier())
                    + ", window " + run.parameters().creditWindowSize() + " " + run.parameters().windowType()
                    + ", layers " + run.parameters().maxLayers() + ", renewal " + fmt(run.parameters().renewalWaitDays())
                    + " d, cap " + run.parameters().values().get("net-loss-cap") + ", lazy "
                    + fmt(run.parameters().percentLazy()) + "%", Long.toString(run.parameters().seed()), run.error()));
        }
        return new Table(List.of("run", "seed", "failure"), rows);
    }

    /** The paper's numbers beside ours. */
    public Table paperVersusOurs() {
        return paperVersusOurs(0);
    }

    /** The paper's numbers beside ours for one figure (0: every figure). */
    public Table paperVersusOurs(int figure) {
        final List<List<String>> rows = new ArrayList<>();
        for (PaperComparison.Row r : PaperComparison.rows(data)) {
            if (figure != 0 && r.paper().figure() != figure) {
                continue;
            }
            rows.add(List.of(Integer.toString(r.paper().figure()), r.paper().quantity(), Claims.fmt(r.paper().value()),
                    r.evaluated() ? Claims.fmt(r.ours()) : "not in this report", r.paper().unit(), r.paper().where()));
        }
        return new Table(List.of("figure", "quantity", "paper", "ours", "unit", "where in the paper"), rows);
    }

    /** The claims and their verdicts. */
    public List<Claims.Verdict> claims() {
        return Claims.evaluate(data);
    }

    /** The claims about one figure. */
    public List<Claims.Verdict> claims(int figure) {
        final List<Claims.Verdict> about = new ArrayList<>();
        for (Claims.Verdict v : claims()) {
            if (v.figure() == figure) {
                about.add(v);
            }
        }
        return about;
    }

    /** One figure's points: a row per x value, a column per series (mean +- 95% CI half width). */
    public static Table points(FigureResult figure) {
        final List<String> header = new ArrayList<>();
        header.add(figure.figure().xLabel());
        for (FigureResult.SeriesResult s : figure.series()) {
            header.add(s.series().label());
        }
        final List<List<String>> rows = new ArrayList<>();
        for (String x : figure.figure().xValues()) {
            final List<String> row = new ArrayList<>();
            row.add(x);
            for (FigureResult.SeriesResult s : figure.series()) {
                row.add(cell(s.at(x)));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** What the figure swept and plotted, in one sentence. */
    public String caption(FigureResult figure) {
        final Profile p = data.plan().profile();
        return "Figure " + figure.figure().number() + ": " + figure.figure().title() + ". y: " + figure.figure().yLabel()
                + "; x: " + figure.figure().xLabel() + ". " + p.networkSize() + " peers, pong cache "
                + p.pongCacheSize() + ", " + fmt(p.simulatedDays()) + " days, " + p.seeds() + " seeds per point, "
                + "fixed: " + (figure.figure().base().isEmpty() ? "Table 1 defaults" : figure.figure().base()
                + " over Table 1 defaults") + ". Costs: " + figure.costs().id() + ". Error bars: 95% CI (Student t)."
                + (figure.failures() > 0 ? " FAILED RUNS: " + figure.failures() + "." : "");
    }

    /** The main report then every re-costed one. */
    public List<ReportData> allTables() {
        final List<ReportData> all = new ArrayList<>();
        all.add(data);
        all.addAll(recosted);
        return all;
    }

    /** Figure 1's broker loads under every cost table: how the comparison moves from one table to another. */
    public Table figure1AcrossCostTables() {
        final List<ReportData> all = allTables();
        final List<String> xs = data.xValues(1);
        final List<String> header = new ArrayList<>();
        header.add("cost table");
        for (String x : xs) {
            for (String scheme : List.of("RM", "PPay*", "PPay")) {
                header.add(scheme + " @ DM " + x + " (Hz)");
            }
        }
        final List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            final ReportData d = all.get(i);
            final List<String> row = new ArrayList<>();
            row.add("#" + (i + 1) + " " + d.costs().id());
            for (String x : xs) {
                for (String scheme : List.of("RM", "PPay*", "PPay")) {
                    row.add(Claims.fmt(d.mean(1, scheme, x, "broker_hz")));
                }
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** Every claim's verdict under every cost table: which conclusions depend on what signing and verifying cost. */
    public Table claimsAcrossCostTables() {
        final List<ReportData> all = allTables();
        final List<String> header = new ArrayList<>();
        header.add("claim");
        final List<List<Claims.Verdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            header.add("#" + (i + 1));
            verdicts.add(Claims.evaluate(all.get(i)));
        }
        final List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < verdicts.get(0).size(); c++) {
            final List<String> row = new ArrayList<>();
            row.add("(figure " + verdicts.get(0).get(c).figure() + ") " + verdicts.get(0).get(c).claim());
            for (List<Claims.Verdict> table : verdicts) {
                row.add(table.get(c).status().text());
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** A cost table's rows: action, cycles and ns per operation, bytes. */
    public static Table costs(CostTable table) {
        final List<List<String>> rows = new ArrayList<>();
        for (CostEntry e : table.entries()) {
            rows.add(List.of(e.action().csvName(), Claims.fmt(e.cyclesPerOp()), Claims.fmt(e.nsPerOp()),
                    Integer.toString(e.bytes()), e.sourceBenchmark()));
        }
        return new Table(List.of("action", "cycles/op", "ns/op", "bytes", "source"), rows);
    }

    private static String cell(FigureResult.Point p) {
        if (p == null || p.estimate() == null) {
            return p != null && p.failures() > 0 ? "failed" : "n/a";
        }
        final Estimate e = p.estimate();
        final String mean = Claims.fmt(e.mean());
        final String cell = Double.isNaN(e.halfWidth95()) ? mean : mean + " ± " + Claims.fmt(e.halfWidth95());
        return p.failures() > 0 ? cell + " (" + p.failures() + " failed)" : cell;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
