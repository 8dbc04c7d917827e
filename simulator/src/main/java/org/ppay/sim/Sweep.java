package org.ppay.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ppay.costs.CostTable;

/**
 * Runs many simulations in parallel, each on one thread with its own {@link Simulation}, and turns each into its
 * runs.csv row as soon as it finishes, so a long sweep keeps rows, not simulations. Results come back in the order
 * of the runs, and each depends only on its own parameters, so the thread count changes nothing but the wall time.
 * A run that throws becomes a failed row; it does not stop the others.
 */
public final class Sweep {

    /** A finished run: its row, and how long it took here (wall time only, for a failed run). */
    public record Outcome(RunRow row, RunStatistics statistics) {
    }

    private final List<SweepPlan.Run> runs;
    private final int threads;
    private final Simulation.ProtocolFactory protocol;

    /** A sweep of {@code runs}, numbered 0, 1, ... */
    public Sweep(List<SimulationParameters> runs, int threads) {
        this(SweepPlan.numbered("sweep", runs).runs(), threads, (p, ledger, accounting) -> accounting);
    }

    /** A sweep whose runs make their protocol with {@code protocol} (e.g. the core's real roles). */
    public Sweep(List<SweepPlan.Run> runs, int threads, Simulation.ProtocolFactory protocol) {
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

    /** The accounting-only sweep of {@code runs}. */
    public static Sweep of(List<SweepPlan.Run> runs, int threads) {
        return new Sweep(runs, threads, (p, ledger, accounting) -> accounting);
    }

    /** One thread per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs every simulation and prices it with {@code costs}; {@code progress} hears from every thread. */
    public List<Outcome> run(CostTable costs, Progress progress) {
        final double[] fractions = new double[runs.size()];
        final int[] done = new int[1];
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs.size()), r -> {
            final Thread t = new Thread(r, "ppay-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                final int index = i;
                futures.add(pool.submit(() -> {
                    final Outcome outcome = runOne(runs.get(index), costs, fraction -> {
                        synchronized (fractions) {
                            fractions[index] = fraction;
                            progress.update(done[0], runs.size(), total(fractions));
                        }
                    });
                    synchronized (fractions) {
                        fractions[index] = 1;
                        done[0]++;
                        progress.update(done[0], runs.size(), total(fractions));
                    }
                    return outcome;
                }));
            }
            final List<Outcome> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("run " + runs.get(i).id() + " broke the sweep: " + e.getCause(),
                            e.getCause());
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

    private Outcome runOne(SweepPlan.Run run, CostTable costs, Simulation.ProgressListener progress) {
        final long start = System.nanoTime();
        try {
            final RunResult result = new Simulation(run.parameters(), protocol).run(progress);
            return new Outcome(RunRow.of(run.id(), result.costed(costs)), result.statistics());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome(RunRow.failed(run.id(), run.parameters(), costs.id(), e),
                    new RunStatistics(0, System.nanoTime() - start, 0));
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
