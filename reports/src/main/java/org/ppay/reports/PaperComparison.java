package org.ppay.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Our value beside each number of {@link PaperReference}, computed from the report's runs (means over seeds).
 * A number whose point the report did not simulate (figure not selected, x value not in the profile) is NaN and
 * shown as "not in this report".
 */
public final class PaperComparison {

    /** A paper number and ours. */
    public record Row(PaperReference.Entry paper, double ours) {

        public boolean evaluated() {
            return !Double.isNaN(ours);
        }
    }

    private static final Map<String, ToDoubleFunction<ReportData>> OURS = new LinkedHashMap<>();

    static {
        OURS.put("f1_rm_dm1", d -> d.mean(1, "RM", "1", "broker_hz"));
        OURS.put("f1_ppay_star_dm1", d -> d.mean(1, "PPay*", "1", "broker_hz"));
        OURS.put("f1_ppay_dm1", d -> d.mean(1, "PPay", "1", "broker_hz"));
        OURS.put("f1_ppay_star_reassign_renew_share_dm1", d -> 100 * (d.mean(1, "PPay*", "1", "broker_hz_reassignment")
                + d.mean(1, "PPay*", "1", "broker_hz_renewal")) / d.mean(1, "PPay*", "1", "broker_hz"));
        OURS.put("f1_rm_dm20", d -> d.mean(1, "RM", "20", "broker_hz"));
        OURS.put("f1_ppay_dm20", d -> d.mean(1, "PPay", "20", "broker_hz"));
        OURS.put("f1_ppay_star_dm20", d -> d.mean(1, "PPay*", "20", "broker_hz"));
        OURS.put("f1_ppay_star_reassign_share_dm20", d -> 100 * d.mean(1, "PPay*", "20", "broker_hz_reassignment")
                / d.mean(1, "PPay*", "20", "broker_hz"));
        OURS.put("f1_online_dm20", d -> 100 * d.mean(1, "PPay", "20", "fraction_online"));
        OURS.put("f2_ppay_over_rm_peer_dm1", d -> 100 * (d.mean(2, "PPay", "1", "peer_hz_mean")
                / d.mean(2, "RM", "1", "peer_hz_mean") - 1));
        OURS.put("f3_layers_spread", PaperComparison::layersSpreadPercent);
        OURS.put("f4_renewal_share_rw10", d -> renewalShare(d, "10"));
        OURS.put("f4_renewal_share_rw30", d -> renewalShare(d, "30"));
        OURS.put("f6_payword_over_soft_w10", d -> ratio(d, 6, "10", "broker_hz"));
        OURS.put("f6_payword_over_soft_w100", d -> ratio(d, 6, "100", "broker_hz"));
        OURS.put("f7_payword_over_soft_w10", d -> ratio(d, 7, "10", "peer_hz_mean"));
        OURS.put("f7_payword_over_soft_w100", d -> ratio(d, 7, "100", "peer_hz_mean"));
        OURS.put("f8_max_loss_w100", d -> d.mean(8, "max, 0% lazy", "100", "credit_loss_max"));
        OURS.put("f8_p90_loss_w100", d -> d.mean(8, "max, 0% lazy", "100", "credit_loss_p90"));
        OURS.put("f8_mean_loss_w100", d -> d.mean(8, "mean, 0% lazy", "100", "credit_loss_mean"));
        OURS.put("f9_max_loss_cap500_w100", d -> max(d.values(9, "cap 500", "100", "credit_loss_max")));
    }

    private PaperComparison() {
    }

    /** Every paper number with ours beside it. */
    public static List<Row> rows(ReportData data) {
        final List<Row> rows = new ArrayList<>();
        for (PaperReference.Entry entry : PaperReference.load()) {
            final ToDoubleFunction<ReportData> ours = OURS.get(entry.id());
            if (ours == null) {
                throw new IllegalStateException("paper reference " + entry.id() + " has no computation of ours");
            }
            rows.add(new Row(entry, ours.applyAsDouble(data)));
        }
        return rows;
    }

    static double renewalShare(ReportData d, String renewalWait) {
        return 100 * d.mean(4, "renewal", renewalWait, "peer_hz_mean_renewal")
                / d.mean(4, "total", renewalWait, "peer_hz_mean");
    }

    static double ratio(ReportData d, int figure, String window, String metric) {
        return d.mean(figure, "Payword", window, metric) / d.mean(figure, "soft credit windows", window, metric);
    }

    static double layersSpreadPercent(ReportData d) {
        final List<Double> means = new ArrayList<>();
        for (String x : d.xValues(3)) {
            means.add(d.mean(3, "PPay", x, "broker_hz"));
        }
        if (means.size() < 2) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double m : means) {
            min = Math.min(min, m);
            max = Math.max(max, m);
            sum += m;
        }
        return 100 * (max - min) / (sum / means.size());
    }

    private static double max(List<Double> values) {
        double max = Double.NaN;
        for (double v : values) {
            max = Double.isNaN(max) ? v : Math.max(max, v);
        }
        return max;
    }
}
