package org.ppay.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep file: one run per line, each line a list of {@code key=value} pairs separated by spaces that override the
 * base parameters; blank lines and lines starting with {@code #} are ignored, except {@code # plan: NAME}, which
 * names the plan. The pair {@code run=ID} gives the run its id; a line without one gets its position among the runs
 * (0, 1, ...). Example:
 * <pre>
 * # plan: downtime study
 * run=a scheme=PPAY downtime-multiplier=1
 * run=b scheme=RM   downtime-multiplier=20 seed=2
 * </pre>
 * A file without a plan line is named {@code sweep <file name>}.
 */
public final class SweepFile {

    /** The comment that names a plan. */
    public static final String PLAN_PREFIX = "# plan: ";

    private static final String RUN_KEY = "run";

    private SweepFile() {
    }

    /** The plan of {@code file}, each line applied to {@code base}; errors name the file and line. */
    public static SweepPlan read(Path file, SimulationParameters base) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sweep file " + file + ": " + e.getMessage(), e);
        }
        final Path name = file.getFileName();
        return parsePlan(file.toString(), "sweep " + (name == null ? file : name), lines, base);
    }

    /** The parameter sets of {@code lines}, in order. */
    static List<SimulationParameters> parse(String where, List<String> lines, SimulationParameters base) {
        final List<SimulationParameters> runs = new ArrayList<>();
        for (SweepPlan.Run run : parsePlan(where, where, lines, base).runs()) {
            runs.add(run.parameters());
        }
        return runs;
    }

    static SweepPlan parsePlan(String where, String defaultName, List<String> lines, SimulationParameters base) {
        final List<SweepPlan.Run> runs = new ArrayList<>();
        String name = defaultName;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.startsWith(PLAN_PREFIX.strip())) {
                name = line.substring(PLAN_PREFIX.strip().length()).strip();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final Map<String, String> overrides = new LinkedHashMap<>();
            for (String pair : line.split("\\s+")) {
                final int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(where + ": line " + (i + 1) + ": '" + pair
                            + "' is not key=value");
                }
                if (overrides.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException(where + ": line " + (i + 1) + ": " + pair.substring(0, eq)
                            + " is set twice");
                }
            }
            final String id = overrides.containsKey(RUN_KEY) ? overrides.remove(RUN_KEY)
                    : Integer.toString(runs.size());
            try {
                runs.add(new SweepPlan.Run(id, base.with(overrides)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(where + ": no runs (every line is blank or a comment)");
        }
        try {
            return new SweepPlan(name, runs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text of {@code plan} as a sweep file: the plan line, then one line per run with its id and every parameter
     * that differs from the defaults, so that reading it back over the defaults gives the same plan (and hash).
     */
    public static String format(SweepPlan plan) {
        final StringBuilder text = new StringBuilder(PLAN_PREFIX).append(plan.name()).append('\n');
        text.append("# ").append(plan.runs().size()).append(" runs, one per line: run id, then the parameters that")
                .append(" differ from Table 1's defaults.\n");
        text.append("# Run it with: ppay simulate --sweep FILE [--shard i/n] --out runs.csv\n");
        final Map<String, String> defaults = SimulationParameters.defaults().values();
        for (SweepPlan.Run run : plan.runs()) {
            text.append(RUN_KEY).append('=').append(run.id());
            for (Map.Entry<String, String> e : run.parameters().values().entrySet()) {
                if (!e.getValue().equals(defaults.get(e.getKey()))) {
                    text.append(' ').append(e.getKey()).append('=').append(e.getValue());
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Writes {@link #format(SweepPlan)} to {@code file}. */
    public static void write(Path file, SweepPlan plan) {
        try {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, format(plan), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
