package org.ppay.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The qualitative claims of section 7, each checked against our runs (means over seeds). A claim whose data the
 * report does not hold is NOT_EVALUATED, never counted as holding.
 */
public final class Claims {

    /** The verdict on one claim. */
    public enum Status {
        HOLDS("holds"), DOES_NOT_HOLD("does not hold"), NOT_EVALUATED("not evaluated");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A claim, the figure it belongs to, the verdict and the numbers behind it. */
    public record Verdict(int figure, String claim, Status status, String evidence) {
    }

    private record Check(int figure, String claim, Function<ReportData, Verdict> rule) {
    }

    /** Tolerance for "barely affected" and "does not significantly degrade": a relative change below 25%. */
    static final double SMALL_CHANGE = 0.25;

    private Claims() {
    }

    /** Every claim, evaluated on {@code data}. */
    public static List<Verdict> evaluate(ReportData data) {
        final List<Check> checks = List.of(
                new Check(1, "PPay broker load is below RM at every Downtime Multiplier",
                        d -> everyX(d, 1, "PPay", "RM", "broker_hz", true)),
                new Check(1, "PPay* broker load is below RM at Downtime Multiplier 1",
                        d -> atX(d, 1, "PPay*", "RM", "1", "broker_hz")),
                new Check(1, "PPay broker load is at most PPay* at every Downtime Multiplier",
                        d -> everyX(d, 1, "PPay", "PPay*", "broker_hz", true)),
                new Check(1, "At Downtime Multiplier 20 PPay* has the highest broker load of the three schemes",
                        Claims::ppayStarHighestAt20),
                new Check(1, "Few peers are online at Downtime Multiplier 20 (paper: 3%; claim checked: under 10%)",
                        Claims::fewOnlineAt20),
                new Check(2, "PPay mean peer processing load is higher than RM at Downtime Multiplier 1",
                        d -> atX(d, 2, "RM", "PPay", "1", "peer_hz_mean")),
                new Check(3, "Max Layers barely changes PPay broker load (spread under 25% of the mean)",
                        Claims::layersBarelyMatter),
                new Check(4, "The renewal share of peer load falls as Renewal Wait grows",
                        Claims::renewalShareFalls),
                new Check(5, "Proofs stored per peer grow with Renewal Wait",
                        d -> firstVersusLast(d, 5, "mean over peers", "proofs_mean", true)),
                new Check(6, "Soft credit windows give lower broker load than Payword at every window size",
                        d -> everyX(d, 6, "soft credit windows", "Payword", "broker_hz", false)),
                new Check(6, "A larger credit window lowers broker load (both window types)",
                        d -> both(firstVersusLast(d, 6, "Payword", "broker_hz", false),
                                firstVersusLast(d, 6, "soft credit windows", "broker_hz", false))),
                new Check(7, "Soft credit windows give lower peer load than Payword at every window size",
                        d -> everyX(d, 7, "soft credit windows", "Payword", "peer_hz_mean", false)),
                new Check(8, "Maximum credit loss grows with credit window size (no lazy peers)",
                        d -> firstVersusLast(d, 8, "max, 0% lazy", "credit_loss_max", true)),
                new Check(8, "Mean credit loss is far below the maximum (no lazy peers, largest window)",
                        Claims::meanFarBelowMax),
                new Check(9, "With NetLossCap v no peer loses more than v", Claims::capBoundsLoss),
                new Check(9, "A cap of 500 or more changes broker load by under 25% against no cap (largest window)",
                        Claims::capBarelyCosts));
        final List<Verdict> verdicts = new ArrayList<>();
        for (Check check : checks) {
            final Verdict v = check.rule().apply(data);
            verdicts.add(new Verdict(check.figure(), check.claim(), v.status(), v.evidence()));
        }
        return verdicts;
    }

    private static Verdict verdict(boolean holds, String evidence) {
        return new Verdict(0, "", holds ? Status.HOLDS : Status.DOES_NOT_HOLD, evidence);
    }

    private static Verdict notEvaluated(String why) {
        return new Verdict(0, "", Status.NOT_EVALUATED, why);
    }

