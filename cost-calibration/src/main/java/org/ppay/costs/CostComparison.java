package org.ppay.costs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost tables side by side (hosts, providers, suites, JDKs): per action, every table's ns/op and cycles/op with its
 * ratio to the first table; and a regression gate that compares each table with the first.
 */
public final class CostComparison {

    private CostComparison() {
    }

    /**
     * An action whose cost grew beyond the gate: by more than the threshold and by more than both tables' error bars
     * together, so that the two confidence intervals do not overlap.
     *
     * @param action    the action
     * @param baseline  the first table's id
     * @param candidate the grown table's id
     * @param ratio     candidate cycles / baseline cycles
     * @param growth    candidate cycles - baseline cycles
     * @param errorBars both tables' error bars in cycles, added
     */
    public record Regression(CostAction action, String baseline, String candidate, double ratio, double growth,
                             double errorBars) {

        public String describe() {
            return String.format(Locale.ROOT, "%s: %s costs %.2fx %s (+%.0f cycles, error bars together %.0f)",
                    action.csvName(), candidate, ratio, baseline, growth, errorBars);
        }
    }

    /** What the gate found: regressions, and the actions it could not judge for want of error bars. */
    public record GateResult(List<Regression> regressions, List<String> ungated, int judged) {

        public GateResult {
            regressions = List.copyOf(regressions);
            ungated = List.copyOf(ungated);
        }
    }

    /** Two tables: {@link #format(List)} of both. */
    public static String format(CostTable a, CostTable b) {
        return format(List.of(a, b));
    }

    /** A fixed-width text table: a column per table, ratios to table #1 (above 1: dearer than #1). */
    public static String format(List<CostTable> tables) {
        if (tables.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two cost tables, got " + tables.size());
        }
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            text.append('#').append(i + 1).append(" = ").append(tables.get(i).id()).append(" (")
                    .append(host(tables.get(i))).append(")\n");
        }
        block(text, tables, "ns/op", true);
        text.append('\n');
        block(text, tables, "cycles", false);
        return text.toString();
    }

    private static void block(StringBuilder text, List<CostTable> tables, String unit, boolean ns) {
        final StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s", "action (" + unit + ")"));
        for (int i = 0; i < tables.size(); i++) {
            header.append(String.format(Locale.ROOT, " %12s", "#" + (i + 1)));
            if (i > 0) {
                header.append(String.format(Locale.ROOT, " %7s", "/#1"));
            }
        }
        text.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (CostAction action : CostAction.values()) {
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-30s", action.csvName()));
            final CostEntry first = tables.get(0).entry(action);
            for (int i = 0; i < tables.size(); i++) {
                final CostEntry e = tables.get(i).entry(action);
                if (e == null) {
                    row.append(String.format(Locale.ROOT, " %12s", "-"));
                    if (i > 0) {
                        row.append(String.format(Locale.ROOT, " %7s", "-"));
                    }
                    continue;
                }
                final double value = ns ? e.nsPerOp() : e.cyclesPerOp();
                row.append(String.format(Locale.ROOT, ns ? " %12.1f" : " %12.0f", value));
                if (i > 0) {
                    final double base = first == null ? Double.NaN : ns ? first.nsPerOp() : first.cyclesPerOp();
                    row.append(first == null || base == 0 ? String.format(Locale.ROOT, " %7s", "-")
                            : String.format(Locale.ROOT, " %7.2f", value / base));
                }
            }
            text.append(row).append('\n');
        }
    }

    /**
     * The gate: every action of every later table whose cycles/op exceed the first table's by more than
     * {@code maxIncrease} (0.25 = 25%) and by more than both error bars together. An action without an error bar in
     * either table (a smoke run, one iteration) is not judged.
     */
    public static GateResult gate(List<CostTable> tables, double maxIncrease) {
        if (!(maxIncrease >= 0) || !Double.isFinite(maxIncrease)) {
            throw new IllegalArgumentException("the gate's threshold must be a percentage >= 0, got "
                    + 100 * maxIncrease);
        }
        final CostTable baseline = tables.get(0);
        final List<Regression> regressions = new ArrayList<>();
        final List<String> ungated = new ArrayList<>();
        int judged = 0;
        for (CostTable candidate : tables.subList(1, tables.size())) {
            for (CostAction action : CostAction.values()) {
                final CostEntry a = baseline.entry(action);
                final CostEntry b = candidate.entry(action);
                if (a == null || b == null) {
                    continue;
                }
                final double errors = errorCycles(a) + errorCycles(b);
                if (Double.isNaN(errors)) {
                    ungated.add(action.csvName() + " (" + candidate.id() + ")");
                    continue;
                }
                judged++;
                final double growth = b.cyclesPerOp() - a.cyclesPerOp();
                if (growth > maxIncrease * a.cyclesPerOp() && growth > errors) {
                    regressions.add(new Regression(action, baseline.id(), candidate.id(),
                            b.cyclesPerOp() / a.cyclesPerOp(), growth, errors));
                }
            }
        }
        return new GateResult(regressions, ungated, judged);
    }

    /** An entry's error bar in cycles (JMH's 99.9% half-interval at the table's clock); NaN when unknown. */
    static double errorCycles(CostEntry e) {
        return e.nsError() * e.ghz();
    }

    private static String host(CostTable table) {
        CostEntry first = table.entries().iterator().next();
        return String.format(Locale.ROOT, "%s at %.2f GHz, JDK %s", first.cpuModel(), first.ghz(), first.jdk());
    }
}
