package org.ppay.costs;

import java.util.Locale;

/** Two cost tables side by side (hosts, providers, suites): per action, both figures and their ratio b/a. */
public final class CostComparison {

    private CostComparison() {
    }

    /** A fixed-width text table; ratios above 1 mean b costs more than a. */
    public static String format(CostTable a, CostTable b) {
        StringBuilder text = new StringBuilder();
        text.append("a = ").append(a.id()).append(" (").append(host(a)).append(")\n");
        text.append("b = ").append(b.id()).append(" (").append(host(b)).append(")\n");
        String header = String.format(Locale.ROOT, "%-30s %12s %12s %7s %12s %12s %7s %7s %7s%n", "action", "a ns/op",
                "b ns/op", "b/a", "a cycles", "b cycles", "b/a", "a bytes", "b bytes");
        text.append(header);
        text.append("-".repeat(header.length() - 1)).append('\n');
        for (CostAction action : CostAction.values()) {
            CostEntry x = a.entry(action);
            CostEntry y = b.entry(action);
            if (x == null || y == null) {
                text.append(String.format(Locale.ROOT, "%-30s %s%n", action.csvName(),
                        "not in " + (x == null && y == null ? "either table" : x == null ? "a" : "b")));
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-30s %12.1f %12.1f %7.2f %12.0f %12.0f %7.2f %7d %7d%n",
                    action.csvName(), x.nsPerOp(), y.nsPerOp(), y.nsPerOp() / x.nsPerOp(), x.cyclesPerOp(),
                    y.cyclesPerOp(), y.cyclesPerOp() / x.cyclesPerOp(), x.bytes(), y.bytes()));
        }
        return text.toString();
    }

    private static String host(CostTable table) {
        CostEntry first = table.entries().iterator().next();
        return String.format(Locale.ROOT, "%s at %.2f GHz, JDK %s", first.cpuModel(), first.ghz(), first.jdk());
    }
}
