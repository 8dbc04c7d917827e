package org.ppay.core.crypto;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker threads a parallel verifier owns: named, daemon (never keeping a JVM alive), stopped on close. */
final class WorkerPools {

    private static final long STOP_WAIT_SECONDS = 10;

    private WorkerPools() {
    }

    /**
     * A fixed pool of {@code threads} daemon threads named {@code <prefix>-<poolNumber>-<threadNumber>}.
     *
     * @param poolNumbers the caller's count of pools it made, for the names
     */
    static ExecutorService start(String prefix, AtomicInteger poolNumbers, int threads) {
        final int poolNumber = poolNumbers.incrementAndGet();
        final AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            final Thread thread = new Thread(runnable, prefix + "-" + poolNumber + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets running tasks finish for a while, then interrupts them; keeps the caller's interrupt status. */
    static void stop(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
