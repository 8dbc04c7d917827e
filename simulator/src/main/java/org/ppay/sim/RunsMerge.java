package org.ppay.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges runs.csv files (the shards of one plan, or one file) into the plan's rows, checking that they make the plan:
 * one build, the plan's hash, every run exactly once with its own parameters. Nothing is averaged over a missing run;
 * every refusal names the files and runs.
 */
public final class RunsMerge {

    private RunsMerge() {
    }

    /**
     * The rows of {@code plan} from one or more runs.csv files (shards), in plan order.
     *
     * @throws IllegalArgumentException when the files come from different ppay versions or from another plan, when a
     *                                  run appears twice, when a row's parameters are not its run's, and when runs
     *                                  are missing; the message names the files and runs
     */
    public static List<RunRow> merge(List<RunsCsv.RunsFile> files, SweepPlan plan) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no runs.csv files to merge");
        }
        final String hash = plan.sha256();
        final RunsCsv.RunsFile first = files.get(0);
        for (RunsCsv.RunsFile f : files) {
            if (!f.ppayVersion().equals(first.ppayVersion())) {
                throw new IllegalArgumentException("runs.csv files from different ppay versions: " + first.file()
                        + " is from '" + first.ppayVersion() + "', " + f.file() + " from '" + f.ppayVersion()
                        + "'; simulate every shard with the same build");
            }
            if (!f.planSha256().equals(hash)) {
                throw new IllegalArgumentException(f.file() + " holds runs of plan '" + f.plan() + "' (sha256 "
                        + f.planSha256() + "), not of plan '" + plan.name() + "' (sha256 " + hash + ")");
            }
        }
        final Map<String, SweepPlan.Run> planned = new LinkedHashMap<>();
        for (SweepPlan.Run run : plan.runs()) {
            planned.put(run.id(), run);
        }
        final Map<String, RunRow> found = new LinkedHashMap<>();
        final Map<String, List<Path>> where = new LinkedHashMap<>();
        final List<String> duplicated = new ArrayList<>();
        for (RunsCsv.RunsFile f : files) {
            for (RunRow row : f.rows()) {
                final SweepPlan.Run run = planned.get(row.runId());
                if (run == null) {
                    throw new IllegalArgumentException(f.file() + ": run " + row.runId() + " is not in plan '"
                            + plan.name() + "'");
                }
                if (!run.parameters().equals(row.parameters())) {
                    throw new IllegalArgumentException(f.file() + ": run " + row.runId() + " has parameters "
                            + row.parameters().values() + ", the plan's are " + run.parameters().values());
                }
                where.computeIfAbsent(row.runId(), k -> new ArrayList<>()).add(f.file());
                if (found.putIfAbsent(row.runId(), row) != null && !duplicated.contains(row.runId())) {
                    duplicated.add(row.runId());
                }
            }
        }
        if (!duplicated.isEmpty()) {
            final List<String> named = new ArrayList<>();
            for (String id : duplicated) {
                named.add("run " + id + " in " + where.get(id));
            }
            throw new IllegalArgumentException(duplicated.size() + " run(s) appear more than once (a shard given twice,"
                    + " or overlapping shards?): " + limit(named));
        }
        final List<String> missing = new ArrayList<>();
        final List<RunRow> rows = new ArrayList<>();
        for (SweepPlan.Run run : plan.runs()) {
            final RunRow row = found.get(run.id());
            if (row == null) {
                missing.add("run " + run.id() + " (" + describe(run.parameters()) + ")");
            } else {
                rows.add(row);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " of " + plan.runs().size() + " runs of plan '"
                    + plan.name() + "' are in none of the files (a shard not given?): " + limit(missing));
        }
        return rows;
    }

    /** The parameters of a run that differ from the defaults. */
    public static String describe(SimulationParameters parameters) {
        final Map<String, String> defaults = SimulationParameters.defaults().values();
        final List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : parameters.values().entrySet()) {
            if (!e.getValue().equals(defaults.get(e.getKey()))) {
                parts.add(e.getKey() + "=" + e.getValue());
            }
        }
        return parts.isEmpty() ? "defaults" : String.join(" ", parts);
    }

    private static String limit(List<String> items) {
        final int shown = Math.min(items.size(), 20);
        return String.join("; ", items.subList(0, shown)) + (items.size() > shown ? "; and "
                + (items.size() - shown) + " more" : "");
    }
}
