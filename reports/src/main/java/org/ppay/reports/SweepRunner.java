package org.ppay.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ppay.costs.CostTable;
import org.ppay.sim.RunResult;
import org.ppay.sim.Simulation;
import org.ppay.sim.SimulationParameters;

/**
 * Runs a list of simulations on a pool of threads and prices each with every cost table as soon as it finishes, so
 * the heavy run state can go while the counts stay re-costable. Results come back in the order of the input list,
 * whatever the number of threads; a run that throws becomes a failed {@link RunRecord}, it does not stop the others.
 */
public final class SweepRunner {

    /** Told after every finished run. */
    @FunctionalInterface
    public interface Progress {
        void runFinished(int done, int total, RunRecord record);
    }

    private final int threads;
    private final Progress progress;

    public SweepRunner(int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    public List<RunRecord> run(List<SimulationParameters> points, List<CostTable> tables) {
        final ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            final Thread thread = new Thread(runnable, "ppay-report-run");
            thread.setDaemon(true);
            return thread;
        });
        final AtomicInteger done = new AtomicInteger();
        try {
            final List<Future<RunRecord>> futures = new ArrayList<>();
            for (SimulationParameters point : points) {
                futures.add(pool.submit(() -> {
                    final RunRecord record = runOne(point, tables);
                    progress.runFinished(done.incrementAndGet(), points.size(), record);
                    return record;
                }));
            }
            final List<RunRecord> records = new ArrayList<>();
            for (Future<RunRecord> future : futures) {
                records.add(future.get());
            }
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a simulation task broke: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static RunRecord runOne(SimulationParameters point, List<CostTable> tables) {
        final long start = System.nanoTime();
        try {
            final RunResult result = Simulation.run(point);
            final Map<String, Map<String, String>> loads = new LinkedHashMap<>();
            for (CostTable table : tables) {
                loads.put(table.id(), result.costed(table).loadMetrics());
            }
            return new RunRecord(point, result.countMetrics(), loads, seconds(start), null);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new RunRecord(point, Map.of(), Map.of(), seconds(start),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
