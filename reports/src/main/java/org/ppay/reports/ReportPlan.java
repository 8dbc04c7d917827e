package org.ppay.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ppay.sim.SimulationParameters;
import org.ppay.sim.SweepPlan;

/**
 * Which simulations a report needs: for every figure, series, x value and seed, the parameters of one run. Points
 * that several figures share (figures 1 and 2, 6 and 7, 8 and 9) are run once.
 *
 * @param profile    the scale
 * @param figures    the figures to produce
 * @param firstSeed  seeds are {@code firstSeed, firstSeed + 1, ...}, one per run of a point
 */
public record ReportPlan(Profile profile, List<FigureSpec> figures, long firstSeed) {

    public ReportPlan {
        figures = List.copyOf(figures);
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one figure");
        }
    }

    /** The parameters of one run: defaults, then the profile, figure, series and x value, then the seed. */
    public SimulationParameters parameters(FigureSpec figure, Series series, String x, int seedIndex) {
        final Map<String, String> overrides = new LinkedHashMap<>(profile.base());
        overrides.putAll(figure.base());
        overrides.putAll(series.overrides());
        overrides.put(figure.xKey(), x);
        overrides.put("seed", Long.toString(firstSeed + seedIndex));
        try {
            return SimulationParameters.defaults().with(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("figure " + figure.number() + ", series '" + series.label() + "', "
                    + figure.xKey() + " = " + x + ": " + e.getMessage(), e);
        }
    }

    /** The plan's name in runs.csv and plan files: profile, seeds, first seed and figures; {@link #parse} reads it. */
    public String name() {
        final List<String> numbers = new ArrayList<>();
        for (FigureSpec figure : figures) {
            numbers.add(Integer.toString(figure.number()));
        }
        return "report profile=" + profile.name() + " seeds=" + profile.seeds() + " seed=" + firstSeed + " figures="
                + String.join(",", numbers);
    }

    /**
     * The plan named {@code name} (as {@link #name()} writes it) for one of the named profiles.
     *
     * @throws IllegalArgumentException when the name is not a report plan's
     */
    public static ReportPlan parse(String name) {
        final Map<String, String> fields = new LinkedHashMap<>();
        final String[] words = name.strip().split("\\s+");
        if (words.length == 0 || !words[0].equals("report")) {
            throw new IllegalArgumentException("plan '" + name + "' is not a report's plan (ppay report --plan writes"
                    + " those); render other sweeps from their runs.csv yourself");
        }
        for (int i = 1; i < words.length; i++) {
            final int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("plan '" + name + "': '" + words[i] + "' is not key=value");
            }
            fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        for (String key : List.of("profile", "seeds", "seed", "figures")) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException("plan '" + name + "' does not say its " + key);
            }
        }
        try {
            final Profile profile = Profile.named(fields.get("profile")).withSeeds(Integer.parseInt(fields.get("seeds")));
            final Set<Integer> numbers = new LinkedHashSet<>();
            for (String n : fields.get("figures").split(",")) {
                numbers.add(Integer.parseInt(n));
            }
            return new ReportPlan(profile, Figures.select(Figures.section7(profile), numbers),
                    Long.parseLong(fields.get("seed")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plan '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The runs of {@link #runs()} with their ids (their positions) under {@link #name()}. */
    public SweepPlan sweepPlan() {
        return SweepPlan.numbered(name(), runs());
    }

    /** Every distinct run, in a fixed order (figure, series, x, seed). */
    public List<SimulationParameters> runs() {
        final Set<SimulationParameters> all = new LinkedHashSet<>();
        for (FigureSpec figure : figures) {
            for (Series series : figure.series()) {
                for (String x : figure.xValues()) {
                    for (int s = 0; s < profile.seeds(); s++) {
                        all.add(parameters(figure, series, x, s));
                    }
                }
            }
        }
        return new ArrayList<>(all);
    }
}
