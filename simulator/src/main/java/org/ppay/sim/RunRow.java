package org.ppay.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ppay.costs.CostTable;

/**
 * One row of runs.csv: a run of a plan, completed or failed. A completed run carries its outcomes (cost-free
 * metrics), the counts its loads are priced from, and the loads priced with the table it was simulated with
 * ({@code costTable}); a failed one carries the error instead.
 *
 * @param runId     the run's id in its plan
 * @param parameters what was simulated, seed included
 * @param costTable id of the cost table {@code priced} was priced with
 * @param error     null for a completed run, else what went wrong (one line)
 * @param outcomes  {@link RunResult#outcomes()}; empty for a failed run
 * @param counts    {@link RunCounts}; null for a failed run
 * @param priced    {@link RunLoads#columns()} and {@link CostedRun#peerDistribution()} with {@code costTable};
 *                  empty for a failed run
 */
public record RunRow(String runId, SimulationParameters parameters, String costTable, String error,
                     Map<String, Number> outcomes, RunCounts counts, Map<String, Double> priced) {

    public RunRow {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        priced = Collections.unmodifiableMap(new LinkedHashMap<>(priced));
        if ((error == null) == (counts == null)) {
            throw new IllegalArgumentException("run " + runId + ": a row has either counts or an error");
        }
    }

    /** The row of a completed run. */
    public static RunRow of(String runId, CostedRun run) {
        final Map<String, Double> priced = new LinkedHashMap<>(run.loads().columns());
        priced.putAll(run.peerDistribution());
        return new RunRow(runId, run.run().parameters(), run.costs().id(), null, run.run().outcomes(), run.counts(),
                priced);
    }

    /** The row of a run that threw. */
    public static RunRow failed(String runId, SimulationParameters parameters, String costTable, Throwable error) {
        final String text = (error.getClass().getSimpleName() + ": " + error.getMessage()).replaceAll("\\s+", " ");
        return new RunRow(runId, parameters, costTable, text, Map.of(), null, Map.of());
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * A metric of this run by runs.csv column name: an outcome, or a load priced with {@code costs} from the counts.
     * The per-peer distribution ({@code peer_hz_p50}, {@code p99}, {@code max}) exists only under the table the run
     * was simulated with.
     *
     * @throws IllegalArgumentException for a failed run, an unknown metric, or a percentile under another table
     */
    public double metric(String name, CostTable costs) {
        if (failed()) {
            throw new IllegalArgumentException("run " + runId + " failed: it has no " + name);
        }
        final Number outcome = outcomes.get(name);
        if (outcome != null) {
            return outcome.doubleValue();
        }
        final Double load = counts.price(costs).columns().get(name);
        if (load != null) {
            return load;
        }
        if (priced.containsKey(name)) {
            if (!costs.id().equals(costTable)) {
                throw new IllegalArgumentException(name + " of run " + runId + " is priced only with the table it was"
                        + " simulated with (" + costTable + "): runs.csv keeps no per-peer counts to re-price it with "
                        + costs.id());
            }
            return priced.get(name);
        }
        throw new IllegalArgumentException("no metric '" + name + "' in runs.csv");
    }
}
