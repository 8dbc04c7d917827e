package org.ppay.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ppay.core.crypto.ed25519.DecodedKeyCache;
import org.ppay.core.crypto.ed25519.EdwardsPoint;
import org.ppay.core.crypto.ed25519.MultiScalarMultiplier;
import org.ppay.core.crypto.ed25519.PippengerPlan;
import org.ppay.core.crypto.ed25519.PointArithmetic;
import org.ppay.core.crypto.ed25519.ScalarDigits;
import org.ppay.core.crypto.ed25519.ScalarField;

/**
 * Ed25519 batch verification on several threads without splitting the batch: the threads decode and hash shares
 * of the items, recode shares of the points, and sum shares of the Pippenger windows of one multiplication, so
 * a batch keeps the per-signature cost of its full size. Batches too small for Pippenger are split into shares,
 * each verified by one thread's {@link Ed25519BatchVerifier}. Answers and policy are exactly those of
 * {@link Ed25519BatchVerifier}.
 *
 * <p>Thread-safe (calls are serialised); owns {@code threads - 1} worker threads, the caller being the last.
 * {@link #close()} stops them.
 */
public final class ParallelEd25519BatchVerifier implements PooledBatchVerifier {

    /** From this many items on, one shared Pippenger multiplication (2n + 1 points) beats Straus shares. */
    public static final int SHARED_MULTIPLICATION_MIN_ITEMS = 96;

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;
    private final Worker[] workers;
    private final DecodedKeyCache keyCache;
    private final SecureRandom random;
    private final BatchCoefficients coefficients;
    private final PippengerPlan plan = new PippengerPlan();
    private final byte[] baseScalar = new byte[32];
    private final EdwardsPoint check = new EdwardsPoint();
    private final Future<?>[] pending;

    // per item m of the current batch (no compaction): points[2m] = A, points[2m+1] = R
    private EdwardsPoint[] points = new EdwardsPoint[0];
    private byte[] scalars = new byte[0];
    private byte[] zTimesS = new byte[0];
    private boolean[] live = new boolean[0];
    private boolean closed;

    /** {@code threads} threads in all (the caller included), sharing a key cache of 4096 keys. */
    public ParallelEd25519BatchVerifier(int threads) {
        this(threads, new DecodedKeyCache(BatchVerifiers.DEFAULT_KEY_CACHE_CAPACITY), new SecureRandom());
    }

