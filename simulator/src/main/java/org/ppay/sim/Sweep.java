package org.ppay.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ppay.costs.CostTable;

/**
 * Runs many simulations in parallel, each on one thread with its own {@link Simulation}; results come back in the
 * order of the parameter list, and each depends only on its own parameters, so the thread count changes nothing but
 * the wall time.
 */
public final class Sweep {

    private final List<SimulationParameters> runs;
    private final int threads;
    private final Simulation.ProtocolFactory protocol;

    public Sweep(List<SimulationParameters> runs, int threads) {
        this(runs, threads, (p, ledger, accounting) -> accounting);
    }

    /** A sweep whose runs make their protocol with {@code protocol} (e.g. the core's real roles). */
    public Sweep(List<SimulationParameters> runs, int threads, Simulation.ProtocolFactory protocol) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one run");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.runs = List.copyOf(runs);
        this.threads = threads;
        this.protocol = protocol;
    }

    /** One thread per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs every simulation and prices it with {@code costs}; {@code progress} hears from every thread. */
    public List<CostedRun> run(CostTable costs, Progress progress) {
        final double[] fractions = new double[runs.size()];
        final int[] done = new int[1];
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs.size()), r -> {
            final Thread t = new Thread(r, "ppay-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<CostedRun>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                final int index = i;
                futures.add(pool.submit(() -> {
                    final RunResult result = new Simulation(runs.get(index), protocol).run(fraction -> {
                        synchronized (fractions) {
                            fractions[index] = fraction;
                            progress.update(done[0], runs.size(), total(fractions));
                        }
                    });
                    synchronized (fractions) {
                        done[0]++;
                        progress.update(done[0], runs.size(), total(fractions));
                    }
                    return result.costed(costs);
                }));
            }
            final List<CostedRun> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("run " + i + " (" + runs.get(i).values() + ") failed: "
                            + e.getCause(), e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double total(double[] fractions) {
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        return sum / fractions.length;
    }

    /** Progress of a sweep: runs finished, runs in all, and the fraction of all simulated time done. */
    @FunctionalInterface
    public interface Progress {
        void update(int runsDone, int runsTotal, double fractionDone);
    }
}
