package org.ppay.core.crypto;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Spreads a batch over {@code threads} threads, the caller and {@code threads - 1} helpers, each verifying one
 * contiguous share of the batch with its own delegate verifier (made by the factory on that thread, on its first
 * share). Answers are the delegates' answers. Hand-overs go through a {@link VerifierCrew}: no allocation per batch,
 * and the caller verifies a share instead of idling. Thread-safe (calls are serialised). Owns its helper threads:
 * {@link #close()} stops them.
 */
public final class ParallelBatchVerifier implements PooledBatchVerifier {

    /** Shares smaller than this are not worth a hand-off to another thread. */
    public static final int MIN_ITEMS_PER_THREAD = 16;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final Supplier<? extends BatchVerifier> factory;
    private final VerifierCrew crew;
    /** Delegate k is made by, and used on, the thread that runs share k (0: whichever thread calls). */
    private final BatchVerifier[] delegates;
    private final boolean[] shareValid;
    private final IntConsumer shareTask = this::verifyShare;

    // the batch in progress
    private SignatureBatch batch;
    private boolean[] results;
    private int from;
    private int n;
    private int shares;
    private boolean closed;

    /**
     * @param threads how many threads verify a batch, the caller included, at least 1
     * @param factory makes one delegate per thread
     */
    public ParallelBatchVerifier(int threads, Supplier<? extends BatchVerifier> factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (factory == null) {
            throw new IllegalArgumentException("verifier factory is null");
        }
        this.threads = threads;
        this.factory = factory;
        this.delegates = new BatchVerifier[threads];
        this.shareValid = new boolean[threads];
        this.crew = threads == 1 ? null : new VerifierCrew("ppay-batch-verify", POOL_NUMBER, threads);
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
    public synchronized boolean verifyParallel(SignatureBatch batch, int from, int to, boolean[] results) {
        checkOpen();
        BatchVerifier.checkRange(batch, from, to, results);
        int n = to - from;
        int shares = Math.min(threads, n / MIN_ITEMS_PER_THREAD);
        if (shares <= 1) {
            return delegate(0).verify(batch, from, to, results);
        }
        this.batch = batch;
        this.results = results;
        this.from = from;
        this.n = n;
        this.shares = shares;
        try {
            crew.run(shares, shareTask);
        } finally {
            this.batch = null;
            this.results = null;
        }
        boolean all = true;
        for (int k = 0; k < shares; k++) {
            all &= shareValid[k];
        }
        return all;
    }

    @Override
    public synchronized boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        checkOpen();
        return delegate(0).verifyOne(publicKey, message, signature);
    }

    /** Stops the helper threads; verification afterwards throws {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        closed = true;
        if (crew != null) {
            crew.close();
        }
    }

    private void verifyShare(int k) {
        int shareFrom = from + (int) ((long) n * k / shares);
        int shareTo = from + (int) ((long) n * (k + 1) / shares);
        shareValid[k] = delegate(k).verify(batch, shareFrom, shareTo, results);
    }

    private BatchVerifier delegate(int k) {
        if (delegates[k] == null) {
            BatchVerifier made = factory.get();
            if (made == null) {
                throw new IllegalStateException("verifier factory returned null for share " + k);
            }
            delegates[k] = made;
        }
        return delegates[k];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("parallel batch verifier is closed");
        }
    }
}
