package org.ppay.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ppay.costs.CostAction;
import org.ppay.costs.CostTable;
import org.ppay.sim.load.LoadCounters;
import org.ppay.sim.load.Task;

/**
 * The counts of one run: actions and messages per entity and task, what happened, state and credit. Price it with
 * {@link #costed(CostTable)}; the same counts can be priced with any cost table without simulating again.
 *
 * @param parameters          what was simulated
 * @param durationSeconds     simulated time
 * @param counters            macro actions and messages per entity and task
 * @param tallies             queries, probes, picopayments and coin steps
 * @param meanFractionOnline  peers online, averaged over time
 * @param proofsTimeAveraged  per peer, proofs stored in its audit trail averaged over time
 * @param creditLosses        per non-lazy peer, credit others owe it when everybody leaves ({@code l_i(end)})
 * @param lazyPeers           which peers were lazy (section 7.2.3)
 * @param accounts            every peer's coins and credit at the end, for audits
 * @param statistics          events, wall time and heap of the run (machine-dependent)
 */
public record RunResult(SimulationParameters parameters, double durationSeconds, LoadCounters counters,
                        RunTallies tallies, double meanFractionOnline, double[] proofsTimeAveraged,
                        long[] creditLosses, boolean[] lazyPeers, PeerAccounts accounts, RunStatistics statistics) {

    /** Loads (Hz, bps, cores busy) priced with {@code costs}. */
    public CostedRun costed(CostTable costs) {
        return new CostedRun(this, costs);
    }

    /**
     * Every model metric that needs no cost table (what happened, state, credit), typed: counts are {@link Long},
     * fractions and averages {@link Double}. Deterministic for the parameters; runs.csv writes them in this order.
     */
    public Map<String, Number> outcomes() {
        final Map<String, Number> m = new LinkedHashMap<>();
        final RunTallies t = tallies;
        m.put("fraction_online", meanFractionOnline);
        m.put("queries", t.queries());
        m.put("probes", t.probes());
        m.put("probes_per_query", t.probesPerQuery());
        m.put("query_hit_fraction", t.queries() == 0 ? 0 : (double) t.hits() / t.queries());
        m.put("skipped_offline", t.skippedOffline());
        m.put("refused_probes", t.refusedProbes());
        m.put("picopayments", t.picopayments());
        m.put("cancelled_fraction", t.cancelledFraction());
        m.put("coin_payments", t.coinPayments());
        m.put("prepaid_coins", t.prepaidCoins());
        m.put("coins_printed", t.coinsPrinted());
        m.put("owner_assigned", t.ownerAssigned());
        m.put("reassigned_owner", t.reassignedByOwner());
        m.put("reassigned_broker", t.reassignedByBroker());
        m.put("layers_added", t.layersAdded());
        m.put("peels", t.peels());
        m.put("renewed_owner", t.renewedByOwner());
        m.put("renewed_broker", t.renewedByBroker());
        m.put("own_coin_renewals", t.ownCoinRenewals());
        m.put("coins_cashed", t.coinsCashed());
        m.put("coins_cashed_expiring", t.coinsCashedExpiring());
        m.put("coins_cashed_at_end", t.coinsCashedAtEnd());
        m.put("coins_forfeited", t.coinsForfeited());
        m.put("coin_payments_per_coin_cashed", t.coinPaymentsPerCoinCashed());
        m.put("proofs_mean", mean(proofsTimeAveraged));
        m.put("proofs_p99", percentile(proofsTimeAveraged, 0.99));
        m.put("proofs_max", percentile(proofsTimeAveraged, 1.0));
        final double[] losses = Arrays.stream(creditLosses).asDoubleStream().toArray();
        m.put("credit_loss_mean", mean(losses));
        m.put("credit_loss_p90", percentile(losses, 0.90));
        m.put("credit_loss_max", percentile(losses, 1.0));
        m.put("events", t.events());
        return m;
    }

    /** {@link #outcomes()} as text, then per action the broker's and all peers' totals and message totals. */
    public Map<String, String> countMetrics() {
        final Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Number> e : outcomes().entrySet()) {
            m.put(e.getKey(), e.getValue() instanceof Double d ? text(d) : e.getValue().toString());
        }
        actionCounts(m);
        return m;
    }

    /**
     * Per action, how often the broker and all peers together performed it, and message totals: enough to re-price
     * a run from runs.csv alone with another cost table.
     */
    private void actionCounts(Map<String, String> m) {
        final int entities = counters.entityCount();
        for (CostAction action : CostAction.values()) {
            long broker = 0;
            long peers = 0;
            for (Task task : Task.values()) {
                broker += counters.actions(LoadCounters.BROKER, task, action);
                for (int e = 1; e < entities; e++) {
                    peers += counters.actions(e, task, action);
                }
            }
            m.put("count_broker_" + action.csvName(), Long.toString(broker));
            m.put("count_peers_" + action.csvName(), Long.toString(peers));
        }
        long brokerIn = 0;
        long brokerOut = 0;
        long peersOut = 0;
        for (Task task : Task.values()) {
            brokerIn += counters.messagesIn(LoadCounters.BROKER, task);
            brokerOut += counters.messagesOut(LoadCounters.BROKER, task);
            for (int e = 1; e < entities; e++) {
                peersOut += counters.messagesOut(e, task);
            }
        }
        m.put("messages_broker_in", Long.toString(brokerIn));
        m.put("messages_broker_out", Long.toString(brokerOut));
        m.put("messages_peers_out", Long.toString(peersOut));
    }

    static String text(double value) {
        return Double.toString(value);
    }

    static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The nearest-rank percentile ({@code q} in (0, 1]); 0 for no values. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