    /** {@code lower} below {@code higher} at one x value of a figure. */
    static Verdict atX(ReportData d, int figure, String lower, String higher, String x, String metric) {
        final double a = d.mean(figure, lower, x, metric);
        final double b = d.mean(figure, higher, x, metric);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return notEvaluated("figure " + figure + " at x = " + x + " is not in this report");
        }
        return verdict(a < b, lower + " " + fmt(a) + " vs " + higher + " " + fmt(b) + " at x = " + x);
    }

    /** {@code lower} below (or, when {@code orEqual}, at most) {@code higher} at every x value of a figure. */
    static Verdict everyX(ReportData d, int figure, String lower, String higher, String metric, boolean orEqual) {
        final List<String> xs = d.xValues(figure);
        if (xs.isEmpty()) {
            return notEvaluated("figure " + figure + " is not in this report");
        }
        boolean holds = true;
        final StringBuilder evidence = new StringBuilder();
        for (String x : xs) {
            final double a = d.mean(figure, lower, x, metric);
            final double b = d.mean(figure, higher, x, metric);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return notEvaluated("figure " + figure + " lacks completed runs at x = " + x);
            }
            holds &= orEqual ? a <= b : a < b;
            evidence.append(evidence.length() == 0 ? "" : "; ").append("x=").append(x).append(": ")
                    .append(fmt(a)).append(" vs ").append(fmt(b));
        }
        return verdict(holds, lower + " vs " + higher + ": " + evidence);
    }

    /** The series at the largest x is above ({@code rises}) or below the series at the smallest x. */
    static Verdict firstVersusLast(ReportData d, int figure, String series, String metric, boolean rises) {
        final List<String> xs = d.xValues(figure);
        if (xs.size() < 2) {
            return notEvaluated("figure " + figure + " is not in this report or has one x value");
        }
        final String first = xs.get(0);
        final String last = xs.get(xs.size() - 1);
        final double a = d.mean(figure, series, first, metric);
        final double b = d.mean(figure, series, last, metric);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return notEvaluated("figure " + figure + " lacks completed runs");
        }
        return verdict(rises ? b > a : b < a, series + ": " + fmt(a) + " at x = " + first + ", " + fmt(b)
                + " at x = " + last);
    }

    private static Verdict both(Verdict a, Verdict b) {
        if (a.status() == Status.NOT_EVALUATED || b.status() == Status.NOT_EVALUATED) {
            return notEvaluated(a.evidence() + "; " + b.evidence());
        }
        return verdict(a.status() == Status.HOLDS && b.status() == Status.HOLDS, a.evidence() + "; " + b.evidence());
    }

    private static Verdict ppayStarHighestAt20(ReportData d) {
        final double star = d.mean(1, "PPay*", "20", "broker_hz");
        final double ppay = d.mean(1, "PPay", "20", "broker_hz");
        final double rm = d.mean(1, "RM", "20", "broker_hz");
        if (Double.isNaN(star) || Double.isNaN(ppay) || Double.isNaN(rm)) {
            return notEvaluated("figure 1 at Downtime Multiplier 20 is not in this report");
        }
        return verdict(star > ppay && star > rm, "PPay* " + fmt(star) + ", PPay " + fmt(ppay) + ", RM " + fmt(rm));
    }

    private static Verdict fewOnlineAt20(ReportData d) {
        final double online = d.mean(1, "PPay", "20", "fraction_online");
        if (Double.isNaN(online)) {
            return notEvaluated("figure 1 at Downtime Multiplier 20 is not in this report");
        }
        return verdict(online < 0.10, String.format(Locale.ROOT, "%.1f%% online on average", 100 * online));
    }

    private static Verdict layersBarelyMatter(ReportData d) {
        final double spread = PaperComparison.layersSpreadPercent(d);
        if (Double.isNaN(spread)) {
            return notEvaluated("figure 3 is not in this report");
        }
        return verdict(spread < 100 * SMALL_CHANGE,
                String.format(Locale.ROOT, "(max - min) / mean of PPay broker load over Max Layers = %.1f%%", spread));
    }

    private static Verdict renewalShareFalls(ReportData d) {
        final List<String> xs = d.xValues(4);
        if (xs.size() < 2) {
            return notEvaluated("figure 4 is not in this report");
        }
        final double first = PaperComparison.renewalShare(d, xs.get(0));
        final double last = PaperComparison.renewalShare(d, xs.get(xs.size() - 1));
        if (Double.isNaN(first) || Double.isNaN(last)) {
            return notEvaluated("figure 4 lacks completed runs");
        }
        return verdict(last < first, String.format(Locale.ROOT, "renewal share %.1f%% at %s days, %.1f%% at %s days",
                first, xs.get(0), last, xs.get(xs.size() - 1)));
    }

    private static Verdict meanFarBelowMax(ReportData d) {
        final List<String> xs = d.xValues(8);
        if (xs.isEmpty()) {
            return notEvaluated("figure 8 is not in this report");
        }
        final String x = xs.get(xs.size() - 1);
        final double mean = d.mean(8, "mean, 0% lazy", x, "credit_loss_mean");
        final double max = d.mean(8, "max, 0% lazy", x, "credit_loss_max");
        if (Double.isNaN(mean) || Double.isNaN(max)) {
            return notEvaluated("figure 8 lacks the 0% lazy series");
        }
        return verdict(mean < 0.25 * max, "mean " + fmt(mean) + ", max " + fmt(max) + " at window " + x);
    }

    private static Verdict capBoundsLoss(ReportData d) {
        final FigureResult figure = d.figure(9);
        if (figure == null) {
            return notEvaluated("figure 9 is not in this report");
        }
        boolean holds = true;
        boolean any = false;
        final StringBuilder evidence = new StringBuilder();
        for (Series s : figure.figure().series()) {
            final String cap = s.overrides().get("net-loss-cap");
            if (cap == null || cap.equalsIgnoreCase("infinite")) {
                continue;
            }
            double worst = Double.NEGATIVE_INFINITY;
            for (String x : figure.figure().xValues()) {
                for (double v : d.values(9, s.label(), x, "credit_loss_max")) {
                    worst = Math.max(worst, v);
                    any = true;
                }
            }
            holds &= worst <= Double.parseDouble(cap);
            evidence.append(evidence.length() == 0 ? "" : "; ").append("cap ").append(cap)
                    .append(": worst loss ").append(fmt(worst));
        }
        if (!any) {
            return notEvaluated("figure 9 has no completed capped runs");
        }
        return verdict(holds, evidence.toString());
    }

    private static Verdict capBarelyCosts(ReportData d) {
        final FigureResult figure = d.figure(9);
        if (figure == null) {
            return notEvaluated("figure 9 is not in this report");
        }
        final List<String> xs = figure.figure().xValues();
        final String x = xs.get(xs.size() - 1);
        final double uncapped = d.mean(9, "cap infinite", x, "broker_hz");
        if (Double.isNaN(uncapped)) {
            return notEvaluated("figure 9 lacks the uncapped series");
        }
        boolean holds = true;
        boolean any = false;
        final StringBuilder evidence = new StringBuilder("no cap " + fmt(uncapped));
        for (Series s : figure.figure().series()) {
            final String cap = s.overrides().get("net-loss-cap");
            if (cap == null || cap.equalsIgnoreCase("infinite") || Double.parseDouble(cap) < 500) {
                continue;
            }
            final double capped = d.mean(9, s.label(), x, "broker_hz");
            if (Double.isNaN(capped)) {
                continue;
            }
            any = true;
            holds &= Math.abs(capped - uncapped) < SMALL_CHANGE * uncapped;
            evidence.append("; cap ").append(cap).append(' ').append(fmt(capped));
        }
        if (!any) {
            return notEvaluated("figure 9 has no cap of 500 or more");
        }
        return verdict(holds, evidence + " (broker Hz at window " + x + ")");
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value != 0 && (Math.abs(value) >= 1e4 || Math.abs(value) < 1e-2)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
