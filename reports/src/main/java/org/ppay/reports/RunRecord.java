package org.ppay.reports;

import java.util.Map;
import org.ppay.costs.CostTable;
import org.ppay.sim.SimulationParameters;

/**
 * One simulation run as the report keeps it: its parameters, the cost-free metrics (counts, state, credit), and the
 * load metrics priced with every cost table of the report, all from the same action counts. A failed run keeps its
 * parameters and the failure instead of metrics.
 *
 * @param parameters   what was simulated, seed included
 * @param counts       {@code RunResult.countMetrics()}; empty when the run failed
 * @param loads        per cost-table id, {@code CostedRun.loadMetrics()}; empty when the run failed
 * @param wallSeconds  how long the run took on this machine
 * @param failure      null for a run that completed, else what went wrong
 */
public record RunRecord(SimulationParameters parameters, Map<String, String> counts,
                        Map<String, Map<String, String>> loads, double wallSeconds, String failure) {

    public RunRecord {
        counts = Map.copyOf(counts);
        loads = Map.copyOf(loads);
    }

    public boolean failed() {
        return failure != null;
    }

    /**
     * A metric of this run by runs.csv column name, loads priced with {@code costs}.
     *
     * @throws IllegalArgumentException when the run has no such metric or was not priced with that table
     */
    public double metric(String name, CostTable costs) {
        String text = counts.get(name);
        if (text == null) {
            final Map<String, String> priced = loads.get(costs.id());
            if (priced == null) {
                throw new IllegalArgumentException("run was not priced with cost table " + costs.id());
            }
            text = priced.get(name);
        }
        if (text == null) {
            throw new IllegalArgumentException("no metric '" + name + "' in a run's results");
        }
        return Double.parseDouble(text);
    }
}