    public ParallelEd25519BatchVerifier(int threads, DecodedKeyCache keyCache, SecureRandom random) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.keyCache = keyCache;
        this.random = random;
        this.coefficients = new BatchCoefficients(random);
        this.workers = new Worker[threads];
        for (int k = 0; k < threads; k++) {
            workers[k] = new Worker();
        }
        this.pending = new Future<?>[threads];
        this.pool = threads == 1 ? null : WorkerPools.start("ppay-ed25519-verify", POOL_NUMBER, threads - 1);
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public synchronized boolean verify(SignatureBatch batch, int from, int to, boolean[] results) {
        checkOpen();
        BatchVerifier.checkRange(batch, from, to, results);
        int n = to - from;
        if (threads == 1 || n < SHARED_MULTIPLICATION_MIN_ITEMS) {
            return verifyInShares(batch, from, to, results);
        }
        ensureCapacity(n);
        coefficients.draw(n);
        runOnAll(k -> {
            Worker worker = workers[k];
            for (int m = share(k, n); m < share(k + 1, n); m++) {
                results[from + m] = false;
                live[m] = worker.prepare(batch, from + m, m);
            }
        });
        workers[0].scalarField.negatedSum(zTimesS, 0, 32, n, baseScalar, 0);
        plan.reset(2 * n + 1);
        runOnAll(k -> {
            Worker worker = workers[k];
            plan.preparePoints(worker.arithmetic, worker.recoder, points, scalars, 0, share(k, 2 * n),
                    share(k + 1, 2 * n));
            if (k == 0) {
                plan.prepareBase(worker.recoder, baseScalar, 0, 2 * n);
            }
        });
        int windows = plan.digitCount();
        runOnAll(k -> workers[k].multiplier.sumWindows(plan, share(k, windows), share(k + 1, windows),
                workers[k].partial));
        check.set(workers[threads - 1].partial);
        for (int k = threads - 2; k >= 0; k--) {
            workers[0].multiplier.combineWindows(plan, check, share(k + 1, windows) - share(k, windows),
                    workers[k].partial);
        }
        PointArithmetic arithmetic = workers[0].arithmetic;
        arithmetic.doublePoint(check, 3, check);
        if (arithmetic.isIdentity(check)) {
            markValid(from, 0, n, results);
        } else {
            locateInvalid(from, 0, n, results);
        }
        for (int i = from; i < to; i++) {
            if (!results[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized boolean verifyOne(byte[] publicKey, byte[] message, byte[] signature) {
        checkOpen();
        return workers[0].verifier.verifyOne(publicKey, message, signature);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            WorkerPools.stop(pool);
        }
    }

    private boolean verifyInShares(SignatureBatch batch, int from, int to, boolean[] results) {
        int n = to - from;
        int shares = Math.max(1, Math.min(threads, n / ParallelBatchVerifier.MIN_ITEMS_PER_THREAD));
        if (shares == 1) {
            return workers[0].verifier.verify(batch, from, to, results);
        }
        AtomicBoolean all = new AtomicBoolean(true);
        runOn(shares, k -> {
            if (!workers[k].verifier.verify(batch, from + share(k, n, shares), from + share(k + 1, n, shares),
                    results)) {
                all.set(false);
            }
        });
        return all.get();
    }

    /** Whether candidates [lo, hi) of the current batch satisfy the batch equation (one thread). */
    private boolean holds(int lo, int hi) {
        Worker worker = workers[0];
        worker.scalarField.negatedSum(zTimesS, 32 * lo, 32, hi - lo, baseScalar, 0);
        worker.multiplier.multiply(baseScalar, 0, points, scalars, 2 * lo, 2 * (hi - lo), check);
        worker.arithmetic.doublePoint(check, 3, check);
        return worker.arithmetic.isIdentity(check);
    }

    private void locateInvalid(int from, int lo, int hi, boolean[] results) {
        if (hi - lo == 1) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        if (holds(lo, mid)) {
            markValid(from, lo, mid, results);
            locateInvalid(from, mid, hi, results);
            return;
        }
        locateInvalid(from, lo, mid, results);
        if (holds(mid, hi)) {
            markValid(from, mid, hi, results);
        } else {
            locateInvalid(from, mid, hi, results);
        }
    }

    private void markValid(int from, int lo, int hi, boolean[] results) {
        for (int m = lo; m < hi; m++) {
            if (live[m]) {
                results[from + m] = true;
            }
        }
    }

    private int share(int k, int n) {
        return share(k, n, threads);
    }

    private static int share(int k, int n, int shares) {
        return (int) ((long) n * k / shares);
    }

    private void runOnAll(IntConsumer task) {
        runOn(threads, task);
    }

    /** Runs task(0..count-1), task 0 on the caller's thread, and waits for all. */
    private void runOn(int count, IntConsumer task) {
        for (int k = 1; k < count; k++) {
            int index = k;
            pending[k] = pool.submit(() -> task.accept(index));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int k = 1; k < count; k++) {
            try {
                pending[k].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a verification share", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("a verification share failed", e.getCause());
                }
            }
            pending[k] = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureCapacity(int n) {
        if (live.length >= n) {
            return;
        }
        int capacity = Math.max(n, 2 * live.length);
        EdwardsPoint[] grown = Arrays.copyOf(points, 2 * capacity);
        for (int i = points.length; i < grown.length; i++) {
            grown[i] = new EdwardsPoint();
        }
        points = grown;
        scalars = new byte[64 * capacity];
        zTimesS = new byte[32 * capacity];
        live = new boolean[capacity];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("parallel Ed25519 verifier is closed");
        }
    }

    /** One thread's scratch. */
    private final class Worker {
        final PointArithmetic arithmetic = new PointArithmetic();
        final Ed25519Items items = new Ed25519Items(arithmetic, keyCache);
        final ScalarField scalarField = items.scalarField;
        final ScalarDigits recoder = new ScalarDigits();
        final MultiScalarMultiplier multiplier = new MultiScalarMultiplier(arithmetic);
        final EdwardsPoint partial = new EdwardsPoint();
        final Ed25519BatchVerifier verifier = new Ed25519BatchVerifier(keyCache, random);

        /** Prepares item i as slot m; a rejected item becomes the identity with zero scalars, adding nothing. */
        boolean prepare(SignatureBatch batch, int i, int m) {
            if (items.prepare(batch, i, coefficients.bytes(), m, points[2 * m], points[2 * m + 1], scalars,
                    zTimesS) != null) {
                return true;
            }
            points[2 * m].setIdentity();
            points[2 * m + 1].setIdentity();
            Arrays.fill(scalars, 64 * m, 64 * m + 64, (byte) 0);
            Arrays.fill(zTimesS, 32 * m, 32 * m + 32, (byte) 0);
            return false;
        }
    }
}
