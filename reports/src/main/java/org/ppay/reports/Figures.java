package org.ppay.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nine figures of section 7, as sweeps over a {@link Profile}. */
public final class Figures {

    static final String SCHEME = "scheme";
    static final String WINDOW_TYPE = "window-type";

    private Figures() {
    }

    /** Every figure of section 7 at the given profile's scale. */
    public static List<FigureSpec> section7(Profile profile) {
        final List<Series> schemes = List.of(
                scheme("RM", "RM"), scheme("PPay*", "PPAY_STAR"), scheme("PPay", "PPAY"));
        final List<FigureSpec> figures = new ArrayList<>();
        figures.add(new FigureSpec(1, "Broker processing load: PPay vs PPay* vs RM as Downtime Multiplier varies",
                "downtime-multiplier", "Downtime Multiplier (x)", profile.downtimeMultipliers(),
                "Broker processing load (Hz = cycles/s)", Map.of(), metric(schemes, "broker_hz"), true));
        figures.add(new FigureSpec(2, "Mean peer processing load: PPay vs PPay* vs RM as Downtime Multiplier varies",
                "downtime-multiplier", "Downtime Multiplier (x)", profile.downtimeMultipliers(),
                "Mean peer processing load (Hz = cycles/s)", Map.of(), metric(schemes, "peer_hz_mean"), true));
        figures.add(new FigureSpec(3, "Broker load is barely affected by Max Layers (Downtime Multiplier 20)",
                "max-layers", "Max Layers (layers)", profile.maxLayers(), "Broker processing load (Hz = cycles/s)",
                Map.of("downtime-multiplier", "20"), List.of(
                        scheme("PPay", "PPAY").withMetric("broker_hz"),
                        scheme("RM", "RM").withMetric("broker_hz")), false));
        figures.add(new FigureSpec(4, "Peer processing load by task as Renewal Wait varies (PPay)",
                "renewal-wait-days", "Renewal Wait (days)", profile.renewalWaitDays(),
                "Mean peer processing load (Hz = cycles/s)", Map.of(), List.of(
                        new Series("GUESS", Map.of(), "peer_hz_mean_guess"),
                        new Series("reassignment", Map.of(), "peer_hz_mean_reassignment"),
                        new Series("renewal", Map.of(), "peer_hz_mean_renewal"),
                        new Series("misc", Map.of(), "peer_hz_mean_misc"),
                        new Series("total", Map.of(), "peer_hz_mean")), false));
        figures.add(new FigureSpec(5, "Peer storage (proofs stored, time-averaged) as Renewal Wait varies (PPay)",
                "renewal-wait-days", "Renewal Wait (days)", profile.renewalWaitDays(),
                "Proofs stored per peer (time-averaged, proofs)", Map.of(), List.of(
                        new Series("mean over peers", Map.of(), "proofs_mean"),
                        new Series("p99 over peers", Map.of(), "proofs_p99")), false));
        final List<Series> windowTypes = List.of(
                new Series("Payword", Map.of(WINDOW_TYPE, "PAYWORD"), ""),
                new Series("soft credit windows", Map.of(WINDOW_TYPE, "SOFT_CREDIT"), ""));
        figures.add(new FigureSpec(6, "Broker load: Payword vs soft credit windows as Credit Window Size varies",
                "credit-window-size", "Credit Window Size (picopayments)", profile.windowSizes(),
                "Broker processing load (Hz = cycles/s)", Map.of(), metric(windowTypes, "broker_hz"), false));
        figures.add(new FigureSpec(7, "Peer load: Payword vs soft credit windows as Credit Window Size varies",
                "credit-window-size", "Credit Window Size (picopayments)", profile.windowSizes(),
                "Mean peer processing load (Hz = cycles/s)", Map.of(), metric(windowTypes, "peer_hz_mean"), false));
        final List<Series> losses = new ArrayList<>();
        for (String lazy : profile.percentLazy()) {
            for (String stat : List.of("mean", "max")) {
                losses.add(new Series(stat + ", " + lazy + "% lazy", Map.of("percent-lazy", lazy),
                        "credit_loss_" + stat));
            }
        }
        figures.add(new FigureSpec(8, "Credit loss of non-lazy peers (no NetLossCap) as Credit Window Size varies",
                "credit-window-size", "Credit Window Size (picopayments)", profile.windowSizes(),
                "Credit loss l_i(end) (picopayments)", Map.of(WINDOW_TYPE, "SOFT_CREDIT"), losses, false));
        final List<Series> caps = new ArrayList<>();
        for (String cap : profile.caps()) {
            caps.add(new Series("cap " + cap, Map.of("net-loss-cap", cap), "broker_hz"));
        }
        figures.add(new FigureSpec(9, "Broker load as the NetLossCap value varies (soft credit windows)",
                "credit-window-size", "Credit Window Size (picopayments)", profile.windowSizes(),
                "Broker processing load (Hz = cycles/s)", Map.of(WINDOW_TYPE, "SOFT_CREDIT"), caps, false));
        return List.copyOf(figures);
    }

    /** The figures numbered in {@code numbers}, in order; an unknown number is an error. */
    public static List<FigureSpec> select(List<FigureSpec> all, Set<Integer> numbers) {
        final List<FigureSpec> chosen = new ArrayList<>();
        for (int n : numbers) {
            if (n < 1 || n > all.size()) {
                throw new IllegalArgumentException("--figures: there is no figure " + n + "; choose from 1 to "
                        + all.size());
            }
        }
        for (FigureSpec figure : all) {
            if (numbers.contains(figure.number())) {
                chosen.add(figure);
            }
        }
        return chosen;
    }

    private static Series scheme(String label, String scheme) {
        return new Series(label, Map.of(SCHEME, scheme), "");
    }

    private static List<Series> metric(List<Series> series, String metric) {
        final List<Series> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.withMetric(metric));
        }
        return out;
    }
}
