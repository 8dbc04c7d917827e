package org.ppay.core.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Spreads a batch over a fixed pool of threads, each with its own delegate verifier (made by the factory on first
 * use in that thread), each verifying one contiguous share of the batch. Answers are the delegates' answers.
 * Thread-safe. Owns its threads: {@link #close()} stops them.
 */
public final class ParallelBatchVerifier implements PooledBatchVerifier {

    /** Shares smaller than this are not worth a hand-off to another thread. */
    public static final int MIN_ITEMS_PER_THREAD = 16;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;
    private final ThreadLocal<BatchVerifier> delegates;
    private volatile boolean closed;

    /**
     * @param threads how many worker threads, at least 1
     * @param factory makes one delegate per worker thread (and one for a caller verifying a small batch itself)
     */
    public ParallelBatchVerifier(int threads, Supplier<? extends BatchVerifier> factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (factory == null) {
            throw new IllegalArgumentException("verifier factory is null");
        }
        this.threads = threads;
        this.delegates = ThreadLocal.withInitial(factory);
        this.pool = WorkerPools.start("ppay-batch-verify", POOL_NUMBER, threads);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public boolean verify(SignatureBatch batch, int from, int to, boolean[] results) {
        return verifyParallel(batch, from, to, results);
    }

    /**
     * Verifies items [from, to) in up to {@link #threads()} contiguous shares of at least
     * {@link #MIN_ITEMS_PER_THREAD} items, in parallel; a batch too small to share is verified by the caller.
     */
    public boolean verifyParallel(SignatureBatch batch, int from, int to, boolean[] results) {
        checkOpen();
        BatchVerifier.checkRange(batch, from, to, results);
        int n = to - from;
        int shares = Math.min(threads, n / MIN_ITEMS_PER_THREAD);
        if (shares <= 1) {
            return delegates.get().verify(batch, from, to, results);
        }
        List<Future<Boolean>> futures = new ArrayList<>(shares);
        for (int s = 0; s < shares; s++) {
            int shareFrom = from + (int) ((long) n * s / shares);
            int shareTo = from + (int) ((long) n * (s + 1) / shares);
            futures.add(pool.submit(() -> delegates.get().verify(batch, shareFrom, shareTo, results)));
        }
        boolean all = true;
        for (Future<Boolean> future : futures) {
            all &= await(future);
        }
        return all;
    }

    @Override
    public boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        checkOpen();
        return delegates.get().verifyOne(publicKey, message, signature);
    }

    /** Stops the worker threads; verification afterwards throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        WorkerPools.stop(pool);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("parallel batch verifier is closed");
        }
    }

    private static boolean await(Future<Boolean> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch share", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a batch share failed", cause);
        }
    }
}
